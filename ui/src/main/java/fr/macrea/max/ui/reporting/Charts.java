package fr.macrea.max.ui.reporting;

import fr.macrea.max.ui.base.Dates;
import fr.macrea.max.ui.base.Numbers;
import com.vaadin.flow.component.Svg;
import fr.macrea.max.reporting.Dashboard;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Color;
import java.awt.Rectangle;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Server-side charts: JFreeChart drawn into JFreeSVG, shown with Vaadin's {@link Svg} (no frontend build).
 * <p>
 * An SVG is kept in every session that shows it (the element's property, and the UIDL response Vaadin keeps for a
 * resend), so it is written small: rotated labels as {@code <text>} with a transform instead of glyph outlines
 * (JFreeChart's old rotated-text workaround drew each letter as a path: 110 of the 137 KB of a 30-day chart), and
 * coordinates with two decimals instead of seventeen digits (a 560 x 260 view box needs no more).
 */
final class Charts {

    static final int WIDTH = 560;
    static final int HEIGHT = 260;
    private static final Color BRAND = new Color(0x1A, 0x73, 0xE8);

    static {
        // a JVM-wide switch of JFreeChart; Charts is the only user of JFreeChart in M.A.X.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /**
     * The markup of the charts drawn lately, by everything it is drawn from (figures, labels, language): the sessions
     * showing the same dashboard share one string instead of a copy each (200 sessions of three tenants: six strings,
     * not four hundred). Bounded; a chart of new figures is simply drawn again.
     */
    private static final int DRAWN_MAX = 64;
    private static final Map<List<Object>, String> DRAWN = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Object>, String> eldest) {
                    return size() > DRAWN_MAX;
                }
            });

    private Charts() {
    }

    /** The chart's markup for {@code key}, drawn by {@code draw} unless a session drew the same one lately. */
    private static Svg shared(List<Object> key, Supplier<JFreeChart> draw) {
        String markup = DRAWN.get(key);
        if (markup == null) {
            // drawn outside the lock; two sessions drawing the same chart at once keep the first string
            String drawn = markup(style(draw.get()));
            markup = java.util.Objects.requireNonNullElse(DRAWN.putIfAbsent(key, drawn), drawn);
        }
        Svg svg = new Svg(markup);
        svg.addClassName("reporting-chart");
        return svg;
    }

    static Svg newLeads(Map<LocalDate, Integer> perDay, String title, String axis) {
        Locale locale = Numbers.locale();
        List<Object> key = java.util.Arrays.asList("new-leads", perDay.entrySet().stream()
                .map(e -> new java.util.AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue())).toList(),
                title, axis, locale);
        return shared(key, () -> newLeadsChart(perDay, title, axis, locale));
    }

    private static JFreeChart newLeadsChart(Map<LocalDate, Integer> perDay, String title, String axis, Locale locale) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        perDay.forEach((day, n) -> data.addValue(n, axis, Dates.dayMonth(day, locale)));
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.VERTICAL, false, false, false);
        CategoryAxis x = ((CategoryPlot) chart.getPlot()).getDomainAxis();
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        if (perDay.size() > 31) {
            x.setTickLabelsVisible(false);
        }
        return chart;
    }

    static Svg campaignFunnel(Dashboard.Campaigns c, String title, String sent, String opened, String clicked) {
        return shared(java.util.Arrays.asList("campaigns", c, title, sent, opened, clicked),
                () -> campaignChart(c, title, sent, opened, clicked));
    }

    private static JFreeChart campaignChart(Dashboard.Campaigns c, String title, String sent, String opened,
                                            String clicked) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(c.sent(), title, sent);
        data.addValue(c.opened(), title, opened);
        data.addValue(c.clicked(), title, clicked);
        return ChartFactory.createBarChart(title, null, null, data, PlotOrientation.HORIZONTAL, false, false, false);
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        // whole numbers only, and a 0..1 axis when everything is 0 (JFreeChart would zoom on +-5E-9)
        org.jfree.chart.axis.NumberAxis range = (org.jfree.chart.axis.NumberAxis) plot.getRangeAxis();
        range.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        double max = 0;
        for (int r = 0; r < plot.getDataset().getRowCount(); r++) {
            for (int c = 0; c < plot.getDataset().getColumnCount(); c++) {
                Number v = plot.getDataset().getValue(r, c);
                max = Math.max(max, v == null ? 0 : v.doubleValue());
            }
        }
        if (max == 0) {
            range.setRange(0, 1);
        }
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BRAND);
        return chart;
    }

    static String markup(JFreeChart chart) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setGeomDoubleConverter(Charts::twoDecimals);
        g2.setTransformDoubleConverter(Charts::twoDecimals);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        // a viewBox, so that CSS can shrink the chart to a phone's width instead of cutting it
        return g2.getSVGElement(null, true, new org.jfree.svg.ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    /** {@code 81.46129032258064} -> {@code "81.46"}, {@code 213.0} -> {@code "213"}, {@code 6.1E-17} -> {@code "0"}. */
    static String twoDecimals(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return Long.toString((long) rounded);
        }
        return java.math.BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString();
    }
}
