package fr.macrea.max.crm;

import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.testing.TestTenants;

/** The CRM contract on the embedded CRM (the tenant schema on MariaDB is the CRM). */
class EmbeddedCrmContractIT extends SchemaCrmGatewayContract {

    private static Tenant tenant;

    @Override
    protected Tenant tenant() {
        if (tenant == null) {
            tenant = TestTenants.create(tenantService, "Embarque", Plan.PRO);
        }
        return tenant;
    }
}
