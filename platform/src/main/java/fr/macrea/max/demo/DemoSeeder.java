package fr.macrea.max.demo;

import fr.macrea.max.tenant.Tenant;

/**
 * A feature's share of the demo data (CRM records, wallet, brain activations...). Called once per demo tenant on
 * the first start, inside {@link fr.macrea.max.security.TenantContext#callAs} for that tenant.
 */
public interface DemoSeeder {

    void seed(Tenant tenant, DemoTenant profile);

    /** Lower runs first. */
    default int order() {
        return 100;
    }
}
