package fr.macrea.max.demo.crm;

import fr.macrea.max.crm.*;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The big-tenant dataset benchmark ({@code ./max bench crm-dataset}), skipped by normal test runs. Generates a
 * baseline tenant (1/20 of the volumes) and the full tenant in the same run on MariaDB, then times the port's
 * typical reads on both. Prints one result block to paste into docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "max.bench.crm", matches = "true")
@TestPropertySource(properties = {
        "max.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "max.crm.sync.scheduled=false",
        "max.crm.espo.initial-backoff=PT0.01S"})
class CrmBigTenantBenchIT extends PlatformIT {

    @Autowired
    private TenantService tenantService;
    @Autowired
    private CrmDatasetGenerator generator;
    @Autowired
    private CrmGateway crm;

    @Test
    void bigTenant() {
        int leads = Integer.getInteger("bench.leads", 200_000);
        int activities = Integer.getInteger("bench.activities", 1_000_000);
        List<String> lines = new ArrayList<>();
        lines.add("| tenant | leads | activities | rows | generation (s) | rows/s | tag search page (ms) | text search (ms) | timeline (ms) |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        lines.add(run("baseline", new CrmDatasetGenerator.DatasetSpec("logistique", leads / 20, leads / 200, leads / 400, 20, activities / 20, 42)));
        lines.add(run("big", new CrmDatasetGenerator.DatasetSpec("logistique", leads, leads / 10, leads / 20, 20, activities, 42)));
        System.out.println("\n=== CRM dataset benchmark ===\n" + String.join("\n", lines) + "\n");
    }

    private String run(String label, CrmDatasetGenerator.DatasetSpec spec) {
        Tenant tenant = TestTenants.create(tenantService, "Bench " + label, Plan.STUDIO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        try {
            var report = generator.generate(spec);
            assertThat(report.leads()).isEqualTo(spec.leads());
            long tag = median(() -> crm.searchLeads(CrmQuery.all(50).withAnyTags("express").withStatuses("New")).items().size());
            long text = median(() -> crm.searchLeads(CrmQuery.all(50).withText("martin")).items().size());
            String someLead = crm.searchLeads(CrmQuery.all(1)).items().getFirst().id();
            long timeline = median(() -> crm.timeline(EntityRef.lead(someLead), 20).size());
            double seconds = report.elapsed().toMillis() / 1000.0;
            return "| %s | %d | %d | %d | %.1f | %.0f | %d | %d | %d |".formatted(label, spec.leads(), report.activities(),
                    report.totalRows(), seconds, report.totalRows() / Math.max(0.001, seconds), tag, text, timeline);
        } finally {
            TestTenants.signOut();
        }
    }

    private static long median(Supplier<Integer> query) {
        query.get(); // warm-up
        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            query.get();
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(times);
        return times[times.length / 2];
    }
}
