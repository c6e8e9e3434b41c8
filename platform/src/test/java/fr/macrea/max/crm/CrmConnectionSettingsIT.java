package fr.macrea.max.crm;

import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static fr.macrea.max.db.crm.Tables.LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What tenant settings do with the EspoCRM connection: test it without saving (the refusals in French), connect the
 * tenant admin's own tenant without any platform role, copy EspoCRM in the background, show no secret back.
 */
@TestPropertySource(properties = {
        "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "max.crm.sync.scheduled=false",
        "max.crm.espo.initial-backoff=PT0.01S"})
class CrmConnectionSettingsIT extends PlatformIT {

    @Autowired
    CrmConnectionService connection;
    @Autowired
    TenantService tenants;
    @Autowired
    TenantDsl tenantDsl;

    private final EspoCrmFake fake = new EspoCrmFake();

    @AfterEach
    void tearDown() {
        TestTenants.signOut();
        fake.close();
    }

    private EspoConnectionForm form(String apiKey) {
        return new EspoConnectionForm(fake.baseUrl() + "/", EspoSettings.AuthMode.API_KEY, null, apiKey, null, true);
    }

    @Test
    void theTestSaysHowManyLeadsEspoCrmHoldsAndSavesNothing() {
        Tenant tenant = TestTenants.create(tenants, "Test connexion", Plan.PRO);
        fake.put("Lead", Map.of("firstName", "Léa", "lastName", "Martin", "status", "New"));
        fake.put("Lead", Map.of("firstName", "Hugo", "lastName", "Bernard", "status", "New"));
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);

        ConnectionCheck check = connection.testConnection(form(EspoCrmFake.API_KEY));

        assertThat(check.leads()).isEqualTo(2);
        assertThat(check.baseUrl()).isEqualTo(fake.baseUrl());
        assertThat(connection.connection()).isEmpty();
        assertThat(tenants.current().crmMode()).isEqualTo(CrmMode.EMBEDDED);
    }

    @Test
    void aWrongKeyAndADownServerAreRefusedInFrench() {
        Tenant tenant = TestTenants.create(tenants, "Test refus", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);

        assertThatThrownBy(() -> connection.testConnection(form("mauvaise-cle")))
                .isInstanceOf(CrmAccessException.class)
                .hasMessage("EspoCRM refuse les identifiants de connexion (clé API ou secret HMAC invalide).");
        fake.down(true);
        assertThatThrownBy(() -> connection.testConnection(form(EspoCrmFake.API_KEY)))
                .isInstanceOf(CrmUnavailableException.class)
                .hasMessageStartingWith("EspoCRM ne répond pas");
        assertThatThrownBy(() -> connection.testConnection(form("")))
                .as("no key saved yet").isInstanceOf(CrmValidationException.class)
                .hasMessage("La clé API EspoCRM est obligatoire.");
        assertThatThrownBy(() -> connection.testConnection(new EspoConnectionForm("https://" + "a".repeat(500) + ".fr",
                EspoSettings.AuthMode.API_KEY, null, "k", null, true)))
                .hasMessage("Adresse EspoCRM trop longue : 500 caractères au plus.");
    }

    @Test
    void aTenantAdminConnectsTheirOwnTenantAndTheBackfillBringsTheLeads() throws InterruptedException {
        Tenant tenant = TestTenants.create(tenants, "Connexion admin", Plan.PRO);
        for (int i = 0; i < 3; i++) {
            fake.put("Lead", Map.of("firstName", "Prénom" + i, "lastName", "Espo" + i, "status", "New"));
        }
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);

        String path = connection.connect(form(EspoCrmFake.API_KEY));

        assertThat(path).startsWith(CrmConnectionService.WEBHOOK_PATH);
        assertThat(tenants.current().crmMode()).isEqualTo(CrmMode.ESPOCRM);
        waitForTheCopy();
        assertThat(tenantDsl.crm().fetchCount(LEAD)).isEqualTo(3);
        assertThat(connection.syncStatus()).anySatisfy(s -> {
            assertThat(s.entityType()).isEqualTo("Lead");
            assertThat(s.healthy()).isTrue();
            assertThat(s.recordsSynced()).isEqualTo(3);
        });

        EspoConnectionInfo info = connection.connection().orElseThrow();
        assertThat(info.baseUrl()).isEqualTo(fake.baseUrl());
        assertThat(info.savedAt()).isBefore(Instant.now().plusSeconds(5));
        assertThat(info.toString()).doesNotContain(EspoCrmFake.API_KEY);
        // a blank key keeps the saved one (it is never shown back, so the form cannot resend it)
        assertThat(connection.testConnection(form("")).leads()).isEqualTo(3);

        fake.put("Lead", Map.of("firstName", "Tardif", "lastName", "Espo9", "status", "New"));
        assertThat(connection.resync()).isTrue();
        waitForTheCopy();
        assertThat(tenantDsl.crm().fetchCount(LEAD)).isEqualTo(4);
    }

    @Test
    void aTenantUserAndAPlatformAdminOutsideTheTenantCannotConnectNorResync() {
        Tenant tenant = TestTenants.create(tenants, "Connexion refusée", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        assertThatThrownBy(() -> connection.connect(form(EspoCrmFake.API_KEY))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> connection.testConnection(form(EspoCrmFake.API_KEY))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(connection::resync).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tenants.changeOwnCrmMode(CrmMode.ESPOCRM)).isInstanceOf(AccessDeniedException.class);

        TestTenants.signIn(new fr.macrea.max.security.MaxPrincipal(42, "admin@macrea.fr", "MaCréa", null, true,
                java.util.List.of(), null));
        assertThatThrownBy(() -> connection.connect(form(EspoCrmFake.API_KEY))).isInstanceOf(AccessDeniedException.class);
        assertThat(fake.requests.get()).as("nothing reached EspoCRM").isZero();
    }

    private void waitForTheCopy() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (connection.syncRunning() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(connection.syncRunning()).isFalse();
    }
}
