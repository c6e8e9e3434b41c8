package fr.macrea.max.wallet;

import fr.macrea.max.action.WalletActionsIT;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A console top-up credits its packs once per request key (one confirmed intent), on MariaDB, also in parallel. */
class WalletTopUpIT extends WalletActionsIT {

    @Autowired
    TenantService tenants;
    @Autowired
    WalletService wallet;

    @Test
    void a_double_click_sent_as_sixteen_parallel_requests_with_one_key_credits_the_packs_once() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Recharge double", Plan.STANDARD);
        int before = balanceOf(tenant);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<WalletBalance>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return SystemAuthentication.asPlatform(() -> wallet.topUp(tenant.id(), 2, "console-intent-1"));
            }));
        }
        start.countDown();
        for (Future<WalletBalance> call : calls) {
            call.get();
        }
        pool.shutdown();

        assertThat(balanceOf(tenant)).as("2 packs of 500, credited once").isEqualTo(before + 1000);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        assertThat(wallet.ledger(100)).filteredOn(e -> e.kind().equals("PACK")).hasSize(1);
        assertThat(wallet.audit().consistent()).isTrue();
    }

    @Test
    void the_same_key_again_replays_the_balance_and_a_new_intent_credits_again() {
        Tenant tenant = TestTenants.create(tenants, "Recharge rejouee", Plan.STANDARD);
        int before = balanceOf(tenant);
        WalletBalance first = SystemAuthentication.asPlatform(() -> wallet.topUp(tenant.id(), 1, "intent-a"));
        WalletBalance replay = SystemAuthentication.asPlatform(() -> wallet.topUp(tenant.id(), 1, "intent-a"));
        assertThat(first.total()).isEqualTo(before + 500);
        assertThat(replay.total()).as("a replay credits nothing and says the balance").isEqualTo(before + 500);

        SystemAuthentication.asPlatform(() -> wallet.topUp(tenant.id(), 1, "intent-b"));
        assertThat(balanceOf(tenant)).isEqualTo(before + 1000);
    }

    @Test
    void a_key_is_per_tenant_and_a_refused_amount_claims_no_key() {
        Tenant one = TestTenants.create(tenants, "Recharge un", Plan.STANDARD);
        Tenant two = TestTenants.create(tenants, "Recharge deux", Plan.STANDARD);
        int beforeTwo = balanceOf(two);
        assertThatThrownBy(() -> SystemAuthentication.asPlatform(() -> wallet.topUp(one.id(), 21, "shared")))
                .isInstanceOf(WalletException.class);
        int beforeOne = balanceOf(one);
        SystemAuthentication.asPlatform(() -> wallet.topUp(one.id(), 1, "shared"));
        SystemAuthentication.asPlatform(() -> wallet.topUp(two.id(), 1, "shared"));
        assertThat(balanceOf(one)).isEqualTo(beforeOne + 500);
        assertThat(balanceOf(two)).isEqualTo(beforeTwo + 500);
    }

    private int balanceOf(Tenant tenant) {
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        try {
            return wallet.balance().total();
        } finally {
            TestTenants.signOut();
        }
    }
}
