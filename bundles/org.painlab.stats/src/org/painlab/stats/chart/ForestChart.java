package org.painlab.stats.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.painlab.core.chart.Painter.Align;
import org.painlab.core.chart.Painter;
import org.painlab.core.chart.Chart;

/**
 * Forest plot of one kind of effect size: per comparison its label, a square at the estimate
 * and a whisker over the confidence interval, the estimate and interval as text on the right,
 * and a dashed line at "no effect" (0 for differences; 1 for ratios, which use a log axis).
 *
 * @since 0.1
 */
public final class ForestChart implements Chart {
    /** Height of one line in px, for {@link #preferredHeight()}. */
    private static final int ROW = 22;
    private final String title;
    private final String kind;
    private final List<ForestRow> rows;
    private final boolean ratio;
    private final boolean simulated;
    private final int confPercent;

    /**
     * @param title chart title
     * @param kind the effect kind, e.g. "mean difference", or a group of {@link EffectKinds#of}, e.g. "mean difference: vas"
     * @param rows one per comparison
     * @param simulated true to say so in red
     * @param confLevel level of the intervals, e.g. 0.95
     */
    public ForestChart(String title, String kind, List<ForestRow> rows, boolean simulated, double confLevel) {
        this.title = title;
        this.kind = kind;
        this.rows = List.copyOf(rows);
        this.ratio = EffectKinds.isRatio(EffectKinds.kindOfGroup(kind));
        this.simulated = simulated;
        this.confPercent = (int) Math.round(confLevel * 100);
    }

    /** @return the rows drawn */
    public List<ForestRow> rows() {
        return rows;
    }

    /** @return the effect kind or group shown */
    public String kind() {
        return kind;
    }

    /** @return the value of "no effect": 1 for ratios, else 0 */
    public double nullValue() {
        return ratio ? 1 : 0;
    }

    /** @return a height in px at which every row gets a comfortable line */
    public int preferredHeight() {
        return 110 + ROW * rows.size();
    }

    @Override
    public void paint(Painter p, int w, int h) {
        p.fillRect(0, 0, w, h, 0xffffff);
        double lh = p.lineHeight();
        double[] range = range();
        List<Double> ticks = ticks(range[0], range[1]);
        // the axis runs from the first tick to the last, so every tick is on it
        double lo = Math.min(scale(range[0]), scale(ticks.get(0)));
        double hi = Math.max(scale(range[1]), scale(ticks.get(ticks.size() - 1)));
        List<String> values = new ArrayList<>();
        double labelWidth = 0;
        double valueWidth = p.textWidth("Estimate (" + confPercent + "% CI)", true);
        for (ForestRow r : rows) {
            labelWidth = Math.max(labelWidth, p.textWidth(r.label(), false));
            String v = num(r.estimate()) + (r.hasInterval() ? " (" + num(r.lower()) + " to " + num(r.upper()) + ")" : "");
            values.add(v);
            valueWidth = Math.max(valueWidth, p.textWidth(v, false));
        }
        // long labels must not squeeze the plot below a third of the width
        labelWidth = Math.min(labelWidth, w * 0.4);
        double left = 10 + labelWidth + 12;
        double right = w - 10 - valueWidth - 12;
        double top = 10 + lh + 8 + lh + 6;
        double bottom = h - 8 - lh - 8 - lh - 6 - lh - 6;
        p.text(title, 10, 8, Align.LEFT, CategoryFrame.INK, true);
        if (simulated) {
            p.text("SIMULATED DATA", w - 10, 8, Align.RIGHT, 0xc00000, true);
        }
        p.text("Comparison", 10, top - lh - 4, Align.LEFT, CategoryFrame.INK, true);
        p.text("Estimate (" + confPercent + "% CI)", w - 10, top - lh - 4, Align.RIGHT, CategoryFrame.INK, true);
        double span = hi - lo;
        java.util.function.DoubleUnaryOperator x = v -> left + (scale(v) - lo) / span * (right - left);
        for (double t : ticks) {
            double xx = x.applyAsDouble(t);
            p.line(xx, top, xx, bottom, CategoryFrame.GRID, 1, false);
            p.line(xx, bottom, xx, bottom + 4, CategoryFrame.INK, 1, false);
            p.text(CategoryFrame.format(t), xx, bottom + 6, Align.CENTER, CategoryFrame.INK, false);
        }
        p.line(left, bottom, right, bottom, CategoryFrame.INK, 1, false);
        double zero = x.applyAsDouble(nullValue());
        p.line(zero, top, zero, bottom, CategoryFrame.INK, 1, true);
        p.text(capitalised(kind) + (ratio ? " (log scale)" : ""), (left + right) / 2, bottom + 6 + lh + 2, Align.CENTER,
                CategoryFrame.INK, false);
        double step = rows.isEmpty() ? 0 : (bottom - top) / rows.size();
        for (int i = 0; i < rows.size(); i++) {
            ForestRow r = rows.get(i);
            double y = top + step * (i + 0.5);
            p.text(fit(p, r.label(), labelWidth), 10, y - lh / 2, Align.LEFT, CategoryFrame.INK, false);
            p.text(values.get(i), w - 10, y - lh / 2, Align.RIGHT, CategoryFrame.INK, false);
            int color = CategoryFrame.color(0);
            if (r.hasInterval()) {
                double a = x.applyAsDouble(clamp(r.lower(), range));
                double b = x.applyAsDouble(clamp(r.upper(), range));
                p.line(a, y, b, y, color, 1.5, false);
                p.line(a, y - 4, a, y + 4, color, 1.5, false);
                p.line(b, y - 4, b, y + 4, color, 1.5, false);
            }
            double half = Math.max(2.5, Math.min(5, step / 4));
            double cx = x.applyAsDouble(r.estimate());
            p.fillRect(cx - half, y - half, 2 * half, 2 * half, color);
        }
        if (rows.isEmpty()) {
            p.text("No comparison has an effect of this kind.", left, top, Align.LEFT, 0x555555, false);
        }
        p.text("Squares: estimates; whiskers: " + confPercent + "% CI; dashed line: no effect (" + CategoryFrame.format(nullValue())
                + "). Not adjusted for multiplicity.", 10, h - 8 - lh, Align.LEFT, 0x555555, false);
    }

    /** The values to show: the null value, every estimate and every finite limit. */
    private double[] range() {
        double lo = nullValue();
        double hi = nullValue();
        for (ForestRow r : rows) {
            for (double v : new double[] { r.estimate(), r.lower(), r.upper() }) {
                if (Double.isFinite(v) && (!ratio || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        return new double[] { lo, hi };
    }

    private double scale(double v) {
        return ratio ? Math.log(v) : v;
    }

    private List<Double> ticks(double lo, double hi) {
        if (!ratio) {
            return CategoryFrame.ticks(lo, hi);
        }
        // 1-2-5 steps per decade, from the one just below lo to the one just above hi
        List<Double> out = new ArrayList<>();
        for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
            for (int m : new int[] { 1, 2, 5 }) {
                out.add(m * Math.pow(10, e));
            }
        }
        int first = 0;
        while (first + 1 < out.size() && out.get(first + 1) <= lo) {
            first++;
        }
        int last = out.size() - 1;
        while (last - 1 > first && out.get(last - 1) >= hi) {
            last--;
        }
        return out.subList(first, last + 1);
    }

    private static double clamp(double v, double[] range) {
        return Math.max(range[0], Math.min(range[1], v));
    }

    private static String num(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Cuts a label to the width with an ellipsis rather than letting it run into the plot. */
    private static String fit(Painter p, String s, double width) {
        if (p.textWidth(s, false) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && p.textWidth(t + "…", false) > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
