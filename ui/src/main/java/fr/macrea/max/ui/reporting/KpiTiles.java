package fr.macrea.max.ui.reporting;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import fr.macrea.max.kpi.KpiValue;
import fr.macrea.max.ui.base.Numbers;
import fr.macrea.max.ui.crm.CrmValueText;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The Reporting tab's brain KPI tiles. A single figure is a headline number; a grouped KPI ("par campagne", "par
 * source") is a small bar list: one row per group with its name, a bar proportional to the largest value and the
 * value. Groups written as one giant headline ("Relance paniers abandonnés 0% · Black Friday 0% · ...") were
 * unreadable.
 */
final class KpiTiles {

    /** Groups shown; the rest are summed up in one "and N more" line. */
    static final int SHOWN = 5;

    private KpiTiles() {
    }

    /**
     * The tile of a KPI; {@code more} says "and N more", {@code unavailable} is the tooltip of a missing KPI,
     * a group's stored value is shown as the user reads it ({@code view}'s language, EspoCRM's label of an enum value:
     * "Client existant", not "Existing Customer"; a campaign's or account's name as it is).
     */
    static Div tile(KpiValue k, Function<Integer, String> more, String unavailable, Component view) {
        return tile(k, more, unavailable, group -> CrmValueText.value(view, k.groupEntity(), k.groupField(), group));
    }

    static Div tile(KpiValue k, Function<Integer, String> more, String unavailable, UnaryOperator<String> groupName) {
        Span label = new Span(k.label() + " · " + k.brainName());
        label.addClassName("kpi-label");
        Div tile;
        if (k.available() && !k.groups().isEmpty()) {
            tile = new Div(label, groups(k, more, groupName));
            tile.addClassName("kpi-tile-grouped");
        } else {
            Span number = new Span(k.available() ? figure(k.value(), k.unit()) : "—");
            number.addClassName("kpi-value");
            tile = new Div(number, label);
        }
        tile.addClassName("kpi-tile");
        tile.getElement().setAttribute("data-kpi", k.key());
        if (!k.available() && unavailable != null) {
            tile.getElement().setAttribute("title", unavailable);
        }
        return tile;
    }

    /** A figure with its unit in the UI's language: "42,5 %" / "42.5%" (the JDK's percent pattern), "12 j". */
    static String figure(Double v, String unit) {
        double value = v == null ? 0 : v;
        Locale locale = Numbers.locale();
        if (unit.equals("%")) {
            return Numbers.percentFigure(value, locale);
        }
        return Numbers.decimal(value, locale) + (unit.isEmpty() ? "" : " " + unit);
    }

    static Div groups(KpiValue k, Function<Integer, String> more, UnaryOperator<String> groupName) {
        Div list = new Div();
        list.addClassName("kpi-groups");
        List<Map.Entry<String, Double>> sorted = k.groups().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .toList();
        double max = sorted.stream().map(Map.Entry::getValue).filter(v -> v != null && v > 0)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        for (Map.Entry<String, Double> e : sorted.stream().limit(SHOWN).toList()) {
            Span name = new Span(groupName.apply(e.getKey()));
            name.addClassName("kpi-group-name");
            Div bar = new Div();
            bar.addClassName("kpi-group-bar");
            double share = max <= 0 || e.getValue() == null ? 0 : Math.max(0, e.getValue()) / max;
            bar.getStyle().set("width", String.format(Locale.ROOT, "%.0f%%", share * 100));
            Div track = new Div(bar);
            track.addClassName("kpi-group-track");
            Span value = new Span(figure(e.getValue(), k.unit()));
            value.addClassName("kpi-group-value");
            Div row = new Div(name, track, value);
            row.addClassName("kpi-group-row");
            list.add(row);
        }
        if (sorted.size() > SHOWN) {
            Span rest = new Span(more.apply(sorted.size() - SHOWN));
            rest.addClassName("kpi-group-more");
            list.add(rest);
        }
        return list;
    }
}
