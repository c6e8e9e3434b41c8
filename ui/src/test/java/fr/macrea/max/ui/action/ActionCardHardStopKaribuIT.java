package fr.macrea.max.ui.action;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import fr.macrea.max.action.analysis.LeadAnalysisService;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The action card shows the hard stop before the click: never a negative balance after, the confirm button disabled
 * with the reason and what unlocks it, and both follow spends and top-ups made elsewhere while the card is open.
 */
class ActionCardHardStopKaribuIT extends KaribuSpringIT {

    @Autowired
    TenantService tenants;
    @Autowired
    WalletService wallet;
    @Autowired
    LeadAnalysisService analysis;

    @Test
    void at_zero_the_card_says_what_is_missing_and_disables_confirm_with_the_way_out() {
        Tenant tenant = TestTenants.create(tenants, "Carte a sec", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        price(tenant, LeadAnalysisService.ACTION_ID, 250);
        lead("LEADZERO");
        UI.getCurrent().navigate(LeadAnalysisView.class);
        assertThat(balanceAfter()).isEqualTo("Solde après : 250 jetons (" + euros() + ")");
        assertThat(confirm().isEnabled()).isTrue();

        // a colleague spends the whole balance from another screen: the open card must follow without a reload
        asColleague(tenant, () -> analysis.analyseLead("LEADZERO", "colleague-1"));
        asColleague(tenant, () -> analysis.analyseLead("LEADZERO", "colleague-2"));
        assertThat(wallet.balance().total()).isZero();
        awaitCard(text -> text.contains("insuffisant"));

        assertThat(balanceAfter()).isEqualTo("Solde après : insuffisant, il manque 250 jeton(s) (solde actuel : 0)")
                .doesNotContain("-");
        assertThat(confirm().isEnabled()).isFalse();
        String effect = _get(Span.class, s -> s.withId("action-card-effect")).getText();
        assertThat(effect).isEqualTo("Solde insuffisant : cette action coûte 250 jeton(s) et il en reste 0. Elle se "
                + "débloque avec une recharge de packs de jetons : demandez-la à votre administrateur MaCréa.");
        assertThat(confirm().getTooltip().getText()).isEqualTo(effect);
    }

    @Test
    void a_top_up_made_in_the_console_unlocks_the_open_card() {
        Tenant tenant = TestTenants.create(tenants, "Carte rechargee", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        price(tenant, LeadAnalysisService.ACTION_ID, 600);
        UI.getCurrent().navigate(LeadAnalysisView.class);
        assertThat(balanceAfter()).isEqualTo("Solde après : insuffisant, il manque 100 jeton(s) (solde actuel : 500)");
        assertThat(confirm().isEnabled()).isFalse();

        // the platform admin tops up from the console, on another thread
        ExecutorService admin = Executors.newSingleThreadExecutor();
        try {
            admin.submit(() -> SystemAuthentication.asPlatform(
                    () -> wallet.topUp(tenant.id(), 1, "console-" + UUID.randomUUID()))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            admin.shutdown();
        }
        awaitCard(text -> !text.contains("insuffisant"));

        assertThat(balanceAfter()).startsWith("Solde après : 400 jetons");
        assertThat(confirm().isEnabled()).isTrue();
        assertThat(confirm().getTooltip() == null || confirm().getTooltip().getText() == null).isTrue();
    }

    private void asColleague(Tenant tenant, Callable<?> work) {
        ExecutorService colleague = Executors.newSingleThreadExecutor();
        try {
            colleague.submit(() -> {
                TestTenants.signInAs(tenant, Role.TENANT_USER);
                try {
                    return work.call();
                } finally {
                    TestTenants.signOut();
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            colleague.shutdown();
        }
    }

    /** The wallet's signal reaches this UI through the fan-out and server push: wait on the card itself. */
    private static void awaitCard(java.util.function.Predicate<String> done) {
        for (int i = 0; i < 100 && !done.test(balanceAfter()); i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            MockVaadin.clientRoundtrip(false);
        }
        assertThat(done.test(balanceAfter())).as(balanceAfter()).isTrue();
    }

    private String euros() {
        return fr.macrea.max.ui.wallet.Money.euros(wallet.balance().euroOf(250));
    }

    private static Button confirm() {
        return _get(Button.class, s -> s.withId("action-confirm"));
    }

    private static String balanceAfter() {
        return _get(Span.class, s -> s.withId("action-card-balance-after")).getText();
    }
}
