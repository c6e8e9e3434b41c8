package fr.macrea.max.ui.crm;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.TimelineEntry;
import fr.macrea.max.wallet.WalletService;
import com.vaadin.flow.component.html.Div;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.ranking.LeadRow;
import fr.macrea.max.ranking.LeadSegment;
import fr.macrea.max.reporting.CrmFixtures;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The CRM tab in Karibu: filters, lazy keyset grid, ranking reasons, lead card, tags, "Analyser" through the action card. */
class CrmViewIT extends KaribuIT {

    @Autowired
    TenantService tenantService;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    CrmGateway crm;
    @Autowired
    WalletService wallet;

    static Tenant a;
    static Tenant b;
    static String alice;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private Instant daysAgo(long days) {
        return now.minus(Duration.ofDays(days));
    }

    @BeforeEach
    void data() {
        if (a != null) {
            return; // once per class: tenants and rows are only read, except where a test says otherwise
        }
        a = TestTenants.create(tenantService, "Karibu Crm A", Plan.PRO);
        b = TestTenants.create(tenantService, "Karibu Crm B", Plan.PRO);
        TestTenants.signInAs(a, Role.TENANT_USER);
        CrmFixtures f = new CrmFixtures(tenantDsl.crm());
        alice = f.lead("Alice", "Dupont", "In Process", "Web Site", daysAgo(1), daysAgo(1), "alice@exemple.fr", null, false, "vip");
        f.lead("Bruno", "Martin", "In Process", "Partner", daysAgo(2), daysAgo(10), null, null, false);
        f.lead("Chloé", "Dupuis", "Assigned", null, daysAgo(3), daysAgo(45), null, null, false);
        for (int i = 0; i < 120; i++) {
            f.lead("Lead" + i, "Masse", "Dead", null, daysAgo(10 + i), daysAgo(10 + i), null, null, false);
        }
        f.note("Intéressée par l'offre", alice, daysAgo(1));
        TestTenants.signOut();
        TestTenants.signInAs(b, Role.TENANT_USER);
        new CrmFixtures(tenantDsl.crm()).lead("Zoé", "Dupont", "New", null, daysAgo(1), daysAgo(1), null, null, false);
        TestTenants.signOut();
    }

    @SuppressWarnings("unchecked")
    private Grid<LeadRow> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    private List<String> names(Grid<LeadRow> grid) {
        List<String> out = new ArrayList<>();
        int size = GridKt._size(grid);
        for (int i = 0; i < size; i++) {
            out.add(GridKt._get(grid, i).name());
        }
        return out;
    }

    @Test
    void theSearchShowsHowManyLeadsMatchAndSaysSoWhenNoneDoes() {
        signInAndOpen(TestTenants.member(a, Role.TENANT_USER), "crm");
        TextField search = _get(TextField.class, s -> s.withId("crm-search"));
        Span count = _get(Span.class, s -> s.withId("crm-result-count"));
        assertThat(count.getText()).isEqualTo(names(grid("crm-grid")).size() + " leads");
        assertThat(_find(Span.class, s -> s.withId("crm-empty"))).as("no empty state while leads match").isEmpty();

        search.setValue("dup");
        assertThat(count.getText()).isEqualTo("2 leads");
        search.setValue("alice dupont");
        assertThat(count.getText()).isEqualTo("1 lead");
        assertThat(names(grid("crm-grid"))).containsExactly("Alice Dupont");

        search.setValue("Zoé"); // a lead of the other tenant
        assertThat(count.getText()).isEqualTo("Aucun lead");
        assertThat(_get(Span.class, s -> s.withId("crm-empty")).getText()).startsWith("Aucun lead ne correspond");
        assertThat(_find(Grid.class, s -> s.withId("crm-grid"))).as("no empty grid under the empty state").isEmpty();

        assertThat(search.getMaxLength()).isEqualTo(fr.macrea.max.ranking.LeadFilter.TEXT_MAX_LENGTH);
        search.setValue("dupont ".repeat(100));
        assertThat(search.isInvalid()).isTrue();
        assertThat(search.getErrorMessage()).isEqualTo("La recherche ne peut pas dépasser 200 caractères.");
        search.setValue("alice");
        assertThat(search.isInvalid()).isFalse();
        assertThat(count.getText()).isEqualTo("1 lead");
        assertThat(_find(Span.class, s -> s.withId("crm-empty"))).isEmpty();
        assertThat(names(grid("crm-grid"))).containsExactly("Alice Dupont");
    }

    @Test
    void anEnglishUserReadsTheCountAndTheEmptyStateInEnglish() {
        signIn(TestTenants.member(a, Role.TENANT_USER));
        inEnglish();
        com.vaadin.flow.component.UI.getCurrent().navigate("crm");
        _get(TextField.class, s -> s.withId("crm-search")).setValue("nobody-matches-this");
        assertThat(_get(Span.class, s -> s.withId("crm-result-count")).getText()).isEqualTo("No lead");
        assertThat(_get(Span.class, s -> s.withId("crm-empty")).getText()).startsWith("No lead matches");
    }

    @Test
    void gridLoadsKeysetPagesAndFiltersApply() {
        signInAndOpen(TestTenants.member(a, Role.TENANT_USER), "crm");
        Grid<LeadRow> grid = grid("crm-grid");
        assertThat(names(grid)).hasSize(123).startsWith("Alice Dupont", "Bruno Martin", "Chloé Dupuis");

        _get(TextField.class, s -> s.withId("crm-search")).setValue("Dup");
        assertThat(names(grid)).containsExactly("Alice Dupont", "Chloé Dupuis");

        _get(TextField.class, s -> s.withId("crm-search")).setValue("");
        @SuppressWarnings("unchecked")
        Select<LeadSegment> segment = _get(Select.class, s -> s.withId("crm-segment"));
        segment.setValue(LeadSegment.CHAUD);
        assertThat(names(grid)).containsExactly("Alice Dupont");
        segment.setValue(LeadSegment.A_RELANCER);
        assertThat(names(grid)).containsExactly("Bruno Martin");
        segment.setValue(LeadSegment.FROID);
        assertThat(names(grid)).containsExactly("Chloé Dupuis");
        segment.setValue(null);

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> tags = _get(MultiSelectComboBox.class, s -> s.withId("crm-tags"));
        tags.setValue(Set.of("vip"));
        assertThat(names(grid)).containsExactly("Alice Dupont");
    }

    @Test
    void rankingShowsReasons() {
        signInAndOpen(TestTenants.member(a, Role.TENANT_USER), "crm");
        Grid<LeadRow> ranking = grid("crm-ranking");
        LeadRow best = GridKt._get(ranking, 0);
        assertThat(best.name()).isEqualTo("Alice Dupont");
        // the card test may have touched Alice (tags saved, analysis noted): recency and engagement only grow
        assertThat(GridKt._getFormatted(ranking, 0, "reasons")).contains("Statut en cours", "Source Site internet")
                .contains("Activité").containsPattern("\\d+ échanges? sur 30 jours");
        assertThat(names(ranking)).containsExactly("Alice Dupont", "Bruno Martin");
    }

    @Test
    void leadCardShowsIdentityTimelineAndEditsTags() {
        signInAndOpen(TestTenants.member(a, Role.TENANT_USER), "crm");
        Grid<LeadRow> grid = grid("crm-grid");
        grid.select(GridKt._get(grid, 0));
        assertThat(_get(H3.class, s -> s.withId("lead-card-name")).getText()).isEqualTo("Alice Dupont");
        assertThat(_get(Span.class, s -> s.withId("lead-card-email")).getText()).isEqualTo("alice@exemple.fr");
        assertThat(_get(Span.class, s -> s.withId("lead-card-status")).getText()).isEqualTo("En cours");
        assertThat(_find(Span.class, s -> s.withText("Intéressée par l'offre"))).isNotEmpty();

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> tags = _get(MultiSelectComboBox.class, s -> s.withId("lead-card-tags"));
        tags.setValue(Set.of("vip", "salon"));
        _click(_get(Button.class, s -> s.withId("lead-card-tags-save")));
        assertThat(crm.tags(EntityRef.lead(alice))).containsExactlyInAnyOrder("vip", "salon");

        // a typed tag longer than the CRM keeps is refused on the field, and nothing is added or saved
        com.vaadin.flow.component.ComponentUtil.fireEvent(tags,
                new com.vaadin.flow.component.combobox.ComboBoxBase.CustomValueSetEvent<>(tags, true, "t".repeat(150)));
        assertThat(tags.isInvalid()).isTrue();
        assertThat(tags.getErrorMessage()).isEqualTo("Un tag ne peut pas dépasser 100 caractères.");
        assertThat(tags.getValue()).containsExactlyInAnyOrder("vip", "salon");
    }

    @Test
    void analyserFromTheLeadCardChargesOnceOnADoubleClickPostsTheNoteAndShowsTheBalance() {
        signInAndOpen(TestTenants.member(a, Role.TENANT_USER), "crm");
        int before = wallet.balance().total();
        Grid<LeadRow> grid = grid("crm-grid");
        grid.select(GridKt._get(grid, 0));
        Div card = _get(Div.class, s -> s.withId("lead-card-analyse"));
        Button analyse = _get(card, Button.class, s -> s.withId("action-confirm"));
        assertThat(analyse.getText()).isEqualTo("Analyser avec M.A.X. (2 jetons)");
        assertThat(_get(card, Span.class, s -> s.withId("action-card-balance-after")).getText())
                .startsWith("Solde après : " + (before - 2) + " jetons");

        _click(analyse);
        _click(analyse); // a double click is one intent: the second is replayed, not charged

        assertThat(wallet.balance().total()).as("charged once").isEqualTo(before - 2);
        assertThat(_get(Paragraph.class, s -> s.withId("lead-card-analysis")).getText())
                .startsWith("Alice Dupont : lead").endsWith("(2 jetons débités)");
        List<TimelineEntry> notes = crm.timeline(EntityRef.lead(alice), 50).stream()
                .filter(t -> "Note".equals(t.kind()) && t.detail() != null && t.detail().startsWith("M.A.X. — Analyse"))
                .toList();
        assertThat(notes).as("one note posted in the CRM").hasSize(1);
        assertThat(_get(Span.class, s -> s.withId("wallet-balance")).getText())
                .startsWith((before - 2) + " jetons");
        assertThat(_get(card, Span.class, s -> s.withId("action-card-balance-after")).getText())
                .startsWith("Solde après : " + (before - 4) + " jetons");
    }

    @Test
    void tenantBSeesOnlyItsLeads() {
        signInAndOpen(TestTenants.member(b, Role.TENANT_USER), "crm");
        assertThat(names(grid("crm-grid"))).containsExactly("Zoé Dupont");
        _get(TextField.class, s -> s.withId("crm-search")).setValue("Dup");
        assertThat(names(grid("crm-grid"))).containsExactly("Zoé Dupont");
        assertThat(_get(Span.class, s -> s.withPredicate(sp -> sp.getText().startsWith("CRM intégré")))).isNotNull();
    }
}
