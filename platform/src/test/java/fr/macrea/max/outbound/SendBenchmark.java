package fr.macrea.max.outbound;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.crm.Campaign;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EmailTemplate;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.PriceTableService;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./max bench send}: one newsletter to {@code bench.recipients} (50 000) leads of the embedded CRM through
 * the outbox adapter, end to end ({@link OutboundService#sendNow}: the action pipeline, the plan with its consent
 * checks, the recipients' rows, every batch with its consent re-check, outbox insert and CRM side), against a bare
 * JDBC batch insert of the same number of rows into a copy of the outbox table (same columns, same indexes, bodies
 * rendered by the send), same MariaDB, same run. Prints the used heap after a GC at each 10 000 recipients, checks
 * the send's correctness, then {@code RESULT send ratio=<bare/ours>}. Not matched by the failsafe patterns: it runs
 * only when named ({@code -Dit.test=SendBenchmark}).
 */
@TestPropertySource(properties = {"max.wallet.sweeper.enabled=false", "db-scheduler.polling-interval=PT1H",
        "max.outbound.batch-size=${bench.batch-size:500}", "max.outbound.rate-per-second=1000000",
        "max.outbound.plan-timeout=PT30M", "max.public-url=https://max.example.fr"})
class SendBenchmark extends PlatformIT {

    /** One lead in this many is opted out of e-mail, one in this many has no opt-in record. */
    private static final int OPTED_OUT_EVERY = 50;
    private static final int NO_OPT_IN_EVERY = 20;

    @Autowired
    TenantService tenants;
    @Autowired
    CrmGateway crm;
    @Autowired
    OutboundService outbound;
    @Autowired
    SendBatches batches;
    @Autowired
    ModeService modes;
    @Autowired
    WalletService wallet;
    @Autowired
    PriceTableService prices;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    OutboundProperties properties;

    @AfterEach
    void signOut() {
        batches.afterDelivery = () -> { };
        TestTenants.signOut();
    }

    @Test
    void newsletterThroughTheOutboxAgainstBareBatchInsert() throws Exception {
        int n = Integer.getInteger("bench.recipients", 50_000);
        // warm-up (JIT, pools, statement caches) on another tenant, so the measured send is not the first one
        Fixture warm = fixture("BenchWarm", Math.min(2_000, n));
        long warmId = send(warm, null).sendId();
        List<String> bodies = new ArrayList<>();
        outbound.outbox(warmId, 200).forEach(m -> bodies.add(m.body()));
        TestTenants.signOut();

        Fixture run = fixture("BenchSend", n);
        long bareNanos = bare(n, bodies);
        AtomicInteger batchesDone = new AtomicInteger();
        AtomicLong hookNanos = new AtomicLong();
        int eligible = n - expectedSkipped(n);
        batches.afterDelivery = () -> {
            long t0 = System.nanoTime();
            int before = Math.min(eligible, batchesDone.get() * properties.batchSize());
            int after = Math.min(eligible, batchesDone.incrementAndGet() * properties.batchSize());
            if (after / 10_000 > before / 10_000 || after == eligible) {
                printHeap(after);
            }
            hookNanos.addAndGet(System.nanoTime() - t0);
        };
        long t0 = System.nanoTime();
        SendResult result = send(run, null);
        long oursNanos = System.nanoTime() - t0 - hookNanos.get(); // the GCs of the heap samples are not the send's
        batches.afterDelivery = () -> { };

        SendSummary summary = outbound.summary(result.sendId());
        int skipped = summary.skippedTotal();
        System.out.printf(Locale.ROOT, "send: %d recipients, sent %d, skipped %d %s, failed %d, pending %d, batch size %d%n",
                n, summary.sent(), skipped, summary.skipped(), summary.failed(), summary.pending(), properties.batchSize());
        assertThat(summary.status()).isEqualTo("DONE");
        assertThat(summary.sent() + skipped).isEqualTo(n);
        assertThat(summary.sent()).isEqualTo(eligible);
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM outbound_message WHERE send_id = " + result.sendId()))
                    .isEqualTo(summary.sent());
            assertThat(count(s, "SELECT COUNT(DISTINCT to_address) FROM outbound_message WHERE send_id = "
                    + result.sendId())).isEqualTo(summary.sent());
            assertThat(count(s, "SELECT COUNT(*) FROM `" + run.schema + "`.email WHERE status = 'Sent' AND deleted = 0"))
                    .isEqualTo(summary.sent());
            String sentLog = "`" + run.schema + "`.campaign_log_record WHERE action = 'Sent' AND campaign_id = '"
                    + result.campaignId() + "'";
            assertThat(count(s, "SELECT COUNT(DISTINCT parent_id) FROM " + sentLog)).isEqualTo(summary.sent());
            assertThat(count(s, "SELECT COUNT(*) FROM " + sentLog)).isEqualTo(summary.sent());
        }
        System.out.printf(Locale.ROOT, "skipped: opted out %d, no consent %d (expected %d)%n",
                summary.skipped().getOrDefault(SkipReason.EMAIL_OPTED_OUT, 0),
                summary.skipped().getOrDefault(SkipReason.NO_CONSENT, 0), expectedSkipped(n));
        System.out.printf(Locale.ROOT, "bare: %d outbox rows by JDBC batch insert in %.0f ms (%.0f rows/s)%n", n,
                bareNanos / 1e6, n / (bareNanos / 1e9));
        System.out.printf(Locale.ROOT, "ours: %d recipients sent end to end in %.0f ms (%.0f recipients/s)%n", n,
                oursNanos / 1e6, n / (oursNanos / 1e9));
        System.out.printf(Locale.ROOT, "RESULT send ratio=%.2f%n", bareNanos / (double) oursNanos);
    }

    private SendResult send(Fixture f, String key) {
        TestTenants.signInAs(f.tenant, Role.TENANT_ADMIN);
        modes.set(Mode.AUTO); // the mode belongs to the signed-in user
        ActionOutcome<SendResult> outcome = outbound.sendNow(SendParams.now(f.template, SendAudience.allLeads()),
                key == null ? "bench-" + UUID.randomUUID() : key);
        assertThat(outcome.status()).isEqualTo(ActionStatus.COMPLETED);
        return outcome.result();
    }

    private static int expectedSkipped(int n) {
        int skipped = 0;
        for (int i = 0; i < n; i++) {
            if (i % OPTED_OUT_EVERY == 1 || i % NO_OPT_IN_EVERY == 3) {
                skipped++;
            }
        }
        return skipped;
    }

    private static void printHeap(int recipients) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap after %d recipients: %.1f MB used%n", recipients,
                (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
    }

    private record Fixture(Tenant tenant, String schema, String template) {
    }

    /** A Pro tenant in Auto mode with {@code n} leads written straight into its CRM schema, and the newsletter. */
    private Fixture fixture(String name, int n) throws Exception {
        Tenant tenant = TestTenants.create(tenants, name, Plan.PRO);
        SystemAuthentication.asPlatform(() -> prices.setPrice(tenant.id(), DefaultPrices.CAMPAIGN_SEND, 1));
        SystemAuthentication.asPlatform(() -> wallet.topUp(tenant.id(), 5, "bench-" + UUID.randomUUID()));
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        modes.set(Mode.AUTO);
        String schema = tenantDsl.crmSchemaName();
        String optInCampaign = crm.createCampaign(new Campaign(null, "Formulaire web", "Active", "Web", null, null, null));
        String template = crm.createEmailTemplate(new EmailTemplate(null, "Lettre de décembre",
                "{Lead.firstName}, nos nouveautés de décembre",
                "<h1>Bonjour {Lead.firstName} {Lead.lastName}</h1><p>Voici les nouveautés du mois pour "
                        + "{Lead.accountName} : trois nouvelles formules, des ateliers et une remise de fin d’année "
                        + "réservée à nos clients.</p><p><a href=\"https://zen.fr/offres\">Voir les offres</a> ou "
                        + "<a href=\"https://zen.fr/ateliers\">réserver un atelier</a>.</p><p>À bientôt !</p>",
                true, null, null));
        leads(schema, optInCampaign, n, name);
        TestTenants.signOut();
        return new Fixture(tenant, schema, template);
    }

    /** Multi-row inserts of leads, their addresses and links, and the EspoCRM opt-in records of most of them. */
    private static void leads(String schema, String campaign, int n, String prefix) throws Exception {
        long base = Math.abs(UUID.randomUUID().getMostSignificantBits() >>> 8);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now().withNano(0));
        try (Connection c = DriverManager.getConnection(TestDatabase.url(schema) + "&rewriteBatchedStatements=true",
                TestDatabase.user(), TestDatabase.password())) {
            c.setAutoCommit(false);
            try (PreparedStatement lead = c.prepareStatement("INSERT INTO `lead` (id, deleted, first_name, last_name, "
                    + "account_name, status, created_at, modified_at) VALUES (?, 0, ?, ?, ?, 'New', ?, ?)");
                 PreparedStatement address = c.prepareStatement("INSERT INTO email_address (id, name, deleted, lower, "
                         + "invalid, opt_out) VALUES (?, ?, 0, ?, 0, ?)");
                 PreparedStatement link = c.prepareStatement("INSERT INTO entity_email_address (entity_id, "
                         + "email_address_id, entity_type, `primary`, deleted) VALUES (?, ?, 'Lead', 1, 0)");
                 PreparedStatement optIn = c.prepareStatement("INSERT INTO campaign_log_record (id, deleted, action, "
                         + "action_date, application, created_at, is_test, campaign_id, parent_id, parent_type) "
                         + "VALUES (?, 0, 'Opted In', ?, 'Espo', ?, 0, ?, ?, 'Lead')")) {
                for (int i = 0; i < n; i++) {
                    String id = String.format("%017x", base * 4 + i * 4L);
                    String addressId = String.format("%017x", base * 4 + i * 4L + 1);
                    String email = prefix.toLowerCase(Locale.ROOT) + ".lead" + i + "@zen-" + (i % 97) + ".fr";
                    lead.setString(1, id);
                    lead.setString(2, "Prénom" + i);
                    lead.setString(3, "Nom" + i);
                    lead.setString(4, "Société " + (i % 500));
                    lead.setTimestamp(5, now);
                    lead.setTimestamp(6, now);
                    lead.addBatch();
                    address.setString(1, addressId);
                    address.setString(2, email);
                    address.setString(3, email);
                    address.setInt(4, i % OPTED_OUT_EVERY == 1 ? 1 : 0);
                    address.addBatch();
                    link.setString(1, id);
                    link.setString(2, addressId);
                    link.addBatch();
                    if (i % NO_OPT_IN_EVERY != 3) {
                        optIn.setString(1, String.format("%017x", base * 4 + i * 4L + 2));
                        optIn.setTimestamp(2, now);
                        optIn.setTimestamp(3, now);
                        optIn.setString(4, campaign);
                        optIn.setString(5, id);
                        optIn.addBatch();
                    }
                    if (i % 1_000 == 999 || i == n - 1) {
                        lead.executeBatch();
                        address.executeBatch();
                        link.executeBatch();
                        optIn.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }

    /**
     * The baseline: the same number of outbox rows, same columns and body sizes, by a plain JDBC batch insert
     * (rewritten into multi-row inserts by the driver, one commit per 500 rows) into a copy of the outbox table.
     */
    private static long bare(int n, List<String> bodies) throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabase.url(TestDatabase.DATABASE)
                + "&rewriteBatchedStatements=true", TestDatabase.user(), TestDatabase.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_bare_outbox");
                s.execute("CREATE TABLE bench_bare_outbox LIKE outbound_message");
            }
            c.setAutoCommit(false);
            String headers = "List-Unsubscribe: <https://max.example.fr/api/public/u/1-0123456789abcdef0123456789abcdef>\n"
                    + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\nX-Max-Send: 1";
            long t0 = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_bare_outbox (tenant_id, send_id, "
                    + "recipient_id, to_address, subject, body, headers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                Timestamp at = new Timestamp(System.currentTimeMillis());
                for (int i = 0; i < n; i++) {
                    insert.setLong(1, 1);
                    insert.setLong(2, 1);
                    insert.setLong(3, i);
                    insert.setString(4, "bench.lead" + i + "@zen-" + (i % 97) + ".fr");
                    insert.setString(5, "Prénom" + i + ", nos nouveautés de décembre");
                    insert.setString(6, bodies.get(i % bodies.size()));
                    insert.setString(7, headers);
                    insert.setTimestamp(8, at);
                    insert.addBatch();
                    if (i % 500 == 499 || i == n - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            long nanos = System.nanoTime() - t0;
            try (Statement s = c.createStatement()) {
                assertThat(count(s, "SELECT COUNT(*) FROM bench_bare_outbox")).isEqualTo(n);
                s.execute("DROP TABLE bench_bare_outbox");
            }
            c.commit();
            return nanos;
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
