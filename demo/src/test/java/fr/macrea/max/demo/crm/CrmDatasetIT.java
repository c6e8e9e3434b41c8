package fr.macrea.max.demo.crm;

import fr.macrea.max.crm.*;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.Set;

import static fr.macrea.max.db.crm.Tables.ARRAY_VALUE;
import static fr.macrea.max.db.crm.Tables.CALL;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN_LOG_RECORD;
import static fr.macrea.max.db.crm.Tables.EMAIL;
import static fr.macrea.max.db.crm.Tables.LEAD;
import static fr.macrea.max.db.crm.Tables.MEETING;
import static fr.macrea.max.db.crm.Tables.NOTE;
import static fr.macrea.max.db.crm.Tables.TASK;
import static org.assertj.core.api.Assertions.assertThat;

/** Generated CRM data: the volumes asked, EspoCRM-valid values, and data the port can search and show. */
@TestPropertySource(properties = {
        "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "max.crm.sync.scheduled=false",
        "max.crm.espo.initial-backoff=PT0.01S"})
class CrmDatasetIT extends PlatformIT {

    @Autowired
    private TenantService tenantService;
    @Autowired
    private CrmDatasetGenerator generator;
    @Autowired
    private CrmGateway crm;
    @Autowired
    private TenantDsl tenantDsl;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void generatesTheAskedVolumesWithValidEspoValues() {
        Tenant tenant = TestTenants.create(tenantService, "Dataset", Plan.STUDIO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        assertThat(generator.hasLeads()).isFalse();
        var report = generator.generate(new CrmDatasetGenerator.DatasetSpec("logistique", 3_000, 300, 100, 5, 12_000, 7));

        var dsl = tenantDsl.crm();
        assertThat(dsl.fetchCount(LEAD)).isEqualTo(3_000);
        long activities = dsl.fetchCount(NOTE) + dsl.fetchCount(TASK) + dsl.fetchCount(CALL) + dsl.fetchCount(MEETING)
                + dsl.fetchCount(EMAIL) + dsl.fetchCount(CAMPAIGN_LOG_RECORD);
        assertThat(activities).isEqualTo(12_000).isEqualTo(report.activities());
        assertThat(report.totalRows()).isGreaterThan(15_000);
        assertThat(dsl.selectDistinct(LEAD.STATUS).from(LEAD).fetch(LEAD.STATUS))
                .isSubsetOf("New", "Assigned", "In Process", "Converted", "Recycled", "Dead");
        assertThat(dsl.selectDistinct(CAMPAIGN_LOG_RECORD.ACTION).from(CAMPAIGN_LOG_RECORD).fetch(CAMPAIGN_LOG_RECORD.ACTION))
                .contains("Sent", "Opened", "Clicked");
        assertThat(dsl.fetchCount(LEAD, LEAD.ID.likeRegex("^[0-9a-f]{17}$"))).isEqualTo(3_000);
        // c_tags JSON and array_value rows agree
        int tagged = dsl.fetchCount(LEAD, LEAD.C_TAGS.isNotNull());
        int leadsWithRows = dsl.select(org.jooq.impl.DSL.countDistinct(ARRAY_VALUE.ENTITY_ID)).from(ARRAY_VALUE)
                .where(ARRAY_VALUE.ENTITY_TYPE.eq("Lead")).fetchOne(0, int.class);
        assertThat(tagged).isEqualTo(leadsWithRows).isPositive();

        CrmPage<Lead> express = crm.searchLeads(CrmQuery.all(50).withAnyTags("express"));
        assertThat(express.items()).isNotEmpty().allSatisfy(l -> assertThat(l.tags()).contains("express"));
        Lead sample = crm.searchLeads(CrmQuery.all(200)).items().stream()
                .filter(l -> !crm.timeline(EntityRef.lead(l.id()), 5).isEmpty()).findFirst().orElseThrow();
        assertThat(sample.addressCity()).isNotBlank();
        assertThat(crm.emailTemplates()).isNotEmpty().allSatisfy(t -> assertThat(t.isHtml()).isTrue());
        assertThat(crm.campaigns()).hasSize(5);
        assertThat(generator.hasLeads()).isTrue();
    }

    @Test
    void theDemoSpecIsAFewHundredLeadsPerVertical() {
        for (String vertical : Set.of("ecommerce", "coaching")) {
            Tenant tenant = TestTenants.create(tenantService, "Demo " + vertical, Plan.PRO);
            TestTenants.signInAs(tenant, Role.TENANT_USER);
            generator.generate(CrmDatasetGenerator.DatasetSpec.demo(vertical, 1));
            assertThat(crm.searchLeads(CrmQuery.all(200)).nextCursor()).isPresent();
            assertThat(tenantDsl.crm().fetchCount(LEAD)).isEqualTo(300);
        }
    }
}
