package fr.macrea.max.tenant;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** New CRM migrations reach existing tenants at start-up, before anything else reads their schema. */
@Component
@Order(0)
class CrmSchemaMigrator implements ApplicationRunner {

    private final TenantService tenants;

    CrmSchemaMigrator(TenantService tenants) {
        this.tenants = tenants;
    }

    @Override
    public void run(ApplicationArguments args) {
        tenants.migrateAllCrmSchemas();
    }
}
