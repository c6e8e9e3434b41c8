package fr.macrea.max.wallet;

import fr.macrea.max.action.WalletActionsIT;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestDatabase;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./max bench wallet}: reserve+commit throughput of our wallet on one hot wallet with 32 clients, against a
 * raw single-row {@code UPDATE ... SET balance = balance - 1 WHERE id = ? AND balance >= 1} loop with 32 clients
 * on the same MariaDB, in the same run (alternating rounds, so machine noise hits both). Not matched by the
 * failsafe patterns: it runs only when named ({@code -Dit.test=WalletBenchmark}).
 */
class WalletBenchmark extends WalletActionsIT {

    private static final int CLIENTS = 32;

    @Autowired
    TenantService tenants;
    @Autowired
    WalletService wallet;
    @Autowired
    WalletReservations charges;

    @Test
    void hotWalletThroughputAgainstRawUpdateLoop() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 8);
        int rounds = Integer.getInteger("bench.rounds", 2);
        Tenant tenant = TestTenants.create(tenants, "Bench", Plan.STUDIO);
        // 40 x 20 packs = 400 000 tokens: enough for the warm-up and 3 rounds of 15 s at several thousand ops/s
        for (int i = 0; i < 40; i++) {
            SystemAuthentication.asPlatform(() -> wallet.topUp(tenant.id(), 20, UUID.randomUUID().toString()));
        }
        MaxPrincipal user = TestTenants.signInAs(tenant, Role.TENANT_USER);
        long initial = wallet.balance().total();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_raw_wallet (id BIGINT PRIMARY KEY, balance BIGINT NOT NULL) ENGINE=InnoDB");
            s.execute("INSERT INTO bench_raw_wallet VALUES (1, 1000000000)");
        }

        // warm-up of both paths (JIT, connection pools)
        // (ours runs several times faster once the JIT has compiled its path: 6 s left the first round at half the
        // speed of the next ones, docs/benchmarks.md)
        ours(user, Integer.getInteger("bench.warmup", 15));
        raw(5);
        long oursOps = 0;
        long rawOps = 0;
        for (int round = 0; round < rounds; round++) {
            long r = raw(seconds);
            long o = ours(user, seconds);
            System.out.printf(Locale.ROOT, "round %d: ours %.0f ops/s, raw %.0f ops/s%n", round + 1,
                    o / (double) seconds, r / (double) seconds);
            rawOps += r;
            oursOps += o;
        }

        System.out.printf(Locale.ROOT, "reservations per transaction (group commit): %.1f%n",
                charges.reservationsPerTransaction());
        long t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            charges.reserve(UUID.randomUUID().toString(), 1, "latency");
        }
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "single client: reserve %.2f ms%n", (t1 - t0) / 200 / 1e6);
        committed.addAndGet(0);
        WalletAudit audit0 = wallet.audit();
        assertThat(audit0.held()).isEqualTo(200);
        wallet.ledger(1);
        clock.advance(java.time.Duration.ofMinutes(10));
        wallet.sweepExpired();
        clock.reset();
        WalletAudit audit = wallet.audit();
        long charged = initial - audit.balance();
        System.out.printf(Locale.ROOT, "wallet: initial %d, balance %d, ledger %d, held %d, charged %d%n",
                initial, audit.balance(), audit.ledgerSum(), audit.held(), charged);
        boolean overdraft = audit.balance() < 0;
        boolean conserved = audit.balance() == audit.ledgerSum() && audit.held() == 0 && charged == committed.get();
        System.out.println("overdraft=" + (overdraft ? "YES" : "zero") + " conservation=" + (conserved ? "exact" : "BROKEN"));
        double ratio = oursOps / (double) rawOps;
        System.out.printf(Locale.ROOT, "ours %.0f ops/s, raw %.0f ops/s (%d clients, %d x %d s)%n",
                oursOps / (double) (seconds * rounds), rawOps / (double) (seconds * rounds), CLIENTS, rounds, seconds);
        System.out.printf(Locale.ROOT, "RESULT wallet ratio=%.2f%n", ratio);
        assertThat(overdraft).isFalse();
        assertThat(conserved).isTrue();
    }

    private final AtomicLong committed = new AtomicLong();

    private long ours(MaxPrincipal user, int seconds) throws Exception {
        return load(seconds, deadline -> {
            TestTenants.signIn(user);
            long ops = 0;
            while (System.nanoTime() < deadline) {
                Reservation r = charges.reserve(UUID.randomUUID().toString(), 1, "bench");
                if (charges.commit(r.id())) {
                    committed.incrementAndGet();
                }
                ops++;
            }
            return ops;
        });
    }

    private long raw(int seconds) throws Exception {
        return load(seconds, deadline -> {
            long ops = 0;
            try (Connection c = TestDatabase.connect();
                 PreparedStatement p = c.prepareStatement(
                         "UPDATE bench_raw_wallet SET balance = balance - 1 WHERE id = ? AND balance >= 1")) {
                while (System.nanoTime() < deadline) {
                    p.setLong(1, 1);
                    if (p.executeUpdate() == 1) {
                        ops++;
                    }
                }
            }
            return ops;
        });
    }

    interface Client {
        long run(long deadline) throws Exception;
    }

    private long load(int seconds, Client client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Future<Long>> futures = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                return client.run(deadline[0]);
            }));
        }
        ready.await();
        deadline[0] = System.nanoTime() + seconds * 1_000_000_000L;
        start.countDown();
        long total = 0;
        for (Future<Long> f : futures) {
            total += f.get();
        }
        pool.shutdown();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT balance FROM bench_raw_wallet WHERE id = 1")) {
            rs.next();
            assertThat(rs.getLong(1)).isNotNegative();
        }
        return total;
    }
}
