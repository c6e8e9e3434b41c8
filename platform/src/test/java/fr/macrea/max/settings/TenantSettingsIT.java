package fr.macrea.max.settings;

import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import java.util.EnumSet;
import java.util.Set;

import static fr.macrea.max.db.platform.Tables.TENANT_SETTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant settings on the real database: saved values and encrypted secrets, the checks (each on its field, nothing
 * written when refused), the roles, and tenant isolation (tenant B never reads nor changes tenant A's settings).
 */
@TestPropertySource(properties = "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
class TenantSettingsIT extends PlatformIT {

    @Autowired
    TenantSettingsService settings;
    @Autowired
    TenantService tenants;
    @Autowired
    DSLContext dsl;

    private Tenant tenantA;
    private Tenant tenantB;

    @BeforeEach
    void setUp() {
        tenantA = TestTenants.create(tenants, "Réglages A", Plan.PRO);
        tenantB = TestTenants.create(tenants, "Réglages B", Plan.PRO);
        TestTenants.signInAs(tenantA, Role.TENANT_ADMIN);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theN8nSlotKeepsItsAddressAndOnlySaysWhenTheKeyWasSet() {
        N8nSettings saved = settings.saveN8n(" https://n8n.qmix.fr/ ", SecretChange.replace("n8n-key-123"));

        assertThat(saved.baseUrl()).isEqualTo("https://n8n.qmix.fr");
        assertThat(saved.apiKey().set()).isTrue();
        assertThat(saved.toString()).doesNotContain("n8n-key-123");
        assertThat(settings.secret(SettingsSlot.N8N)).contains("n8n-key-123");
        assertThat(dsl.select(TENANT_SETTING.SECRET_ENC).from(TENANT_SETTING)
                .where(TENANT_SETTING.TENANT_ID.eq(tenantA.id().value())).fetchOne(TENANT_SETTING.SECRET_ENC))
                .as("stored encrypted").isNotBlank().doesNotContain("n8n-key-123");

        // a blank key field keeps the saved key; clearing it is refused while an address needs it
        assertThat(settings.saveN8n("https://n8n2.qmix.fr", SecretChange.typed("")).apiKey()).isEqualTo(saved.apiKey());
        assertThat(settings.secret(SettingsSlot.N8N)).contains("n8n-key-123");
        assertThatThrownBy(() -> settings.saveN8n("https://n8n2.qmix.fr", SecretChange.clear()))
                .isInstanceOfSatisfying(SettingsValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("n8n.apiKey");
                    assertThat(e.getMessage()).isEqualTo("La clé API n8n est obligatoire avec une adresse n8n.");
                });
        // blank address and cleared key: the slot is removed
        assertThat(settings.saveN8n("", SecretChange.clear()).configured()).isFalse();
        assertThat(settings.secret(SettingsSlot.N8N)).isEmpty();
    }

    @Test
    void badAddressesAndTooLongValuesAreRefusedOnTheirFieldAndNothingIsWritten() {
        for (String url : new String[]{"ftp://n8n.fr", "javascript:alert(1)", "n8n.qmix.fr", "http://", "https://a b.fr"}) {
            assertThatThrownBy(() -> settings.saveN8n(url, SecretChange.replace("k")), url)
                    .isInstanceOfSatisfying(SettingsValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("n8n.baseUrl");
                        assertThat(e.getMessage()).startsWith("Adresse invalide : elle doit commencer par http://");
                    });
        }
        assertThatThrownBy(() -> settings.saveModel("https://api.mistral.ai/v1", "m".repeat(101), SecretChange.keep()))
                .isInstanceOfSatisfying(SettingsValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("model.name");
                    assertThat(e.getMessage()).isEqualTo("Trop long : 100 caractères au plus.");
                });
        assertThatThrownBy(() -> settings.saveModel("https://x.fr/" + "a".repeat(500), "mistral", SecretChange.keep()))
                .isInstanceOfSatisfying(SettingsValidationException.class, e -> assertThat(e.field()).isEqualTo("model.baseUrl"));
        assertThatThrownBy(() -> settings.saveSmtp("smtp.qmix.fr", 70_000, null, "contact@qmix.fr",
                SmtpSettings.Security.STARTTLS, SecretChange.keep()))
                .isInstanceOfSatisfying(SettingsValidationException.class, e -> assertThat(e.field()).isEqualTo("smtp.port"));
        assertThatThrownBy(() -> settings.saveSmtp("smtp.qmix.fr", 587, null, "pas-un-courriel",
                SmtpSettings.Security.STARTTLS, SecretChange.keep()))
                .isInstanceOfSatisfying(SettingsValidationException.class, e -> assertThat(e.field()).isEqualTo("smtp.sender"));
        assertThatThrownBy(() -> settings.saveSmtp("smtp.qmix.fr", 587, null, "contact@qmix.fr",
                SmtpSettings.Security.STARTTLS, SecretChange.replace("p".repeat(501))))
                .isInstanceOfSatisfying(SettingsValidationException.class, e -> assertThat(e.field()).isEqualTo("smtp.password"));
        assertThatThrownBy(() -> settings.saveConsent(new ConsentSettings(Set.of(), true, 0)))
                .isInstanceOfSatisfying(SettingsValidationException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("La durée de conservation doit être comprise entre 1 et 120 mois."));

        assertThat(dsl.fetchCount(TENANT_SETTING, TENANT_SETTING.TENANT_ID.eq(tenantA.id().value()))).isZero();
    }

    @Test
    void smtpModelAndConsentAreSavedAndReadBack() {
        SmtpSettings smtp = settings.saveSmtp("SMTP.qmix.fr", 465, "max@qmix.fr", "contact@qmix.fr",
                SmtpSettings.Security.TLS, SecretChange.replace("mot-de-passe"));
        assertThat(smtp).extracting(SmtpSettings::host, SmtpSettings::port, SmtpSettings::username, SmtpSettings::sender,
                SmtpSettings::security).containsExactly("smtp.qmix.fr", 465, "max@qmix.fr", "contact@qmix.fr",
                SmtpSettings.Security.TLS);
        assertThat(smtp.password().set()).isTrue();

        ModelSettings model = settings.saveModel("http://localhost:11434/v1", "llama3.1", SecretChange.keep());
        assertThat(model.apiKey().set()).as("a local Ollama needs no key").isFalse();
        assertThat(settings.model().model()).isEqualTo("llama3.1");

        assertThat(settings.consent()).isEqualTo(ConsentSettings.DEFAULTS);
        settings.saveConsent(new ConsentSettings(EnumSet.of(ConsentSettings.Channel.EMAIL, ConsentSettings.Channel.SMS), false, 24));
        assertThat(settings.consent()).isEqualTo(new ConsentSettings(
                EnumSet.of(ConsentSettings.Channel.EMAIL, ConsentSettings.Channel.SMS), false, 24));
    }

    @Test
    void onlyTenantAdminsChangeSettingsAndMembersReadTheConsentRules() {
        TestTenants.signInAs(tenantA, Role.TENANT_USER);
        assertThatThrownBy(() -> settings.saveN8n("https://n8n.fr", SecretChange.replace("k")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(settings::n8n).isInstanceOf(AccessDeniedException.class);
        assertThat(settings.consent()).isEqualTo(ConsentSettings.DEFAULTS);

        TestTenants.signIn(new fr.macrea.max.security.MaxPrincipal(42, "admin@macrea.fr", "MaCréa", null, true,
                java.util.List.of(), null));
        assertThatThrownBy(settings::smtp).as("a platform admin who is not a member").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void tenantBNeverReadsNorChangesTenantAsSettings() {
        settings.saveN8n("https://n8n.a.fr", SecretChange.replace("secret-de-a"));
        settings.saveSmtp("smtp.a.fr", 587, "a", "a@a.fr", SmtpSettings.Security.STARTTLS, SecretChange.replace("mdp-a"));
        settings.saveConsent(new ConsentSettings(Set.of(), false, 12));

        TestTenants.signInAs(tenantB, Role.TENANT_ADMIN);
        assertThat(settings.n8n()).isEqualTo(N8nSettings.NONE);
        assertThat(settings.smtp()).isEqualTo(SmtpSettings.NONE);
        assertThat(settings.consent()).isEqualTo(ConsentSettings.DEFAULTS);
        assertThat(settings.secret(SettingsSlot.N8N)).isEmpty();
        settings.saveN8n("https://n8n.b.fr", SecretChange.replace("secret-de-b"));
        settings.saveSmtp("", null, null, null, null, SecretChange.clear());

        TestTenants.signInAs(tenantA, Role.TENANT_ADMIN);
        assertThat(settings.n8n().baseUrl()).isEqualTo("https://n8n.a.fr");
        assertThat(settings.secret(SettingsSlot.N8N)).contains("secret-de-a");
        assertThat(settings.smtp().host()).as("B's clearing of its own SMTP left A's alone").isEqualTo("smtp.a.fr");
        assertThat(settings.consent().proofRetentionMonths()).isEqualTo(12);
    }
}
