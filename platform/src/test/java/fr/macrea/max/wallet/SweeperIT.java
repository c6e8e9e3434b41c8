package fr.macrea.max.wallet;

import fr.macrea.max.action.WalletActionsIT;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Crash safety: a reservation left by a killed action is refunded by the sweeper, once, even with two sweepers. */
class SweeperIT extends WalletActionsIT {

    @Autowired
    TenantService tenants;
    @Autowired
    WalletService wallet;
    @Autowired
    WalletReservations charges;

    @Test
    void anAbandonedReservationIsRefundedOnceEvenByTwoConcurrentSweepers() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Crash", Plan.PRO);
        MaxPrincipal user = TestTenants.signInAs(tenant, Role.TENANT_USER);
        // the "killed action": reserved, never committed nor refunded
        for (int i = 0; i < 10; i++) {
            charges.reserve("killed-" + i, 8, "action tuée");
        }
        assertThat(wallet.balance().total()).isEqualTo(420);
        assertThat(wallet.sweepExpired()).as("not expired yet").isZero();

        clock.advance(Duration.ofMinutes(6));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Future<Integer> a = pool.submit(() -> { TestTenants.signIn(user); start.await(); return wallet.sweepExpired(); });
        Future<Integer> b = pool.submit(() -> { TestTenants.signIn(user); start.await(); return wallet.sweepExpired(); });
        start.countDown();
        int refunded = a.get() + b.get();
        pool.shutdown();

        assertThat(refunded).isEqualTo(10);
        assertThat(wallet.sweepExpired()).isZero();
        assertThat(wallet.balance().total()).isEqualTo(500);
        WalletAudit audit = wallet.audit();
        assertThat(audit.consistent()).isTrue();
        assertThat(audit.held()).isZero();
        assertThat(wallet.ledger(100).stream().filter(e -> e.kind().equals("REFUND")).count()).isEqualTo(10);
    }

    @Test
    void aLateCommitOrRefundAfterTheSweepChangesNothing() {
        Tenant tenant = TestTenants.create(tenants, "Tardif", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        Reservation r = charges.reserve("late", 10, "lent");
        clock.advance(Duration.ofMinutes(6));
        assertThat(wallet.sweepExpired()).isEqualTo(1);
        assertThat(charges.refund(r.id(), "trop tard")).isFalse();
        assertThat(charges.commit(r.id())).isFalse();
        assertThat(wallet.balance().total()).isEqualTo(500);
        assertThat(wallet.audit().consistent()).isTrue();
    }
}
