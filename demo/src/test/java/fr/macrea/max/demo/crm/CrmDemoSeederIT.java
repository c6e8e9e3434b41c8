package fr.macrea.max.demo.crm;

import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.CrmQuery;
import fr.macrea.max.crm.Lead;
import fr.macrea.max.demo.DemoTenant;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static fr.macrea.max.db.crm.Tables.CAMPAIGN;
import static fr.macrea.max.db.crm.Tables.CAMPAIGN_LOG_RECORD;
import static fr.macrea.max.db.crm.Tables.CONTACT;
import static fr.macrea.max.db.crm.Tables.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@code ./max run} shows on its first start: each demo tenant's CRM holds a few hundred French leads. */
@TestPropertySource(properties = {"max.demo.enabled=true", "max.crm.sync.scheduled=false"})
class CrmDemoSeederIT extends PlatformIT {

    @Autowired
    TenantService tenants;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    CrmGateway crm;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void everyDemoTenantHasAFewHundredSearchableLeadsAndASecondStartAddsNone() throws Exception {
        for (DemoTenant demo : DemoTenant.ALL) {
            signInto(demo);
            assertThat(tenantDsl.crm().fetchCount(LEAD)).as(demo.slug()).isEqualTo(300);
            List<Lead> page = crm.searchLeads(CrmQuery.all(50)).items();
            assertThat(page).allSatisfy(l -> {
                assertThat(l.firstName()).isNotBlank();
                assertThat(l.lastName()).isNotBlank();
                assertThat(l.addressCity()).isNotBlank();
            });
            Lead someone = page.getFirst();
            assertThat(crm.searchLeads(CrmQuery.all(200).withText(someone.firstName() + " " + someone.lastName())).items())
                    .as("demo leads are searchable").extracting(Lead::id).contains(someone.id());
        }
        // a second start of the application runs the demo loader again
        context.getBean("demoDataLoader", ApplicationRunner.class).run(new DefaultApplicationArguments());
        for (DemoTenant demo : DemoTenant.ALL) {
            signInto(demo);
            assertThat(tenantDsl.crm().fetchCount(LEAD)).as(demo.slug()).isEqualTo(300);
        }
    }

    @Test
    void mostDemoPeopleGaveConsentEvidenceSomeNeverDidAndASecondStartAddsNone() throws Exception {
        for (DemoTenant demo : DemoTenant.ALL) {
            signInto(demo);
            int people = tenantDsl.crm().fetchCount(LEAD) + tenantDsl.crm().fetchCount(CONTACT);
            // one "Opted In" record per subscribed person, dated no later than now and not before its campaign
            assertThat(optIns()).as(demo.slug()).isBetween(people * 78 / 100, people * 94 / 100);
            assertThat(tenantDsl.crm().fetchCount(CAMPAIGN_LOG_RECORD.join(CAMPAIGN)
                    .on(CAMPAIGN.ID.eq(CAMPAIGN_LOG_RECORD.CAMPAIGN_ID)), CAMPAIGN_LOG_RECORD.ACTION.eq("Opted In"),
                    CAMPAIGN_LOG_RECORD.ACTION_DATE.lt(CAMPAIGN.CREATED_AT))).isZero();
            assertThat(tenantDsl.crm().selectCount().from(CAMPAIGN_LOG_RECORD)
                    .where(CAMPAIGN_LOG_RECORD.ACTION.eq("Opted In"))
                    .groupBy(CAMPAIGN_LOG_RECORD.PARENT_ID).having(org.jooq.impl.DSL.count().gt(1)).fetch())
                    .as("one opt-in per person").isEmpty();
        }
        int before = optIns();
        context.getBean("demoDataLoader", ApplicationRunner.class).run(new DefaultApplicationArguments());
        assertThat(optIns()).isEqualTo(before);
    }

    private int optIns() {
        return tenantDsl.crm().fetchCount(CAMPAIGN_LOG_RECORD, CAMPAIGN_LOG_RECORD.ACTION.eq("Opted In"));
    }

    @Test
    void theSameSeedGivesTheSameFrenchPeople() {
        assertThat(names(42)).isEqualTo(names(42)).isNotEqualTo(names(43));
    }

    private static List<String> names(long seed) {
        FrenchFakes fakes = new FrenchFakes(seed);
        return List.of(fakes.firstName() + " " + fakes.lastName(), fakes.firstName() + " " + fakes.lastName(),
                fakes.city()[0]);
    }

    private void signInto(DemoTenant demo) {
        Tenant tenant = SystemAuthentication.asPlatform(() -> tenants.findBySlug(demo.slug())).orElseThrow();
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
    }
}
