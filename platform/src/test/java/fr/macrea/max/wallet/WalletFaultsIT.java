package fr.macrea.max.wallet;

import com.mysql.cj.jdbc.JdbcConnection;
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
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallet's invariants while things go wrong under 32 concurrent clients on MariaDB: connections killed by the
 * server in the middle of their work ({@code KILL CONNECTION}), commits that fail, commits that succeed but whose
 * answer is lost, and client threads interrupted. Clients retry with the same request key, as the pipeline's one
 * intent = one key does. Afterwards nothing is lost or doubled: no overdraft ever, balance = ledger sum, one
 * reservation and one RESERVE line per key, what a client was told committed or refunded is so, and once the
 * sweeper has expired what was left held, the tokens charged are exactly the committed reservations.
 */
@Import(WalletFaultsIT.Faults.class)
class WalletFaultsIT extends WalletActionsIT {

    private static final String CLIENT = "chaos-client-";
    private static final AtomicBoolean ACTIVE = new AtomicBoolean();
    private static final AtomicInteger FAILED_COMMITS = new AtomicInteger();
    private static final AtomicInteger LOST_COMMITS = new AtomicInteger();
    /** Connections handed to a client thread, with their server-side id, while they are out of the pool. */
    private static final Map<Connection, Long> IN_USE = new ConcurrentHashMap<>();

    @TestConfiguration
    static class Faults {

        @Bean
        static BeanPostProcessor faultyDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && "dataSource".equals(name)
                            ? new FaultyDataSource(dataSource) : bean;
                }
            };
        }
    }

    /** Injects faults only on the clients' threads and only while the test says so. */
    static final class FaultyDataSource extends DelegatingDataSource {

        FaultyDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = super.getConnection();
            if (!ACTIVE.get() || !Thread.currentThread().getName().startsWith(CLIENT)) {
                return real;
            }
            long serverId = real.unwrap(JdbcConnection.class).getId();
            Connection[] self = new Connection[1];
            self[0] = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "commit" -> {
                                double dice = ThreadLocalRandom.current().nextDouble();
                                if (ACTIVE.get() && dice < 0.03) {
                                    FAILED_COMMITS.incrementAndGet();
                                    real.rollback();
                                    throw new SQLException("injected: commit failed", "08S01");
                                }
                                real.commit();
                                if (ACTIVE.get() && dice < 0.06) {
                                    LOST_COMMITS.incrementAndGet();
                                    throw new SQLException("injected: committed, answer lost", "08S01");
                                }
                                return null;
                            }
                            case "close" -> IN_USE.remove(self[0]);
                            default -> {
                            }
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            IN_USE.put(self[0], serverId);
            return self[0];
        }
    }

    @Autowired
    TenantService tenants;
    @Autowired
    WalletService wallet;
    @Autowired
    WalletReservations charges;

    private enum Told { COMMITTED, REFUNDED }

    @Test
    void killedConnectionsLostCommitsAndInterruptsLoseNothingAndDoubleNothing() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Pannes", Plan.PRO);
        for (int i = 0; i < 3; i++) {
            SystemAuthentication.asPlatform(() -> wallet.topUp(tenant.id(), 1, UUID.randomUUID().toString()));
        }
        MaxPrincipal user = TestTenants.signInAs(tenant, Role.TENANT_USER);
        long initial = wallet.balance().total();

        Map<String, Told> told = new ConcurrentHashMap<>();
        AtomicInteger clientErrors = new AtomicInteger();
        AtomicInteger kills = new AtomicInteger();
        AtomicInteger interrupts = new AtomicInteger();
        AtomicBoolean overdraft = new AtomicBoolean();
        List<Thread> clients = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, CLIENT + clients.size());
            clients.add(t);
            return t;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        ACTIVE.set(true);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < 32; c++) {
            work.add(pool.submit(() -> {
                TestTenants.signIn(user);
                while (System.nanoTime() < deadline) {
                    spendOnce(told, clientErrors);
                }
                return null;
            }));
        }
        Thread chaos = Thread.ofPlatform().name("chaos").start(() -> {
            try (Connection admin = TestDatabase.connect(); Statement s = admin.createStatement()) {
                while (System.nanoTime() < deadline) {
                    List<Long> ids = new ArrayList<>(IN_USE.values());
                    if (!ids.isEmpty()) {
                        try {
                            s.execute("KILL CONNECTION " + ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
                            kills.incrementAndGet();
                        } catch (SQLException alreadyGone) {
                            // the connection went back to the pool and was closed in between
                        }
                    }
                    List<Thread> running = new ArrayList<>(clients);
                    if (!running.isEmpty() && ThreadLocalRandom.current().nextBoolean()) {
                        running.get(ThreadLocalRandom.current().nextInt(running.size())).interrupt();
                        interrupts.incrementAndGet();
                    }
                    try (ResultSet rs = s.executeQuery("SELECT allowance_tokens + pack_tokens - spent FROM wallet"
                            + " WHERE tenant_id = " + tenant.id().value())) {
                        if (rs.next() && rs.getLong(1) < 0) {
                            overdraft.set(true);
                        }
                    }
                    Thread.sleep(25);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (Future<?> f : work) {
            f.get(120, TimeUnit.SECONDS);
        }
        chaos.join(30_000);
        ACTIVE.set(false);
        pool.shutdown();

        assertThat(kills.get()).as("connections killed mid-work").isGreaterThan(5);
        assertThat(interrupts.get()).as("client threads interrupted").isGreaterThan(5);
        assertThat(FAILED_COMMITS.get()).as("commits that failed").isPositive();
        assertThat(LOST_COMMITS.get()).as("commits whose answer was lost").isPositive();
        assertThat(clientErrors.get()).as("clients saw the faults").isPositive();
        assertThat(overdraft).as("never below zero").isFalse();

        Map<String, String> status = new HashMap<>();
        Map<String, Integer> amount = new HashMap<>();
        readReservations(tenant.id().value(), status, amount);
        told.forEach((key, what) -> assertThat(status.get(key)).as("what the client of " + key + " was told")
                .isEqualTo(what.name()));
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT r.id, SUM(l.kind = 'RESERVE'), SUM(l.kind = 'REFUND')"
                     + " FROM wallet_reservation r LEFT JOIN wallet_ledger l ON l.reservation_id = r.id"
                     + " WHERE r.tenant_id = " + tenant.id().value() + " GROUP BY r.id")) {
            while (rs.next()) {
                assertThat(rs.getInt(2)).as("RESERVE lines of reservation " + rs.getLong(1)).isEqualTo(1);
                assertThat(rs.getInt(3)).as("REFUND lines of reservation " + rs.getLong(1)).isLessThanOrEqualTo(1);
            }
        }
        WalletAudit during = wallet.audit();
        assertThat(during.consistent()).as("balance = ledger sum").isTrue();

        // what a crashed or confused client left held comes back through the sweeper, once
        clock.advance(Duration.ofMinutes(10));
        charges.sweepExpired();
        status.clear();
        readReservations(tenant.id().value(), status, amount);
        long committed = status.entrySet().stream().filter(e -> e.getValue().equals("COMMITTED"))
                .mapToLong(e -> amount.get(e.getKey())).sum();
        WalletAudit after = wallet.audit();
        assertThat(after.held()).isZero();
        assertThat(after.consistent()).isTrue();
        assertThat(initial - after.balance()).as("tokens charged = committed reservations").isEqualTo(committed);
        assertThat(status.values()).contains("COMMITTED", "REFUNDED");
    }

    /** One intent: reserve, then commit (or refund, 1 in 4), retrying each step with the same key or id. */
    private void spendOnce(Map<String, Told> told, AtomicInteger clientErrors) {
        String key = UUID.randomUUID().toString();
        int amount = 1 + ThreadLocalRandom.current().nextInt(3);
        Reservation reservation = retry(() -> charges.reserve(key, amount, "pannes"), clientErrors);
        if (reservation == null) {
            return;
        }
        boolean refund = ThreadLocalRandom.current().nextInt(4) == 0;
        Boolean done = retry(() -> refund ? charges.refund(reservation.id(), "échec simulé")
                : charges.commit(reservation.id()), clientErrors);
        if (Boolean.TRUE.equals(done)) {
            told.put(key, refund ? Told.REFUNDED : Told.COMMITTED);
        }
    }

    private static <T> T retry(Supplier<T> step, AtomicInteger clientErrors) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Thread.interrupted(); // a client that was interrupted goes on with its intent
            try {
                return step.get();
            } catch (InsufficientTokensException empty) {
                return null;
            } catch (RuntimeException fault) {
                clientErrors.incrementAndGet();
            }
        }
        return null;
    }

    private static void readReservations(long tenantId, Map<String, String> status, Map<String, Integer> amount)
            throws SQLException {
        try (Connection c = TestDatabase.connect();
             PreparedStatement p = c.prepareStatement(
                     "SELECT request_key, status, amount FROM wallet_reservation WHERE tenant_id = ?")) {
            p.setLong(1, tenantId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    assertThat(status.put(rs.getString(1), rs.getString(2))).as("one reservation per key").isNull();
                    amount.put(rs.getString(1), rs.getInt(3));
                }
            }
        }
    }
}
