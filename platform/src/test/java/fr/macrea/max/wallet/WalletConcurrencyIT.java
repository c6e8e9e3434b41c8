package fr.macrea.max.wallet;

import fr.macrea.max.action.WalletActionsIT;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance: the wallet under 32 concurrent clients on MariaDB, and the naive wallet that fails the same test. */
class WalletConcurrencyIT extends WalletActionsIT {

    @Autowired
    TenantService tenants;
    @Autowired
    WalletService wallet;
    @Autowired
    WalletReservations charges;

    /** Our wallet seen by the harness: reserve, then commit, or refund when the "action" fails. */
    private SpendingWallet ours() {
        return new SpendingWallet() {
            @Override
            public int spend(int amount, boolean fail) {
                Reservation r;
                try {
                    r = charges.reserve(UUID.randomUUID().toString(), amount, "test");
                } catch (InsufficientTokensException e) {
                    return 0;
                }
                if (fail) {
                    assertThat(charges.refund(r.id(), "échec simulé")).isTrue();
                    return 0;
                }
                assertThat(charges.commit(r.id())).isTrue();
                return amount;
            }

            @Override
            public long balance() {
                return wallet.audit().balance();
            }

            @Override
            public long ledgerSum() {
                return wallet.audit().ledgerSum();
            }
        };
    }

    @Test
    void thirtyTwoClientsNeverOverdrawAndLedgerAgreesToTheToken() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Concurrence", Plan.PRO);
        SystemAuthentication.asPlatform(() -> wallet.topUp(tenant.id(), 1, UUID.randomUUID().toString()));
        MaxPrincipal user = TestTenants.signInAs(tenant, Role.TENANT_USER);
        long initial = wallet.balance().total();
        assertThat(initial).isEqualTo(1000);

        // 32 x 25 attempts of 1..5 tokens (~2 400 asked) on 1 000 tokens: the wallet runs dry under contention
        InvariantHarness.Report report = InvariantHarness.run(ours(), initial, 32, 25, 0.25,
                i -> TestTenants.signIn(user));

        assertThat(report.violations()).isEmpty();
        assertThat(report.refused()).as("the wallet ran dry, so some reservations were refused").isPositive();
        assertThat(report.balance()).isGreaterThanOrEqualTo(0).isLessThan(5);
        WalletAudit audit = wallet.audit();
        assertThat(audit.consistent()).isTrue();
        assertThat(audit.held()).isZero();
        WalletBalance balance = wallet.balance();
        assertThat(balance.allowanceLeft()).as("allowance is used first").isZero();
    }

    @Test
    void theNaiveReadThenWriteWalletBreaksTheSameInvariant() throws Exception {
        // same harness, same load: the test must be able to see the bug, or it proves nothing about ours
        List<String> violations = new ArrayList<>();
        for (int attempt = 0; attempt < 3 && violations.isEmpty(); attempt++) {
            NaiveWallet naive = new NaiveWallet(Long.toString(System.nanoTime(), 36), 1000);
            violations.addAll(InvariantHarness.run(naive, 1000, 32, 25, 0.25, i -> { }).violations());
        }
        assertThat(violations).as("the naive wallet loses updates or overdraws").isNotEmpty();
    }

    @Test
    void thirtyTwoReservationsWithOneKeyChargeOnce() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Idempotence", Plan.STANDARD);
        MaxPrincipal user = TestTenants.signInAs(tenant, Role.TENANT_USER);
        int before = wallet.balance().total();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            futures.add(pool.submit(() -> {
                TestTenants.signIn(user);
                start.await();
                ids.add(charges.reserve("same-key", 7, "test").id());
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(wallet.balance().total()).isEqualTo(before - 7);
        assertThat(wallet.audit().consistent()).isTrue();
    }

    @Test
    void concurrentCommitsAndRefundsOfOneReservationSettleItOnce() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Reglement", Plan.PRO);
        MaxPrincipal user = TestTenants.signInAs(tenant, Role.TENANT_USER);
        Reservation r = charges.reserve("settle-once", 10, "test");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            boolean refund = i % 2 == 0;
            futures.add(pool.submit(() -> {
                TestTenants.signIn(user);
                start.await();
                return refund ? charges.refund(r.id(), "course") : charges.commit(r.id());
            }));
        }
        start.countDown();
        int settled = 0;
        for (Future<Boolean> f : futures) {
            settled += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(settled).isEqualTo(1);
        assertThat(wallet.audit().consistent()).isTrue();
        assertThat(wallet.audit().held()).isZero();
        assertThat(wallet.balance().total()).isIn(490, 500);
    }

    @Test
    void hardStopRefusesBelowZeroWithAFrenchMessage() {
        Tenant tenant = TestTenants.create(tenants, "Plancher", Plan.STANDARD);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        charges.reserve("a", 95, "test");
        try {
            charges.reserve("b", 6, "test");
            throw new AssertionError("expected a refusal");
        } catch (InsufficientTokensException e) {
            assertThat(e.getMessage()).contains("Solde de jetons insuffisant").contains("il en reste 5");
        }
        assertThat(wallet.balance().total()).isEqualTo(5);
        assertThat(wallet.audit().consistent()).isTrue();
    }

    @Test
    void allowanceFirstThenPacksAndANewMonthDropsTheAllowanceButKeepsPacks() {
        Tenant tenant = TestTenants.create(tenants, "Periode", Plan.STANDARD);
        SystemAuthentication.asPlatform(() -> wallet.topUp(tenant.id(), 1, UUID.randomUUID().toString()));
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        charges.commit(charges.reserve("x", 120, "test").id());
        WalletBalance b = wallet.balance();
        assertThat(b.allowanceLeft()).isZero();
        assertThat(b.packLeft()).isEqualTo(480);
        assertThat(b.allowanceUsedPercent()).isEqualTo(100);

        clock.advance(Duration.ofDays(32));
        WalletBalance next = wallet.balance();
        assertThat(next.allowanceLeft()).isEqualTo(100);
        assertThat(next.packLeft()).as("pack tokens roll over").isEqualTo(480);
        assertThat(wallet.audit().consistent()).isTrue();
    }
}
