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
import java.util.Map;

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

    private Charts() {
    }

    static Svg newLeads(Map<LocalDate, Integer> perDay, String title, String axis) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        perDay.forEach((day, n) -> data.addValue(n, axis, Dates.dayMonth(day, Numbers.locale())));
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.VERTICAL, false, false, false);
        CategoryAxis x = ((CategoryPlot) chart.getPlot()).getDomainAxis();
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        if (perDay.size() > 31) {
            x.setTickLabelsVisible(false);
        }
        return svg(style(chart));
    }

    static Svg campaignFunnel(Dashboard.Campaigns c, String title, String sent, String opened, String clicked) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(c.sent(), title, sent);
        data.addValue(c.opened(), title, opened);
        data.addValue(c.clicked(), title, clicked);
        JFreeChart chart = ChartFactory.createBarChart(title, null, null, data, PlotOrientation.HORIZONTAL, false, false, false);
        return svg(style(chart));
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

    static Svg svg(JFreeChart chart) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setGeomDoubleConverter(Charts::twoDecimals);
        g2.setTransformDoubleConverter(Charts::twoDecimals);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        // a viewBox, so that CSS can shrink the chart to a phone's width instead of cutting it
        Svg svg = new Svg(g2.getSVGElement(null, true, new org.jfree.svg.ViewBox(0, 0, WIDTH, HEIGHT), null, null));
        svg.addClassName("reporting-chart");
        return svg;
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
