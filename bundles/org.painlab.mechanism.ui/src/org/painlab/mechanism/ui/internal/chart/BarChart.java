package org.painlab.mechanism.ui.internal.chart;

import java.util.List;

import org.painlab.core.chart.Chart;
import org.painlab.core.chart.ChartStyle;
import org.painlab.core.chart.Painter;

/**
 * Horizontal bars, one row per parameter, the most important on top: a tornado plot (local sensitivities,
 * Morris mu* and sigma) or Sobol indices (S1 and ST side by side with their 95% intervals as whiskers).
 * Rows that do not fit are left out and counted in the footnote.
 */
public final class BarChart implements Chart {
    private static final double MIN_ROW = 14;
    private final String title;
    private final String valueTitle;
    private final List<String> categories;
    private final List<Bars> series;
    private final String footnote;
    private final double[] fixedRange;

    /**
     * One series of bars: a value per category with an optional interval (NaN for none).
     *
     * @param name legend entry
     * @param values per category
     * @param lows interval lower ends, or null
     * @param highs interval upper ends, or null
     */
    public record Bars(String name, double[] values, double[] lows, double[] highs) {
    }

    public BarChart(String title, String valueTitle, List<String> categories, List<Bars> series, String footnote) {
        this(title, valueTitle, categories, series, footnote, null);
    }

    /**
     * @param axis {lo, hi} the value axis covers at least, with intervals clipped to the values' range (Sobol
     *        indices: a wide interval of a small sample must not squeeze the bars), or null to fit everything
     */
    public BarChart(String title, String valueTitle, List<String> categories, List<Bars> series, String footnote, double[] axis) {
        this.title = title;
        this.valueTitle = valueTitle;
        this.categories = List.copyOf(categories);
        this.series = List.copyOf(series);
        this.footnote = footnote;
        this.fixedRange = axis == null ? null : axis.clone();
    }

    public List<String> categories() {
        return categories;
    }

    public List<Bars> series() {
        return series;
    }

    /** How many rows a chart of height h shows. */
    public int rowsShown(Painter p, int h) {
        double avail = h - layoutTop(p) - layoutBottomSpace(p);
        return (int) Math.max(1, Math.min(categories.size(), Math.floor(avail / Math.max(MIN_ROW, p.lineHeight() + 2))));
    }

    private double layoutTop(Painter p) {
        return 10 + p.lineHeight() + 8 + (series.isEmpty() ? 0 : p.lineHeight() + 8);
    }

    private double layoutBottomSpace(Painter p) {
        double lh = p.lineHeight();
        return 6 + lh + 4 + lh + 8 + lh + 8;
    }

    @Override
    public void paint(Painter p, int w, int h) {
        p.fillRect(0, 0, w, h, 0xffffff);
        double lh = p.lineHeight();
        int rows = rowsShown(p, h);
        double lo = fixedRange == null ? 0 : fixedRange[0];
        double hi = fixedRange == null ? 0 : fixedRange[1];
        for (Bars b : series) {
            for (int i = 0; i < rows; i++) {
                for (double v : fixedRange != null ? new double[] { b.values()[i] } : new double[] { b.values()[i],
                        b.lows() == null ? Double.NaN : b.lows()[i], b.highs() == null ? Double.NaN : b.highs()[i] }) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (hi - lo <= 0) {
            hi = lo + 1;
        }
        List<Double> ticks = ChartStyle.ticks(lo, hi);
        double vMin = ticks.get(0);
        double vMax = ticks.get(ticks.size() - 1);
        double labelWidth = 0;
        for (int i = 0; i < rows; i++) {
            labelWidth = Math.max(labelWidth, p.textWidth(categories.get(i), false));
        }
        double left = 10 + labelWidth + 10;
        double right = w - 16;
        double top = layoutTop(p);
        double bottom = h - layoutBottomSpace(p);
        p.text(title, 10, 8, Painter.Align.LEFT, ChartStyle.INK, true);
        double lx = left;
        for (int s = 0; s < series.size(); s++) {
            p.fillRect(lx, 10 + lh + 8 + lh / 4, 14, lh / 2, ChartStyle.color(s));
            p.text(series.get(s).name(), lx + 18, 10 + lh + 8, Painter.Align.LEFT, ChartStyle.INK, false);
            lx += 18 + p.textWidth(series.get(s).name(), false) + 24;
        }
        java.util.function.DoubleUnaryOperator x = v -> left + (Math.max(vMin, Math.min(vMax, v)) - vMin) / (vMax - vMin)
                * (right - left);
        for (double t : ticks) {
            double xx = x.applyAsDouble(t);
            p.line(xx, top, xx, bottom, ChartStyle.GRID, 1, false);
            p.line(xx, bottom, xx, bottom + 4, ChartStyle.INK, 1, false);
            p.text(ChartStyle.format(t), xx, bottom + 6, Painter.Align.CENTER, ChartStyle.INK, false);
        }
        p.line(left, bottom, right, bottom, ChartStyle.INK, 1, false);
        double zero = x.applyAsDouble(Math.max(vMin, Math.min(vMax, 0)));
        p.line(zero, top, zero, bottom, ChartStyle.INK, 1, false);
        p.text(valueTitle, (left + right) / 2, bottom + 6 + lh + 4, Painter.Align.CENTER, ChartStyle.INK, false);
        double rowH = (bottom - top) / Math.max(1, rows);
        double barH = Math.min(22, rowH * 0.75 / Math.max(1, series.size()));
        for (int i = 0; i < rows; i++) {
            double rowTop = top + i * rowH;
            p.text(categories.get(i), left - 8, rowTop + rowH / 2 - lh / 2, Painter.Align.RIGHT, ChartStyle.INK, false);
            double y0 = rowTop + (rowH - barH * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                Bars b = series.get(s);
                double v = b.values()[i];
                double y = y0 + s * barH;
                if (Double.isFinite(v)) {
                    double xv = x.applyAsDouble(v);
                    p.fillRect(Math.min(zero, xv), y + 1, Math.max(1, Math.abs(xv - zero)), barH - 2, ChartStyle.color(s));
                }
                double l = b.lows() == null ? Double.NaN : b.lows()[i];
                double u = b.highs() == null ? Double.NaN : b.highs()[i];
                if (Double.isFinite(l) && Double.isFinite(u)) {
                    double yc = y + barH / 2;
                    double xl = x.applyAsDouble(l);
                    double xu = x.applyAsDouble(u);
                    p.line(xl, yc, xu, yc, ChartStyle.INK, 1.2, false);
                    // a cap marks an interval's end; an interval cut at the axis has none there
                    if (l >= vMin) {
                        p.line(xl, yc - barH / 3, xl, yc + barH / 3, ChartStyle.INK, 1.2, false);
                    }
                    if (u <= vMax) {
                        p.line(xu, yc - barH / 3, xu, yc + barH / 3, ChartStyle.INK, 1.2, false);
                    }
                }
            }
        }
        String note = footnote + (rows < categories.size() ? " (" + (categories.size() - rows) + " smaller rows not shown)" : "");
        p.text(note, 10, h - 8 - lh, Painter.Align.LEFT, 0x555555, false);
    }
}
