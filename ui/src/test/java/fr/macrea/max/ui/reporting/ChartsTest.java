package fr.macrea.max.ui.reporting;

import com.vaadin.flow.component.Svg;
import fr.macrea.max.reporting.Dashboard;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 (UI memory): every session showing the Reporting tab keeps its charts' SVG twice (the element's property
 * and Vaadin's last UIDL response), so the SVG stays small: labels as text, not glyph outlines; short coordinates.
 */
class ChartsTest {

    private static String markup(Svg svg) {
        return svg.getElement().getProperty("innerHTML");
    }

    @Test
    void aMonthOfNewLeadsIsASmallSvgWithItsLabelsAsText() {
        Map<LocalDate, Integer> perDay = new LinkedHashMap<>();
        LocalDate first = LocalDate.of(2026, 11, 1);
        for (int d = 0; d < 31; d++) {
            perDay.put(first.plusDays(d), d % 7);
        }
        String svg = markup(Charts.newLeads(perDay, "Nouveaux leads par jour", "Leads"));

        assertThat(svg).startsWith("<svg").contains("Nouveaux leads par jour");
        // 31 day labels, the axis label, the ticks and the title are <text> elements (rotated ones with a transform)
        assertThat(count(svg, "<text")).isGreaterThanOrEqualTo(31 + 1 + 1);
        assertThat(svg).contains(">Leads</text>");
        Matcher paths = Pattern.compile("<path d='[^']{1000,}'").matcher(svg);
        assertThat(paths.find()).as("no glyph outlines").isFalse();
        assertThat(svg).doesNotContainPattern("\\d\\.\\d{3,}");
        assertThat(svg.length()).as("was 137 KB with glyph outlines and 17-digit coordinates").isLessThan(50_000);
    }

    @Test
    void theCampaignFunnelIsSmallToo() {
        String svg = markup(Charts.campaignFunnel(new Dashboard.Campaigns(3, 120, 48, 12),
                "Suivi des campagnes", "Envoyés", "Ouverts", "Cliqués"));
        assertThat(svg).contains(">Suivi des campagnes</text>").contains(">Cliqués</text>");
        assertThat(svg.length()).isLessThan(15_000);
    }

    @Test
    void sessionsShowingTheSameFiguresShareOneMarkupString() {
        Map<LocalDate, Integer> perDay = new LinkedHashMap<>();
        perDay.put(LocalDate.of(2026, 11, 1), 3);
        perDay.put(LocalDate.of(2026, 11, 2), 5);
        Map<LocalDate, Integer> same = new LinkedHashMap<>(perDay);
        String first = markup(Charts.newLeads(perDay, "Nouveaux leads par jour", "Leads"));
        assertThat(markup(Charts.newLeads(same, "Nouveaux leads par jour", "Leads"))).isSameAs(first);

        Map<LocalDate, Integer> changed = new LinkedHashMap<>(perDay);
        changed.put(LocalDate.of(2026, 11, 2), 6);
        assertThat(markup(Charts.newLeads(changed, "Nouveaux leads par jour", "Leads"))).isNotEqualTo(first);
        assertThat(markup(Charts.newLeads(same, "New leads per day", "Leads"))).contains("New leads per day");

        var campaigns = new Dashboard.Campaigns(1, 10, 4, 1);
        String funnel = markup(Charts.campaignFunnel(campaigns, "Suivi", "Envoyés", "Ouverts", "Cliqués"));
        assertThat(markup(Charts.campaignFunnel(new Dashboard.Campaigns(1, 10, 4, 1), "Suivi", "Envoyés", "Ouverts",
                "Cliqués"))).isSameAs(funnel);
        assertThat(markup(Charts.campaignFunnel(new Dashboard.Campaigns(1, 10, 5, 1), "Suivi", "Envoyés", "Ouverts",
                "Cliqués"))).isNotEqualTo(funnel);
    }

    @Test
    void coordinatesKeepTwoDecimals() {
        assertThat(Charts.twoDecimals(81.46129032258064)).isEqualTo("81.46");
        assertThat(Charts.twoDecimals(213.0)).isEqualTo("213");
        assertThat(Charts.twoDecimals(-254.93096923828125)).isEqualTo("-254.93");
        assertThat(Charts.twoDecimals(6.123233995736766E-17)).isEqualTo("0");
        assertThat(Charts.twoDecimals(0.105)).isIn("0.1", "0.11");
        assertThat(Charts.twoDecimals(-1.0)).isEqualTo("-1");
        assertThat(Charts.twoDecimals(12.5)).isEqualTo("12.5");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
