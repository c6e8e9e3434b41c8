package fr.macrea.max.ui.crm;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.ranking.LeadRow;
import fr.macrea.max.reporting.CrmFixtures;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the lead's history filled with "M.A.X. — Analyse de lead" notes that looked like the lead's activity.
 * In the lead card they are labelled as M.A.X.'s notes and can be hidden; the team's notes stay.
 */
class LeadCardMaxNotesIT extends KaribuIT {

    @Autowired
    TenantService tenants;
    @Autowired
    TenantDsl tenantDsl;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void maxNotesAreLabelledAndCanBeHidden() {
        Tenant tenant = TestTenants.create(tenants, "Notes " + System.nanoTime(), Plan.PRO);
        TestTenants.signInAs(tenant, Role.TENANT_USER);
        CrmFixtures f = new CrmFixtures(tenantDsl.crm());
        String lead = f.lead("Laura", "Michel", "In Process", "Web Site", now.minus(Duration.ofDays(40)),
                now.minus(Duration.ofDays(2)), "laura@exemple.fr", null, false);
        f.note("Rappeler jeudi", lead, now.minus(Duration.ofDays(2)));
        f.note("M.A.X. — Analyse de lead (mode Conseil, 2 jetons) : analyse du lead Laura Michel", lead,
                now.minus(Duration.ofMinutes(5)));
        f.note("M.A.X. — Analyse de lead (mode Conseil, 2 jetons) : analyse du lead Laura Michel", lead,
                now.minus(Duration.ofMinutes(1)));
        TestTenants.signOut();

        signInAndOpen(TestTenants.member(tenant, Role.TENANT_USER), "crm");
        @SuppressWarnings("unchecked")
        Grid<LeadRow> grid = _get(Grid.class, s -> s.withId("crm-grid"));
        grid.select(GridKt._get(grid, 0));

        VerticalLayout timeline = _get(VerticalLayout.class, s -> s.withId("lead-card-timeline"));
        var maxItems = _find(timeline, Div.class, s -> s.withClasses("lead-card-timeline-max"));
        assertThat(maxItems).hasSize(2);
        assertThat(_find(maxItems.getFirst(), Span.class, s -> s.withText("Note de M.A.X. : "))).hasSize(1);
        assertThat(_find(timeline, Span.class, s -> s.withText("Rappeler jeudi"))).hasSize(1);

        Checkbox hide = _get(Checkbox.class, s -> s.withId("lead-card-timeline-hide-max"));
        assertThat(hide.getLabel()).isEqualTo("Masquer les notes de M.A.X. (2)");
        hide.setValue(true);
        assertThat(maxItems).noneMatch(Div::isVisible);
        assertThat(_find(timeline, Span.class, s -> s.withText("Rappeler jeudi"))).hasSize(1);
        hide.setValue(false);
        assertThat(maxItems).allMatch(Div::isVisible);
    }
}
