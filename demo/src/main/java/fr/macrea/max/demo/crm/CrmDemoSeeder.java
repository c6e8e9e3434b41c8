package fr.macrea.max.demo.crm;

import fr.macrea.max.demo.DemoSeeder;
import fr.macrea.max.demo.DemoTenant;
import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.Tenant;
import org.springframework.stereotype.Component;

/** The CRM share of the demo data: a few hundred realistic leads per demo tenant, in its first vertical. */
@Component
class CrmDemoSeeder implements DemoSeeder {

    private final CrmDatasetGenerator generator;

    CrmDemoSeeder(CrmDatasetGenerator generator) {
        this.generator = generator;
    }

    @Override
    public void seed(Tenant tenant, DemoTenant profile) {
        if (tenant.crmMode() != CrmMode.EMBEDDED || generator.hasLeads()) {
            return;
        }
        String vertical = profile.verticals().isEmpty() ? "" : profile.verticals().getFirst();
        generator.generate(CrmDatasetGenerator.DatasetSpec.demo(vertical, profile.slug().hashCode()));
    }

    @Override
    public int order() {
        return 10;
    }
}
