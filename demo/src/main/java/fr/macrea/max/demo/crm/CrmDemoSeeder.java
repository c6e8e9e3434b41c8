package fr.macrea.max.demo.crm;

import fr.macrea.max.demo.DemoSeeder;
import fr.macrea.max.demo.DemoTenant;
import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.Tenant;
import org.springframework.stereotype.Component;

/**
 * The CRM share of the demo data: a few hundred realistic leads per demo tenant, in its first vertical, and the
 * consent evidence most of them gave ({@link DemoOptIns}).
 */
@Component
class CrmDemoSeeder implements DemoSeeder {

    private final CrmDatasetGenerator generator;
    private final DemoOptIns optIns;

    CrmDemoSeeder(CrmDatasetGenerator generator, DemoOptIns optIns) {
        this.generator = generator;
        this.optIns = optIns;
    }

    @Override
    public void seed(Tenant tenant, DemoTenant profile) {
        if (tenant.crmMode() != CrmMode.EMBEDDED || generator.hasLeads()) {
            return;
        }
        String vertical = profile.verticals().isEmpty() ? "" : profile.verticals().getFirst();
        generator.generate(CrmDatasetGenerator.DatasetSpec.demo(vertical, profile.slug().hashCode()));
        optIns.record(profile.slug().hashCode());
    }

    @Override
    public int order() {
        return 10;
    }
}
