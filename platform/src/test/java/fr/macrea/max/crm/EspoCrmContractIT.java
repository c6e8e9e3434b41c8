package fr.macrea.max.crm;

import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The same CRM contract on a tenant in EspoCRM mode: writes go to the EspoCRM fake first, reads come from the
 * replica. Plus what only this mode has: EspoCRM is the source of truth, and EspoCRM down means nothing written.
 */
class EspoCrmContractIT extends SchemaCrmGatewayContract {

    private static Tenant tenant;
    private static EspoCrmFake fake;

    @Autowired
    private CrmConnectionService connection;
    @Autowired
    private TenantContext context;

    @Override
    protected Tenant tenant() {
        if (tenant == null) {
            fake = new EspoCrmFake();
            tenant = TestTenants.create(tenantService, "Espo", Plan.PRO);
            TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
            connection.connectEspoCrm(fake.apiKeySettings());
            TestTenants.signOut();
        }
        return tenant;
    }

    @AfterAll
    static void stopFake() {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void theTenantIsInEspoCrmModeAndWritesReachEspoCrmFirst() {
        assertThat(tenantService.current().crmMode()).isEqualTo(CrmMode.ESPOCRM);
        String id = crm.create("Lead", lead("Source", "Verite" + unique, null), false);
        assertThat(fake.get("Lead", id)).containsEntry("lastName", "Verite" + unique);
        crm.update(EntityRef.lead(id), java.util.Map.of("status", "Assigned"));
        assertThat(fake.get("Lead", id)).containsEntry("status", "Assigned");
        crm.delete(EntityRef.lead(id));
        assertThat(fake.get("Lead", id)).containsEntry("deleted", true);
    }

    @Test
    void espoCrmValidationErrorsAreTypedAndLeaveTheReplicaUntouched() {
        String id = crm.create("Lead", lead("Valid", "Ation" + unique, null), false);
        assertThatThrownBy(() -> crm.update(EntityRef.lead(id), java.util.Map.of("status", "Bogus")))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("status");
        assertThat(crm.findLead(id).orElseThrow().status()).isEqualTo("New");
    }

    @Test
    void espoCrmDownIsAClearErrorAndNothingIsWritten() {
        fake.down(true);
        try {
            assertThatThrownBy(() -> crm.create("Lead", lead("Down", "Panne" + unique, null), false))
                    .isInstanceOf(CrmUnavailableException.class).hasMessageContaining("EspoCRM ne répond pas");
        } finally {
            fake.down(false);
        }
        assertThat(crm.searchLeads(CrmQuery.all(10).withText("panne" + unique)).items()).isEmpty();
    }
}
