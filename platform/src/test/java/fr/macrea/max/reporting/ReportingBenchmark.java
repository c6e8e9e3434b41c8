package fr.macrea.max.reporting;

import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.ranking.LeadFilter;
import fr.macrea.max.ranking.LeadSearchService;
import fr.macrea.max.ranking.LeadSegment;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static fr.macrea.max.db.platform.Tables.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ./max bench reporting: a tenant with 200 000 leads and 1 000 000 activity rows (generated once into the persistent
 * schema {@code crm_bench_reporting}, reused by later runs), then the dashboard, the first lead page, a filtered
 * search and a text search through our services, each against hand-written indexed SQL giving the same answer, in
 * the same run. Prints one line per query and {@code RESULT reporting ratio=<worst ours/raw> dashboard_p95_ms=<ms>}.
 */
class ReportingBenchmark extends PlatformIT {

    static final String SCHEMA = "crm_bench_reporting";
    static final int LEADS = Integer.getInteger("bench.leads", 200_000);
    static final int ACTIVITIES = Integer.getInteger("bench.activities", 1_000_000);
    static final int ITERATIONS = Integer.getInteger("bench.iterations", 40);
    /** JIT warm-up rounds of each side before measuring (a running server is warm). */
    static final int WARMUP = Integer.getInteger("bench.warmup", 30);
    static final String[] STATUSES = {"New", "New", "New", "Assigned", "Assigned", "In Process", "In Process",
            "In Process", "Converted", "Converted", "Recycled", "Dead", "Dead"};
    static final String[] SOURCES = {"Web Site", "Partner", "Email", "Campaign", "Call", "Existing Customer",
            "Cold Call", "Other"};
    static final String[] FIRST = {"Alice", "Bruno", "Chloé", "Denis", "Emma", "Fabien", "Gaëlle", "Hugo", "Inès",
            "Julien", "Karim", "Léa", "Mathis", "Nina", "Oscar", "Pauline", "Quentin", "Rose", "Samuel", "Théo",
            "Ursule", "Victor", "Wendy", "Xavier", "Yasmine", "Zoé"};
    static final String[] TAGS = {"vip", "salon", "newsletter", "promo", "fidele"};

    @Autowired
    TenantService tenantService;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    DSLContext dsl;
    @Autowired
    DataSource dataSource;
    @Autowired
    ReportingService reporting;
    @Autowired
    LeadSearchService search;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void reporting() throws Exception {
        ensureData();
        Tenant tenant = TestTenants.create(tenantService, "Bench Reporting", Plan.STUDIO);
        // the tenant reads the persistent bench schema (generated once, reused by later runs)
        dsl.update(TENANT).set(TENANT.CRM_SCHEMA, SCHEMA).where(TENANT.ID.eq(tenant.id().value())).execute();
        tenantDsl.forget(tenant.id());
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        fr.macrea.max.crm.CrmSearch.fillMissing(tenantDsl.crm()); // search words of generated rows (once: only rows without)
        try (Connection c = dataSource.getConnection()) {
            RawQueries raw = new RawQueries(c, SCHEMA);
            Instant now = Instant.now();
            LeadFilter filtered = LeadFilter.none().withSegment(LeadSegment.A_RELANCER)
                    .withSources(Set.of("Web Site", "Partner")).withTags(Set.of("vip"));
            LeadFilter text = LeadFilter.none().withText("Mar");

            // same answers first: a benchmark of two different results would mean nothing
            Dashboard check = reporting.computeDashboard(Period.DAYS_30);
            Map<String, Integer> rawCheck = raw.dashboard(now);
            assertThat(check.leads().total()).isEqualTo(rawCheck.get("total"));
            assertThat(check.temperatures().cold()).isEqualTo(rawCheck.get("cold"));
            assertThat(check.campaigns().created()).isEqualTo(rawCheck.get("campaigns"));
            assertThat(ids(search.search(LeadFilter.none(), null, 50))).isEqualTo(raw.firstPage(now));
            assertThat(ids(search.search(filtered, null, 50))).isEqualTo(raw.filteredPage(now));
            assertThat(ids(search.search(text, null, 50))).isEqualTo(raw.textPage("Mar", now));

            List<String> lines = new ArrayList<>();
            double worst = 0;
            double dashboardP95 = 0;
            Map<String, Supplier<Object>> ours = new java.util.LinkedHashMap<>();
            Map<String, Supplier<Object>> baseline = new java.util.LinkedHashMap<>();
            // the database work of the dashboard (no snapshot) against the same work hand-written
            ours.put("dashboard", () -> List.of(reporting.computeDashboard(Period.DAYS_30), reporting.latestActivities(15)));
            baseline.put("dashboard", () -> raw.dashboard(Instant.now()));
            ours.put("first-page", () -> search.search(LeadFilter.none(), null, 50));
            baseline.put("first-page", () -> raw.firstPage(Instant.now()));
            ours.put("filtered-search", () -> search.search(filtered, null, 50));
            baseline.put("filtered-search", () -> raw.filteredPage(Instant.now()));
            ours.put("text-search", () -> search.search(text, null, 50));
            baseline.put("text-search", () -> raw.textPage("Mar", Instant.now()));
            for (String name : ours.keySet()) {
                long[] o = new long[ITERATIONS];
                long[] r = new long[ITERATIONS];
                for (int i = 0; i < WARMUP; i++) {
                    ours.get(name).get();
                    baseline.get(name).get();
                }
                for (int i = 0; i < ITERATIONS; i++) {
                    // interleaved, so that load on the shared machine hits both sides alike
                    o[i] = time(ours.get(name));
                    r[i] = time(baseline.get(name));
                }
                double oMed = percentile(o, 50), rMed = percentile(r, 50);
                double ratio = oMed / rMed;
                worst = Math.max(worst, ratio);
                lines.add(String.format(Locale.ROOT, "query %-16s ours p50=%.1fms p95=%.1fms  raw p50=%.1fms p95=%.1fms  ratio=%.2f",
                        name, oMed, percentile(o, 95), rMed, percentile(r, 95), ratio));
            }
            // what a user opening the Reporting tab waits for: the served snapshot (30 s, dropped on CRM change)
            // plus the latest activities; run for 60 s with CRM changes arriving every 5 s (snapshot recomputed)
            List<Long> served = new ArrayList<>();
            long end = System.nanoTime() + Duration.ofSeconds(Integer.getInteger("bench.served.seconds", 60)).toNanos();
            long nextChange = System.nanoTime();
            while (System.nanoTime() < end) {
                if (System.nanoTime() >= nextChange) {
                    events.publishEvent(new fr.macrea.max.crm.CrmRecordChanged(tenant.id(), "crm.lead.updated",
                            "Fiche modifiée", Instant.now(), fr.macrea.max.crm.EntityRef.lead("l0000000000000001"), "bench"));
                    nextChange = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                }
                served.add(time(() -> List.of(reporting.dashboard(Period.DAYS_30), reporting.latestActivities(15))));
                Thread.sleep(50);
            }
            long[] servedNanos = served.stream().mapToLong(Long::longValue).toArray();
            dashboardP95 = percentile(servedNanos, 95);
            lines.add(String.format(Locale.ROOT, "served dashboard (snapshot + latest activities, a CRM change every 5 s) n=%d p50=%.1fms p95=%.1fms p99=%.1fms",
                    servedNanos.length, percentile(servedNanos, 50), dashboardP95, percentile(servedNanos, 99)));
            lines.forEach(System.out::println);
            System.out.println(String.format(Locale.ROOT, "data leads=%d activities=%d iterations=%d", LEADS, ACTIVITIES, ITERATIONS));
            System.out.println(String.format(Locale.ROOT, "RESULT reporting ratio=%.2f dashboard_p95_ms=%.1f", worst, dashboardP95));
        } finally {
            TestTenants.signOut();
        }
    }

    private static List<String> ids(fr.macrea.max.ranking.LeadPage page) {
        return page.rows().stream().map(fr.macrea.max.ranking.LeadRow::id).toList();
    }

    private static long time(Supplier<Object> work) {
        long start = System.nanoTime();
        work.get();
        return System.nanoTime() - start;
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    // ---------------------------------------------------------------------------------------------------- data

    private void ensureData() throws SQLException {
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).createSchemas(true).locations("classpath:db/crm")
                .load().migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long leads = single(s, "SELECT COUNT(*) FROM " + SCHEMA + ".lead");
            long activities = single(s, "SELECT (SELECT COUNT(*) FROM " + SCHEMA + ".campaign_log_record)"
                    + " + (SELECT COUNT(*) FROM " + SCHEMA + ".email) + (SELECT COUNT(*) FROM " + SCHEMA + ".`call`)"
                    + " + (SELECT COUNT(*) FROM " + SCHEMA + ".meeting) + (SELECT COUNT(*) FROM " + SCHEMA + ".task)"
                    + " + (SELECT COUNT(*) FROM " + SCHEMA + ".note)");
            if (leads == LEADS && activities == ACTIVITIES) {
                System.out.println("data reused: " + SCHEMA);
                return;
            }
            System.out.println("data generating into " + SCHEMA + " (leads " + leads + ", activities " + activities + ")");
            for (String t : List.of("lead", "email_address", "entity_email_address", "array_value", "campaign",
                    "campaign_log_record", "email", "`call`", "meeting", "task", "note", "user")) {
                s.execute("TRUNCATE TABLE " + SCHEMA + "." + t);
            }
        }
        long start = System.nanoTime();
        new Generator(dataSource, SCHEMA, LEADS, ACTIVITIES).run();
        System.out.printf(Locale.ROOT, "data generated in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Batched multi-row INSERTs of EspoCRM-shaped rows; deterministic (fixed seed). */
    static final class Generator {

        private final DataSource dataSource;
        private final String schema;
        private final int leads;
        private final int activities;
        private final Random random = new Random(42);
        private final LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);

        Generator(DataSource dataSource, String schema, int leads, int activities) {
            this.dataSource = dataSource;
            this.schema = schema;
            this.leads = leads;
            this.activities = activities;
        }

        static String id(char kind, long n) {
            return kind + String.format("%016d", n);
        }

        void run() throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("SET unique_checks=0");
                }
                Batch users = new Batch(c, "INSERT INTO " + schema + ".user (id, user_name, first_name, last_name, created_at) VALUES ");
                for (int u = 0; u < 10; u++) {
                    users.add(q(id('u', u)) + "," + q("user" + u) + "," + q(FIRST[u]) + "," + q("Commercial" + u) + "," + q(now));
                }
                users.flush();
                Batch lead = new Batch(c, "INSERT INTO " + schema + ".lead (id, deleted, first_name, last_name, status, source,"
                        + " account_name, title, address_city, created_at, modified_at, assigned_user_id, c_tags) VALUES ");
                Batch address = new Batch(c, "INSERT INTO " + schema + ".email_address (id, name, `lower`) VALUES ");
                Batch link = new Batch(c, "INSERT INTO " + schema + ".entity_email_address (entity_id, email_address_id, entity_type, `primary`) VALUES ");
                Batch tags = new Batch(c, "INSERT INTO " + schema + ".array_value (id, value, attribute, entity_id, entity_type) VALUES ");
                long tagId = 0;
                for (int i = 0; i < leads; i++) {
                    String lid = id('l', i);
                    LocalDateTime created = now.minusSeconds(random.nextLong(365L * 86_400));
                    long span = Duration.between(created, now).getSeconds();
                    LocalDateTime modified = created.plusSeconds(span == 0 ? 0 : random.nextLong(span));
                    String first = FIRST[random.nextInt(FIRST.length)];
                    String last = lastName(random.nextInt(400));
                    List<String> leadTags = new ArrayList<>();
                    if (random.nextInt(10) < 3) {
                        leadTags.add(TAGS[random.nextInt(TAGS.length)]);
                    }
                    String json = leadTags.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",", "[", "]"));
                    lead.add(q(lid) + "," + (random.nextInt(100) == 0 ? 1 : 0) + "," + q(first) + "," + q(last) + ","
                            + q(STATUSES[random.nextInt(STATUSES.length)]) + "," + q(SOURCES[random.nextInt(SOURCES.length)]) + ","
                            + q("Société " + random.nextInt(5000)) + "," + (random.nextBoolean() ? q("Gérant") : "NULL") + ","
                            + (random.nextBoolean() ? q("Paris") : "NULL") + "," + q(created) + "," + q(modified) + ","
                            + q(id('u', random.nextInt(10))) + "," + q(json));
                    for (String t : leadTags) {
                        tags.add(q(id('a', tagId++)) + "," + q(t) + ",'cTags'," + q(lid) + ",'Lead'");
                    }
                    if (random.nextInt(10) < 8) {
                        String email = (first + "." + last + "." + i + "@exemple.fr").toLowerCase(Locale.ROOT);
                        address.add(q(id('e', i)) + "," + q(email) + "," + q(email));
                        link.add(q(lid) + "," + q(id('e', i)) + ",'Lead',1");
                    }
                }
                lead.flush();
                address.flush();
                link.flush();
                tags.flush();
                Batch campaign = new Batch(c, "INSERT INTO " + schema + ".campaign (id, name, status, created_at) VALUES ");
                for (int k = 0; k < 40; k++) {
                    campaign.add(q(id('c', k)) + "," + q("Campagne " + k) + ",'Active'," + q(now.minusDays(k * 9L)));
                }
                campaign.flush();
                int logs = activities * 30 / 100, emails = activities * 25 / 100, calls = activities * 15 / 100,
                        meetings = activities * 5 / 100, tasks = activities * 10 / 100;
                int notes = activities - logs - emails - calls - meetings - tasks;
                String[] actions = {"Sent", "Sent", "Sent", "Sent", "Sent", "Sent", "Opened", "Opened", "Clicked", "Opted Out"};
                Batch log = new Batch(c, "INSERT INTO " + schema + ".campaign_log_record (id, action, action_date, created_at,"
                        + " is_test, campaign_id, parent_id, parent_type) VALUES ");
                for (int n = 0; n < logs; n++) {
                    LocalDateTime at = past();
                    log.add(q(id('r', n)) + "," + q(actions[random.nextInt(actions.length)]) + "," + q(at) + "," + q(at) + ","
                            + (random.nextInt(50) == 0 ? 1 : 0) + "," + q(id('c', random.nextInt(40))) + "," + q(randomLead()) + ",'Lead'");
                }
                log.flush();
                Batch email = new Batch(c, "INSERT INTO " + schema + ".email (id, name, status, date_sent, is_replied, parent_id,"
                        + " parent_type, created_at) VALUES ");
                for (int n = 0; n < emails; n++) {
                    LocalDateTime at = past();
                    int kind = random.nextInt(20);
                    String status = kind == 0 ? "Draft" : kind == 1 ? "Sending" : kind < 4 ? "Archived" : "Sent";
                    String sent = kind < 2 ? "NULL" : q(at);
                    email.add(q(id('m', n)) + "," + q("Message " + n) + "," + q(status) + "," + sent + ","
                            + (random.nextInt(4) == 0 ? 1 : 0) + "," + q(randomLead()) + ",'Lead'," + q(at));
                }
                email.flush();
                activity(c, "`call`", 'k', calls, "Appel", "Held");
                activity(c, "meeting", 'g', meetings, "Rendez-vous", "Held");
                activity(c, "task", 't', tasks, "Tâche", "Completed");
                Batch note = new Batch(c, "INSERT INTO " + schema + ".note (id, post, type, parent_id, parent_type, created_at) VALUES ");
                for (int n = 0; n < notes; n++) {
                    note.add(q(id('n', n)) + "," + q("Note " + n) + ",'Post'," + q(randomLead()) + ",'Lead'," + q(past()));
                }
                note.flush();
                try (Statement s = c.createStatement()) {
                    s.execute("SET unique_checks=1");
                    for (String t : List.of("lead", "email", "campaign_log_record", "`call`", "meeting", "task", "note",
                            "email_address", "entity_email_address", "array_value")) {
                        s.execute("ANALYZE TABLE " + schema + "." + t);
                    }
                }
            }
        }

        private void activity(Connection c, String table, char kind, int count, String name, String status) throws SQLException {
            Batch b = new Batch(c, "INSERT INTO " + schema + "." + table + " (id, name, status, date_start, parent_id,"
                    + " parent_type, created_at) VALUES ");
            for (int n = 0; n < count; n++) {
                LocalDateTime at = past();
                b.add(q(id(kind, n)) + "," + q(name + " " + n) + "," + q(status) + "," + q(at) + "," + q(randomLead())
                        + ",'Lead'," + q(at));
            }
            b.flush();
        }

        private String randomLead() {
            return id('l', random.nextInt(leads));
        }

        private LocalDateTime past() {
            return now.minusSeconds(random.nextLong(365L * 86_400));
        }

        static String lastName(int n) {
            String[] roots = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
                    "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent",
                    "Fournier"};
            return roots[n % roots.length] + (n < roots.length ? "" : "-" + (n / roots.length));
        }

        static String q(Object value) {
            return "'" + value.toString().replace("T", " ").replace("\\", "\\\\").replace("'", "''") + "'";
        }
    }

    /** Accumulates VALUES tuples and sends them 2 000 at a time. */
    static final class Batch {
        private final Connection c;
        private final String head;
        private final StringBuilder sql = new StringBuilder();
        private int rows;

        Batch(Connection c, String head) {
            this.c = c;
            this.head = head;
        }

        void add(String tuple) throws SQLException {
            sql.append(rows == 0 ? head : ",").append('(').append(tuple).append(')');
            if (++rows == 2000) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (rows == 0) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute(sql.toString());
            }
            c.commit();
            sql.setLength(0);
            rows = 0;
        }
    }
}
