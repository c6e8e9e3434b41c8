package fr.macrea.max.ui.reporting;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import fr.macrea.max.kpi.KpiValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, in Karibu: grouped brain KPIs ("Relance paniers abandonnés 0% · Black Friday 0% · Soldes d'été 0%")
 * rendered as one giant headline. A grouped KPI is a small bar list, largest first, the rest summed up in one line;
 * a single-figure KPI keeps its headline number.
 */
class KpiTilesTest {

    @BeforeEach
    void ui() {
        MockVaadin.setup();
        UI.getCurrent().setLocale(java.util.Locale.FRENCH); // figures follow the UI's language (French here)
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static Div show(KpiValue k) {
        Div tile = KpiTiles.tile(k, n -> "… et " + n + " autres", null, group -> group);
        UI.getCurrent().add(tile);
        return tile;
    }

    private static List<String> texts(Div root, String className) {
        return _find(root, Span.class, s -> s.withClasses(className)).stream().map(Span::getText).toList();
    }

    @Test
    void aGroupedKpiIsASmallBarListLargestFirst() {
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("Relance paniers abandonnés", 0.0);
        rates.put("Black Friday", 42.9);
        rates.put("Soldes d'été", 21.45);
        rates.put("Rentrée", 10.0);
        rates.put("Noël", 5.0);
        rates.put("Saint-Valentin", 2.0);
        rates.put("Fête des mères", 1.0);
        Div tile = show(new KpiValue("ecommerce:taux-ouverture", "E-commerce", "Taux d'ouverture par campagne",
                null, "%", rates, null));

        assertThat(tile.getClassNames()).contains("kpi-tile", "kpi-tile-grouped");
        assertThat(_find(tile, Span.class, s -> s.withClasses("kpi-value"))).as("no headline number").isEmpty();
        assertThat(texts(tile, "kpi-label")).containsExactly("Taux d'ouverture par campagne · E-commerce");
        assertThat(texts(tile, "kpi-group-name")).containsExactly("Black Friday", "Soldes d'été", "Rentrée", "Noël",
                "Saint-Valentin");
        assertThat(texts(tile, "kpi-group-value")).containsExactly("42,9 %", "21,5 %", "10 %", "5 %", "2 %");
        assertThat(texts(tile, "kpi-group-more")).containsExactly("… et 2 autres");
        assertThat(_find(tile, Div.class, s -> s.withClasses("kpi-group-bar")).stream()
                .map(d -> d.getStyle().get("width")).toList()).containsExactly("100%", "50%", "23%", "12%", "5%");
    }

    @Test
    void allZeroGroupsShowEmptyBarsAndASingleFigureStaysAHeadline() {
        Div zeros = show(new KpiValue("ecommerce:conv", "E-commerce", "Conversions par campagne", null, "",
                Map.of("Black Friday", 0.0, "Soldes d'été", 0.0), null));
        assertThat(_find(zeros, Div.class, s -> s.withClasses("kpi-group-bar")).stream()
                .map(d -> d.getStyle().get("width")).toList()).containsOnly("0%");
        assertThat(texts(zeros, "kpi-group-more")).isEmpty();

        Div single = show(new KpiValue("standard:leads-a-relancer", "Standard", "Leads à relancer", 21.0, "",
                Map.of(), null));
        assertThat(single.getClassNames()).doesNotContain("kpi-tile-grouped");
        assertThat(_get(single, Span.class, s -> s.withClasses("kpi-value")).getText()).isEqualTo("21");
        assertThat(_find(single, Div.class, s -> s.withClasses("kpi-groups"))).isEmpty();
    }
}
