package fr.macrea.max.ui.crm;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.ranking.LeadRow;
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
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EspoCRM's stored values ("Web Site", "Existing Customer", "Meeting", "Post", "CampaignLogRecord") read with EspoCRM's
 * own labels in the CRM grid, its source filter and the lead card's history, in French and in English.
 */
class CrmValueLabelsKaribuIT extends KaribuIT {

    @Autowired
    TenantService tenantService;
    @Autowired
    TenantDsl tenantDsl;

    static Tenant tenant;

    @BeforeEach
    void data() {
        if (tenant != null) {
            return; // read only: once per class
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        tenant = TestTenants.create(tenantService, "Libellés Espo", Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        CrmFixtures f = new CrmFixtures(tenantDsl.crm());
        String alice = f.lead("Alice", "Dupont", "In Process", "Web Site", now.minus(Duration.ofDays(1)),
                now.minus(Duration.ofDays(1)), "alice@exemple.fr", null, false);
        f.lead("Bruno", "Martin", "Dead", "Existing Customer", now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(2)), null, null, false);
        f.lead("Chloé", "Dupuis", "New", "Salon Lyon", now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(3)),
                null, null, false);
        f.note("Intéressée par l'offre", alice, now.minus(Duration.ofHours(5)));
        f.call("Appel découverte", alice, now.minus(Duration.ofHours(4)));
        f.campaignLog(f.campaign("Soldes d'été", now.minus(Duration.ofDays(9))), "Opened", now.minus(Duration.ofHours(3)),
                false, alice);
        TestTenants.signOut();
    }

    @SuppressWarnings("unchecked")
    private Grid<LeadRow> grid() {
        return _get(Grid.class, s -> s.withId("crm-grid"));
    }

    /** The formatted cells of one row of the CRM grid. */
    private String row(String name) {
        Grid<LeadRow> grid = grid();
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).name().equals(name)) {
                return String.join(" | ", GridKt._getFormattedRow(grid, i));
            }
        }
        throw new AssertionError(name + " not in the grid");
    }

    private void openCardOf(String name) {
        Grid<LeadRow> grid = grid();
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).name().equals(name)) {
                grid.select(GridKt._get(grid, i));
                return;
            }
        }
        throw new AssertionError(name + " not in the grid");
    }

    private List<String> history() {
        return _find(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
                        s -> s.withId("lead-card-timeline")), Div.class, s -> s.withClasses("lead-card-timeline-item"))
                .stream().map(d -> d.getElement().getTextRecursively()).toList();
    }

    @SuppressWarnings("unchecked")
    private MultiSelectComboBox<String> sourceFilter() {
        return _get(MultiSelectComboBox.class, s -> s.withId("crm-source"));
    }

    @Test
    void in_french_sources_statuses_and_history_read_with_espocrm_s_french_labels() {
        signInAndOpen(TestTenants.member(tenant, Role.TENANT_USER), "crm");
        assertThat(row("Alice Dupont")).contains("Site internet", "En cours").doesNotContain("Web Site");
        assertThat(row("Bruno Martin")).contains("Client existant", "Mort").doesNotContain("Existing Customer");
        assertThat(row("Chloé Dupuis")).as("a source EspoCRM does not ship stays as stored").contains("Salon Lyon");
        assertThat(sourceFilter().getItemLabelGenerator().apply("Web Site")).isEqualTo("Site internet");

        openCardOf("Alice Dupont");
        assertThat(_get(Span.class, s -> s.withId("lead-card-status")).getText()).isEqualTo("En cours");
        assertThat(history()).anyMatch(h -> h.contains("Note : Poster"))
                .anyMatch(h -> h.contains("Appel : Appel découverte"))
                .anyMatch(h -> h.contains("Journal de campagne : Ouvert · Soldes d'été"))
                .noneMatch(h -> h.contains("Note : Post") && !h.contains("Poster"))
                .noneMatch(h -> h.contains("CampaignLogRecord") || h.contains("Call :"));
    }

    @Test
    void in_english_the_same_values_read_with_espocrm_s_english_labels() {
        inEnglish();
        signInAndOpen(TestTenants.member(tenant, Role.TENANT_USER), "crm");
        assertThat(row("Alice Dupont")).contains("Web Site", "In Process").doesNotContain("Site internet");
        assertThat(row("Bruno Martin")).contains("Existing Customer", "Dead");
        assertThat(sourceFilter().getItemLabelGenerator().apply("Public Relations")).isEqualTo("Public Relations");

        openCardOf("Alice Dupont");
        assertThat(history()).anyMatch(h -> h.contains("Note : Post"))
                .anyMatch(h -> h.contains("Call : Appel découverte"))
                .anyMatch(h -> h.contains("Campaign Log Record : Opened · Soldes d'été"));
    }
}
