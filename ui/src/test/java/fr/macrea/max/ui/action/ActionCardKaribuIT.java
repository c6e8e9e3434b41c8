package fr.macrea.max.ui.action;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.action.TestWriteAction;
import fr.macrea.max.action.analysis.LeadAnalysisService;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ActionCardKaribuIT extends KaribuSpringIT {

    @Autowired
    TenantService tenants;
    @Autowired
    ModeService modes;
    @Autowired
    WalletService wallet;
    @Autowired
    ActionCards cards;
    @Autowired
    LeadAnalysisService analysis;

    @Test
    void theLeadAnalysisCardShowsModeCostAndBalanceAfterThenRuns() throws InterruptedException {
        Tenant tenant = TestTenants.create(tenants, "Carte", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        lead("LEADUI1");
        UI.getCurrent().navigate(LeadAnalysisView.class);

        Span mode = _get(Span.class, s -> s.withId("action-card-mode"));
        assertThat(mode.getText()).isEqualTo("Conseil"); // the word, no emoji
        assertThat(_get(mode, com.vaadin.flow.component.icon.Icon.class).getElement().getAttribute("icon"))
                .isEqualTo("vaadin:circle");
        assertThat(_get(Span.class, s -> s.withId("action-card-cost")).getText())
                .isEqualTo("Coût estimé : 2 jetons (0,40 €)");
        assertThat(_get(Span.class, s -> s.withId("action-card-balance-after")).getText())
                .isEqualTo("Solde après : 498 jetons (98,60 €)");
        Span balance = _get(Span.class, s -> s.withId("wallet-balance"));
        assertThat(balance.getText()).startsWith("500 jetons").contains("99,00 €"); // no coin emoji
        assertThat(_get(balance, com.vaadin.flow.component.icon.Icon.class).getElement().getAttribute("icon"))
                .isEqualTo("vaadin:coins");

        // coming from the lead card: its route parameter picks the lead
        UI.getCurrent().navigate(LeadAnalysisView.class, com.vaadin.flow.router.QueryParameters.of("lead", "LEADUI1"));
        _click(_get(Button.class, s -> s.withId("action-confirm")));

        assertThat(wallet.balance().total()).isEqualTo(498);
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, s -> s.withId("analysis-summary")).getText())
                .startsWith("Inès Durand : lead");
        assertThat(_get(Span.class, s -> s.withId("wallet-balance")).getText()).contains("498 jetons");
        assertThat(_get(Span.class, s -> s.withId("action-card-balance-after")).getText()).contains("496 jetons");

        // the action's event comes back through the live feed: the bell counts it but does not toast the outcome
        // the card has just shown (two toasts for one event before)
        fr.macrea.max.ui.event.NotificationBell bell = _get(fr.macrea.max.ui.event.NotificationBell.class);
        for (int i = 0; i < 100 && bell.unread() == 0; i++) {
            Thread.sleep(50);
            com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
        }
        assertThat(bell.unread()).isEqualTo(1);
        assertThat(_find(com.vaadin.flow.component.notification.Notification.class).stream()
                .filter(com.vaadin.flow.component.notification.Notification::isOpened)).hasSize(1);
    }

    @Test
    void anEnglishUserReadsTheActionsNameAndModeInEnglish() {
        Tenant tenant = TestTenants.create(tenants, "Carte EN", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        inEnglish();
        UI.getCurrent().navigate(LeadAnalysisView.class);

        assertThat(_find(H4.class, h -> h.withText("Lead analysis"))).hasSize(1);
        assertThat(_find(H4.class, h -> h.withText("Analyse de lead"))).isEmpty();
        assertThat(_get(Span.class, s -> s.withId("action-card-mode")).getText()).isEqualTo("Advice");
    }

    @Test
    void inAutoTheFirstClickDoesNothingAndTheSecondConfirmationRuns() {
        Tenant tenant = TestTenants.create(tenants, "Carte Auto", Plan.PRO);
        price(tenant, TestWriteAction.ID, 5);
        TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
        lead("LEADUI2");
        modes.set(Mode.AUTO);
        UI.getCurrent().navigate(DraftsView.class);
        ActionCard<TestWriteAction.Params> card = cards.create(TestWriteAction.ID,
                () -> new TestWriteAction.Params("LEADUI2", Map.of("status", "In Process"), "ok"), o -> { });
        UI.getCurrent().add(card);

        assertThat(card.quote().cost()).isEqualTo(5);
        Button confirm = _get(card, Button.class, s -> s.withId("action-confirm"));
        assertThat(confirm.getText()).isEqualTo("Exécuter…");
        _click(confirm);
        assertThat(crm.record(EntityRef.lead("LEADUI2")).get("status")).as("nothing ran").isEqualTo("New");
        assertThat(wallet.balance().total()).isEqualTo(500);
        Button again = _get(card, Button.class, s -> s.withId("action-confirm-again"));
        assertThat(again.isVisible()).isTrue();
        assertThat(_get(card, Span.class, s -> s.withId("action-card-effect")).getText())
                .contains("confirmez une seconde fois");

        _click(again);
        assertThat(crm.record(EntityRef.lead("LEADUI2")).get("status")).isEqualTo("In Process");
        assertThat(wallet.balance().total()).isEqualTo(495);
    }

    @Test
    void aLockedActionIsShownGreyedWithThePlanThatUnlocksIt() {
        Tenant tenant = TestTenants.create(tenants, "Carte Standard", Plan.STANDARD);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        UI.getCurrent().navigate(DraftsView.class);
        ActionCard<Object> card = cards.<Object>create("ai.call", () -> null, o -> { });
        UI.getCurrent().add(card);
        assertThat(_get(card, Button.class, s -> s.withId("action-confirm")).isEnabled()).isFalse();
        Span effect = _get(card, Span.class, s -> s.withId("action-card-effect"));
        assertThat(effect.getText()).contains("Pro").doesNotContain("\uD83D\uDD12"); // no lock emoji: Vaadin's lock icon
        assertThat(_get(effect, com.vaadin.flow.component.icon.Icon.class).getElement().getAttribute("icon"))
                .isEqualTo("vaadin:lock");
        assertThat(card.getClassNames()).contains("locked");
    }

    @Test
    void aSpendMadeOutsideTheUiUpdatesTheOpenBadgeAndTheCardBalanceAfter() throws Exception {
        Tenant tenant = TestTenants.create(tenants, "Carte Live", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        lead("LEADUI3");
        UI.getCurrent().navigate(LeadAnalysisView.class);
        assertThat(badge()).contains("500 jetons");
        assertThat(balanceAfter()).contains("498 jetons");

        // a colleague (or a job) of the same tenant spends, on another thread, through the service: not this UI
        ExecutorService colleague = Executors.newSingleThreadExecutor();
        try {
            colleague.submit(() -> {
                TestTenants.signInAs(tenant, Role.TENANT_USER);
                try {
                    return analysis.analyseLead("LEADUI3", "outside-the-ui");
                } finally {
                    TestTenants.signOut();
                }
            }).get(30, TimeUnit.SECONDS);
        } finally {
            colleague.shutdown();
        }
        assertThat(wallet.balance().total()).isEqualTo(498);

        // the server-side signal reaches this UI through the event fan-out and server push
        for (int i = 0; i < 100 && !badge().contains("498 jetons"); i++) {
            Thread.sleep(50);
            MockVaadin.clientRoundtrip(false);
        }
        assertThat(badge()).contains("498 jetons");
        assertThat(balanceAfter()).contains("496 jetons");
    }

    private static String badge() {
        return _get(Span.class, s -> s.withId("wallet-balance")).getText();
    }

    private static String balanceAfter() {
        return _get(Span.class, s -> s.withId("action-card-balance-after")).getText();
    }
}
