package fr.macrea.max.ui.i18n;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import fr.macrea.max.event.FeedEvent;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.ranking.LeadRow;
import fr.macrea.max.reporting.CrmFixtures;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import fr.macrea.max.wallet.PriceEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English UI shows English content: price names, the lead analysis, the event line of the analysis (naming the
 * lead, not its id), and every figure with English conventions ("1,500 tokens · €199.00", never "199,00 €").
 */
class EnglishScreensKaribuIT extends KaribuIT {

    @Autowired
    TenantService tenantService;
    @Autowired
    TenantDsl tenantDsl;

    private Tenant tenantWithAlice() {
        Tenant tenant = TestTenants.create(tenantService, "Anglais " + System.nanoTime(), Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        new CrmFixtures(tenantDsl.crm()).lead("Alice", "Dupont", "In Process", "Web Site", yesterday, yesterday,
                "alice@exemple.fr", null, false);
        TestTenants.signOut();
        return tenant;
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    private static List<String> column(Grid<?> grid, int column) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            out.add(GridKt._getFormattedRow(grid, i).get(column));
        }
        return out;
    }

    @Test
    void budget_shows_english_price_names_and_english_money() {
        inEnglish();
        signInAndOpen(TestTenants.member(tenantWithAlice(), Role.TENANT_USER), "budget");
        Grid<PriceEntry> prices = grid("budget-prices");
        assertThat(column(prices, 0)).contains("Lead analysis", "WhatsApp message", "Newsletter creation")
                .doesNotContain("Analyse de leads", "Message WhatsApp");
        assertThat(column(prices, 1)).allMatch(p -> p.matches("[\\d,]+ tokens? \\(€\\d[\\d,]*\\.\\d\\d\\)"), "English money");
        assertThat(_get(Paragraph.class, s -> s.withId("budget-summary")).getText()).contains("tokens (€")
                .doesNotContain(" €").doesNotContain("jetons");
        assertThat(_get(Span.class, s -> s.withId("wallet-balance")).getText())
                .matches("[\\d,]+ tokens · €[\\d,]+\\.\\d\\d");
    }

    @Test
    void the_french_budget_keeps_french_names_and_money() {
        signInAndOpen(TestTenants.member(tenantWithAlice(), Role.TENANT_USER), "budget");
        assertThat(column(grid("budget-prices"), 0)).contains("Analyse de leads", "Message WhatsApp");
        assertThat(_get(Span.class, s -> s.withId("wallet-balance")).getText())
                .matches("[\\d ]+ jetons · [\\d ]+,\\d\\d €");
    }

    @Test
    void the_lead_analysis_and_its_event_read_in_english_and_name_the_lead() {
        inEnglish();
        signInAndOpen(TestTenants.member(tenantWithAlice(), Role.TENANT_USER), "crm");
        Grid<LeadRow> leads = grid("crm-grid");
        LeadRow alice = GridKt._get(leads, 0);
        leads.select(alice);
        Div card = _get(Div.class, s -> s.withId("lead-card-analyse"));
        Button analyse = _get(card, Button.class, s -> s.withId("action-confirm"));
        assertThat(analyse.getText()).isEqualTo("Analyse with M.A.X. (2 tokens)");
        _click(analyse);

        String analysis = _get(Paragraph.class, s -> s.withId("lead-card-analysis")).getText();
        assertThat(analysis).startsWith("Alice Dupont: ").contains("lead (score ", "status In Process", "Next actions: ")
                .endsWith("(2 tokens charged)")
                .doesNotContain("statut", "activité", "Prochaines", "jetons", "En cours", "..");

        UI.getCurrent().navigate("activite");
        Grid<FeedEvent> feed = grid("activity-grid");
        String line = GridKt._getFormatted(feed, 0, "summary");
        assertThat(line).isEqualTo("Lead analysis: analysis of lead Alice Dupont").doesNotContain(alice.id());

        UI.getCurrent().navigate("journal");
        assertThat(String.join(" | ", GridKt._getFormattedRow(grid("action-log-grid"), 0)))
                .contains("analysis of lead Alice Dupont").doesNotContain("analyse du lead", alice.id());
    }

    @Test
    void in_french_the_event_names_the_lead_too() {
        signInAndOpen(TestTenants.member(tenantWithAlice(), Role.TENANT_USER), "crm");
        Grid<LeadRow> leads = grid("crm-grid");
        LeadRow alice = GridKt._get(leads, 0);
        leads.select(alice);
        _click(_get(_get(Div.class, s -> s.withId("lead-card-analyse")), Button.class, s -> s.withId("action-confirm")));

        UI.getCurrent().navigate("activite");
        assertThat(GridKt._getFormatted(grid("activity-grid"), 0, "summary"))
                .isEqualTo("Analyse de lead : analyse du lead Alice Dupont");
    }
}
