package fr.macrea.max.fields;

import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.TenantService;
import org.springframework.stereotype.Component;

/** The target of the current tenant's CRM mode (a project keeps the mode it was proposed for). */
@Component
class SchemaTargets {

    private final EmbeddedTarget embedded;
    private final EspoTarget espo;
    private final TenantService tenants;

    SchemaTargets(EmbeddedTarget embedded, EspoTarget espo, TenantService tenants) {
        this.embedded = embedded;
        this.espo = espo;
        this.tenants = tenants;
    }

    SchemaTarget current() {
        return of(tenants.current().crmMode());
    }

    SchemaTarget of(CrmMode mode) {
        return mode == CrmMode.ESPOCRM ? espo : embedded;
    }
}
