package fr.macrea.max.demo.crm;

import fr.macrea.max.crm.*;
import fr.macrea.max.PlatformTestApplication;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.Map;

import static fr.macrea.max.db.crm.Tables.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded CRM on M.A.X.'s default database, H2 in MySQL mode: schema, demo data, search, writes. */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:crm_h2;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "max.crm.sync.scheduled=false"})
class CrmOnH2IT {

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
    void demoDataSearchAndWritesWorkOnH2() {
        Tenant tenant = TestTenants.create(tenantService, "H2 Demo", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        var report = generator.generate(CrmDatasetGenerator.DatasetSpec.demo("beaute", 3));
        assertThat(report.leads()).isEqualTo(300);
        assertThat(tenantDsl.crm().fetchCount(LEAD)).isEqualTo(300);

        CrmPage<Lead> first = crm.searchLeads(CrmQuery.all(100).withStatuses("New", "In Process"));
        CrmPage<Lead> second = crm.searchLeads(CrmQuery.all(100).withStatuses("New", "In Process").after(first.nextCursor().orElseThrow()));
        assertThat(second.items()).doesNotContainAnyElementsOf(first.items());
        assertThat(crm.searchLeads(CrmQuery.all(50).withAnyTags("fidélité")).items())
                .isNotEmpty().allSatisfy(l -> assertThat(l.tags()).contains("fidélité"));

        String id = crm.create("Lead", Map.of("firstName", "Hélène", "lastName", "Surh2", "cTags", List.of("h2"),
                "emailAddress", "helene@surh2.fr"), false);
        assertThat(crm.searchLeads(CrmQuery.all(10).withText("surh2")).items()).extracting(Lead::id).containsExactly(id);
        assertThat(crm.searchLeads(CrmQuery.all(10).withText("helene@surh2")).items()).extracting(Lead::id).containsExactly(id);
        RecordWrite write = crm.update(EntityRef.lead(id), Map.of("status", "Converted"));
        assertThat(write.after()).containsEntry("status", "Converted");
        crm.addNote(EntityRef.lead(id), "Note sur H2");
        assertThat(crm.timeline(EntityRef.lead(id), 5)).extracting(TimelineEntry::kind).contains("Note");
    }
}
