package fr.macrea.max.fields;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.brain.BrainActivationService;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ./max bench fields: the real Logistique plan (17 fields) applied through M.A.X. (proposal stored, draft validated
 * through the pipeline, each step committed, catalogue written) to a tenant with 200 000 leads, against the same
 * {@code ALTER TABLE} statements run by hand in one session on an identical copy of the table, interleaved rounds in
 * the same run. Prints one line per round and {@code RESULT fields ratio=<ours/raw> ours_ms=<p50> alter_ms=<p50>}.
 */
class FieldsBenchmark extends PlatformIT {

    static final int LEADS = Integer.getInteger("bench.leads", 200_000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    @DynamicPropertySource
    static void brains(DynamicPropertyRegistry registry) {
        registry.add("max.brains.dir", FieldsBenchmark::logistiqueOnly);
        registry.add("max.brains.watch", () -> "false");
        registry.add("max.crm.sync.scheduled", () -> "false");
    }

    @Autowired
    TenantService tenants;
    @Autowired
    BrainActivationService activations;
    @Autowired
    FieldsRebuildService fields;
    @Autowired
    ModeService modes;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    DataSource dataSource;

    @Test
    void fields() throws Exception {
        long[] ours = new long[ROUNDS];
        long[] raw = new long[ROUNDS];
        int added = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Tenant tenant = TestTenants.create(tenants, "Bench fiche " + UUID.randomUUID().toString().substring(0, 5), Plan.PRO);
            SystemAuthentication.asPlatform(() -> {
                activations.activate(tenant.id(), "logistique");
                return null;
            });
            TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
            modes.set(Mode.ASSISTE);
            String schema = tenantDsl.crmSchemaName();
            // the baseline's table is another tenant's, made by the same CRM migrations and filled the same way: a
            // copy made with CREATE TABLE ... LIKE would lack what the migrations leave (InnoDB's hidden FTS_DOC_ID
            // of V3's dropped FULLTEXT index, which makes the first ALTER of a tenant rebuild its table)
            String rawSchema = schemaOfAnotherTenant();
            fill(schema);
            fill(rawSchema);
            MigrationProject project = fields.propose("logistique", "bench-" + UUID.randomUUID()).result();
            added = project.fieldsToAdd().size();
            List<String> statements = project.fieldsToAdd().stream().flatMap(f -> f.changes().stream())
                    .map(sql -> sql.replace(schema, rawSchema)).toList();
            assertThat(statements).allSatisfy(sql -> assertThat(sql).contains(rawSchema));
            boolean oursFirst = round % 2 == 0;
            if (oursFirst) {
                ours[round] = applyThroughMax(project, added);
                raw[round] = alterByHand(statements);
            } else {
                raw[round] = alterByHand(statements);
                ours[round] = applyThroughMax(project, added);
            }
            System.out.printf(Locale.ROOT, "round %d leads=%d fields=%d ours=%dms raw=%dms%n", round + 1, LEADS, added,
                    ours[round], raw[round]);
            TestTenants.signOut();
        }
        long o = median(ours);
        long r = median(raw);
        System.out.printf(Locale.ROOT, "RESULT fields ratio=%.2f ours_ms=%d alter_ms=%d fields=%d leads=%d%n",
                (double) o / Math.max(1, r), o, r, added, LEADS);
    }

    private String schemaOfAnotherTenant() {
        Tenant other = TestTenants.create(tenants, "Bench fiche brute " + UUID.randomUUID().toString().substring(0, 5), Plan.PRO);
        return other.crmSchema();
    }

    private void fill(String schema) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO `" + schema + "`.`lead` (id, deleted, first_name, last_name, status, source, "
                    + "created_at, modified_at) SELECT LPAD(seq, 17, '0'), 0, 'Prénom', CONCAT('Nom', seq), "
                    + "ELT(1 + seq % 4, 'New', 'Assigned', 'In Process', 'Converted'), 'Web Site', "
                    + "NOW() - INTERVAL (seq % 400) DAY, NOW() - INTERVAL (seq % 90) DAY FROM seq_1_to_" + LEADS);
        }
    }

    private long applyThroughMax(MigrationProject project, int added) {
        long start = System.nanoTime();
        ActionOutcome<Object> outcome = fields.apply(project.id(), added);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(outcome.status()).as(String.valueOf(outcome.message())).isEqualTo(ActionStatus.COMPLETED);
        return ms;
    }

    /** The same statements typed by a DBA: one connection, one session, one after the other. */
    private long alterByHand(List<String> statements) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            for (String sql : statements) {
                s.execute(sql);
            }
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String logistiqueOnly() {
        try {
            Path dir = Files.createTempDirectory("bench-fields-brains");
            Path target = Path.of("..", "brains", "logistique", "target").toAbsolutePath().normalize();
            try (Stream<Path> files = Files.list(target)) {
                Path jar = files.filter(p -> p.getFileName().toString().matches("brain-logistique-[0-9.]+\\.jar"))
                        .findFirst().orElseThrow(() -> new AssertionError("build the logistique brain first"));
                Files.copy(jar, dir.resolve(jar.getFileName()));
            }
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
