package fr.macrea.max.ui.reporting;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import fr.macrea.max.kpi.KpiValue;
import fr.macrea.max.ui.base.Numbers;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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

    /** The tile of a KPI; {@code more} says "and N more", {@code unavailable} is the tooltip of a missing KPI. */
    static Div tile(KpiValue k, Function<Integer, String> more, String unavailable) {
        Span label = new Span(k.label() + " · " + k.brainName());
        label.addClassName("kpi-label");
        Div tile;
        if (k.available() && !k.groups().isEmpty()) {
            tile = new Div(label, groups(k, KpiTiles::number, more));
            tile.addClassName("kpi-tile-grouped");
        } else {
            Span number = new Span(k.available()
                    ? number(k.value()) + (k.unit().isEmpty() ? "" : " " + k.unit()) : "—");
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

    static String number(Double v) {
        if (v == null) {
            return "0";
        }
        // in the UI's language: "42,5" / "42.5"
        return Numbers.decimal(v, Numbers.locale());
    }

    static Div groups(KpiValue k, Function<Double, String> number, Function<Integer, String> more) {
        Div list = new Div();
        list.addClassName("kpi-groups");
        List<Map.Entry<String, Double>> sorted = k.groups().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .toList();
        double max = sorted.stream().map(Map.Entry::getValue).filter(v -> v != null && v > 0)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        String unit = k.unit().isEmpty() ? "" : (k.unit().equals("%") ? " %" : " " + k.unit());
        for (Map.Entry<String, Double> e : sorted.stream().limit(SHOWN).toList()) {
            Span name = new Span(e.getKey());
            name.addClassName("kpi-group-name");
            Div bar = new Div();
            bar.addClassName("kpi-group-bar");
            double share = max <= 0 || e.getValue() == null ? 0 : Math.max(0, e.getValue()) / max;
            bar.getStyle().set("width", String.format(Locale.ROOT, "%.0f%%", share * 100));
            Div track = new Div(bar);
            track.addClassName("kpi-group-track");
            Span value = new Span(number.apply(e.getValue()) + unit);
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
