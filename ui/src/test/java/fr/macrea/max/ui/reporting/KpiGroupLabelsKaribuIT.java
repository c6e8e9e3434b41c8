package fr.macrea.max.ui.reporting;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import fr.macrea.max.kpi.KpiService;
import fr.macrea.max.kpi.KpiValue;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.plugins.api.KpiDefinition;
import fr.macrea.max.plugins.api.Label;
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
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A brain KPI grouped by an EspoCRM enum ("Leads par source") names its groups with EspoCRM's labels in the
 * screen's language, like the CRM grid does: "Site internet", not the stored "Web Site".
 */
class KpiGroupLabelsKaribuIT extends KaribuIT {

    static final KpiDefinition BY_SOURCE = KpiDefinition.count("leads-par-source",
            Label.of("Leads par source", "Leads by source"), "Lead", KpiDefinition.Period.ALL_TIME).groupedBy("source");

    @Autowired
    TenantService tenantService;
    @Autowired
    TenantDsl tenantDsl;
    @Autowired
    KpiService kpis;

    private List<String> groupNames(Locale locale) {
        KpiValue value = kpis.evaluate("standard:leads-par-source", "Standard", BY_SOURCE, locale);
        Div tile = KpiTiles.tile(value, n -> "+" + n, null, UI.getCurrent());
        UI.getCurrent().add(tile);
        return _find(tile, Span.class, s -> s.withClasses("kpi-group-name")).stream().map(Span::getText).toList();
    }

    @Test
    void groupsOfAnEnumFieldReadWithEspoCrmsLabelsInEitherLanguage() {
        Tenant tenant = TestTenants.create(tenantService, "Sources KPI", Plan.PRO);
        signIn(TestTenants.member(tenant, Role.TENANT_USER));
        Instant day = Instant.now().minus(Duration.ofDays(1));
        CrmFixtures f = new CrmFixtures(tenantDsl.crm());
        f.lead("Alice", "Dupont", "New", "Web Site", day, day, null, null, false);
        f.lead("Bruno", "Martin", "New", "Web Site", day, day, null, null, false);
        f.lead("Chloé", "Petit", "New", "Web Site", day, day, null, null, false);
        f.lead("Émile", "Blanc", "New", "Existing Customer", day, day, null, null, false);
        f.lead("Fanny", "Noir", "New", "Existing Customer", day, day, null, null, false);
        f.lead("Denis", "Roux", "New", "Salon Lyon", day, day, null, null, false);

        assertThat(groupNames(Locale.FRENCH)).as("largest first; a source EspoCRM does not ship stays as typed")
                .containsExactly("Site internet", "Client existant", "Salon Lyon");

        inEnglish();
        assertThat(groupNames(Locale.ENGLISH)).containsExactly("Web Site", "Existing Customer", "Salon Lyon");
    }
}
