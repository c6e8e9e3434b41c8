package fr.macrea.max.ui.reporting;

import fr.macrea.max.ui.KaribuIT;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import fr.macrea.max.wallet.WalletService;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import fr.macrea.max.crm.CrmRecordChanged;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.reporting.CrmFixtures;
import fr.macrea.max.reporting.Period;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The Reporting tab in Karibu: figures, period, charts, suggestion -> action card, live refresh, isolation. */
class ReportingViewIT extends KaribuIT {

    @Autowired
    TenantService tenantService;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    WalletService wallet;

    static Tenant a;
    static Tenant b;
    static String cold;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private Instant daysAgo(long days) {
        return now.minus(Duration.ofDays(days));
    }

    @BeforeEach
    void data() {
        if (a != null) {
            return; // once per class: tenants and rows are only read, except where a test says otherwise
        }
        a = TestTenants.create(tenantService, "Karibu Rep A", Plan.PRO);
        b = TestTenants.create(tenantService, "Karibu Rep B", Plan.PRO);
        TestTenants.signInAs(a, Role.TENANT_USER);
        CrmFixtures f = new CrmFixtures(tenantDsl.crm());
        f.lead("Alice", "Dupont", "New", "Web Site", daysAgo(1), daysAgo(1), "alice@exemple.fr", null, false);
        f.lead("Bruno", "Martin", "In Process", "Partner", daysAgo(20), daysAgo(10), null, null, false);
        cold = f.lead("Chloé", "Petit", "Assigned", null, daysAgo(100), daysAgo(45), null, null, false);
        f.lead("Denis", "Roux", "Dead", null, daysAgo(5), daysAgo(5), null, null, false);
        String campaign = f.campaign("Soldes", daysAgo(3));
        f.campaignLog(campaign, "Sent", daysAgo(2), false, null);
        f.campaignLog(campaign, "Sent", daysAgo(2), false, null);
        f.campaignLog(campaign, "Opened", daysAgo(1), false, null);
        f.call("Appel découverte", null, now.minusSeconds(30));
        TestTenants.signOut();
        TestTenants.signInAs(b, Role.TENANT_USER);
        new CrmFixtures(tenantDsl.crm()).lead("Zoé", "Autre", "New", null, daysAgo(1), daysAgo(1), null, null, false);
        TestTenants.signOut();
    }

    private String text(String id) {
        return _get(Span.class, s -> s.withId(id)).getText();
    }

    @Test
    void showsTheFiguresOfThePeriodWithCharts() {
        signInAndOpen(TestTenants.member(a, Role.TENANT_USER), "reporting");
        assertThat(text("leads-total")).isEqualTo("4");
        assertThat(text("leads-active")).isEqualTo("3");
        assertThat(text("leads-new")).isEqualTo("3");
        assertThat(text("leads-archived")).isEqualTo("1");
        assertThat(text("leads-hot")).isEqualTo("1");
        assertThat(text("leads-follow-up")).isEqualTo("1");
        assertThat(text("leads-cold")).isEqualTo("1");
        assertThat(text("campaigns-created")).isEqualTo("1");
        assertThat(text("campaigns-sent")).isEqualTo("2");
        assertThat(text("campaigns-opened")).isEqualTo("1");
        assertThat(text("campaigns-open-rate")).isEqualTo("50,0 %");
        assertThat(_find(Svg.class)).hasSize(2);
        assertThat(_find(Span.class, s -> s.withPredicate(sp -> sp.getText().contains("Appel découverte")))).isNotEmpty();

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Period> period = _get(RadioButtonGroup.class, s -> s.withId("reporting-period"));
        period.setValue(Period.DAYS_7);
        assertThat(text("leads-new")).isEqualTo("2");
    }

    /** The "Créer une action IA" button of the suggestion whose title starts with {@code title}. */
    private Button createButtonOf(String title) {
        Div suggestion = _find(Div.class, s -> s.withClasses("reporting-suggestion")).stream()
                .filter(d -> _find(d, Span.class, s -> s.withPredicate(sp -> sp.getText().startsWith(title))).size() == 1)
                .findFirst().orElseThrow();
        return _get(suggestion, Button.class, s -> s.withText("Créer une action IA"));
    }

    @Test
    void suggestionOpensTheActionCardWithModeCostAndBalanceAfter() {
        signInAndOpen(TestTenants.member(a, Role.TENANT_USER), "reporting");
        assertThat(_find(Span.class, s -> s.withText("1 lead non relancé depuis 5 jours"))).hasSize(1);
        _click(createButtonOf("1 lead non relancé"));
        SuggestionDialog dialog = _get(SuggestionDialog.class);
        assertThat(dialog.isOpened()).isTrue();
        int balance = wallet.balance().total();
        assertThat(_get(dialog, Span.class, s -> s.withId("action-card-mode")).getText()).isEqualTo("Conseil");
        assertThat(_get(dialog, Span.class, s -> s.withId("action-card-cost")).getText())
                .startsWith("Coût estimé : 15 jetons");
        assertThat(_get(dialog, Span.class, s -> s.withId("action-card-balance-after")).getText())
                .startsWith("Solde après : " + (balance - 15) + " jetons");
        // the follow-up automation is priced but not installed on this instance: shown, not offered
        assertThat(_get(dialog, Button.class, s -> s.withId("action-confirm")).isEnabled()).isFalse();
    }

    @Test
    void aDoubleClickOnTheAnalysisSuggestionChargesOnce() {
        signInAndOpen(TestTenants.member(a, Role.TENANT_USER), "reporting");
        int before = wallet.balance().total();
        _click(createButtonOf("Analyser "));
        SuggestionDialog dialog = _get(SuggestionDialog.class);
        Button confirm = _get(dialog, Button.class, s -> s.withId("action-confirm"));
        assertThat(confirm.isEnabled()).isTrue();

        _click(confirm);
        _click(confirm);

        assertThat(wallet.balance().total()).as("charged once").isEqualTo(before - 2);
        assertThat(_get(dialog, Paragraph.class, s -> s.withId("suggestion-outcome")).getText()).contains(" : lead");
    }

    @Test
    void refreshesWhenTheCrmChanges() {
        signInAndOpen(TestTenants.member(a, Role.TENANT_USER), "reporting");
        assertThat(text("leads-cold")).isEqualTo("1");
        CrmFixtures f = new CrmFixtures(tenantDsl.crm());
        f.touch(cold, now);
        try {
            events.publishEvent(new CrmRecordChanged(a.id(), "crm.lead.updated", "Fiche modifiée", now,
                    EntityRef.lead(cold), "max"));
            MockVaadin.clientRoundtrip(false);
            assertThat(text("leads-cold")).isEqualTo("0");
            assertThat(text("leads-hot")).isEqualTo("2");
        } finally {
            f.touch(cold, daysAgo(45));
            events.publishEvent(new CrmRecordChanged(a.id(), "crm.lead.updated", "Fiche modifiée", now,
                    EntityRef.lead(cold), "max"));
        }
    }

    record TestEvent(fr.macrea.max.shared.TenantId tenant, String type, String summary, Instant occurredAt)
            implements fr.macrea.max.event.TenantEvent {
    }

    private boolean shown(String summary) {
        return !_find(Span.class, s -> s.withText(summary)).isEmpty();
    }

    @Test
    void liveFeedShowsNewEventsOfTheTenantAndNotifiesAiActions() throws InterruptedException {
        signInAndOpen(TestTenants.member(a, Role.TENANT_USER), "reporting");
        String mine = "Analyse de leads terminée " + System.nanoTime();
        String other = "Événement d'un autre tenant " + System.nanoTime();
        events.publishEvent(new TestEvent(b.id(), "action.completed", other, now));
        events.publishEvent(new TestEvent(a.id(), "action.completed", mine, now));
        for (int i = 0; i < 100 && !shown(mine); i++) {
            Thread.sleep(100);
            MockVaadin.clientRoundtrip(false);
        }
        assertThat(shown(mine)).isTrue();
        assertThat(shown(other)).isFalse();
        // one toast for one event: the header bell's (the view used to add its own "Action IA : ..." copy)
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(mine);
    }

    @Test
    void tenantBSeesOnlyItsFigures() {
        signInAndOpen(TestTenants.member(b, Role.TENANT_USER), "reporting");
        assertThat(text("leads-total")).isEqualTo("1");
        assertThat(text("campaigns-sent")).isEqualTo("0");
        assertThat(_find(Span.class, s -> s.withPredicate(sp -> sp.getText().contains("Appel découverte")))).isEmpty();
    }
}
