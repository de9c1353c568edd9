package org.painlab.mechanism.ui.internal.chart;

import java.util.List;

import org.painlab.core.chart.Chart;
import org.painlab.core.chart.ChartStyle;
import org.painlab.core.chart.Painter;
import org.painlab.core.chart.XyFrame;

/**
 * Curves and points over a numeric x axis on the shared {@link XyFrame}: time courses (solid, or dashed for a
 * baseline), observed means with error bars, residuals, scan curves; vertical marks for interventions. Legend
 * entry i has palette colour i, and each series names the colour it is drawn in.
 */
public final class LineChart implements Chart {
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final List<String> legend;
    private final List<Series> series;
    private final List<Mark> marks;
    private final String footnote;
    private final boolean zeroLine;

    /** How a series is drawn. */
    public enum Style {
        LINE, DASHED, POINTS
    }

    /**
     * One series.
     *
     * @param x x values
     * @param y y values (NaN breaks a line)
     * @param colour palette index
     * @param style line, dashed line or points
     * @param error half-length of an error bar per point, or null
     * @param dodge pixels the points are shifted sideways, so arms observed at the same times stay apart
     */
    public record Series(double[] x, double[] y, int colour, Style style, double[] error, double dodge) {
        /** A series drawn where its values are. */
        public Series(double[] x, double[] y, int colour, Style style, double[] error) {
            this(x, y, colour, style, error, 0);
        }
    }

    /** A vertical dashed line at x with a short label (an intervention's time). */
    public record Mark(double x, String label) {
    }

    /**
     * @param zeroLine draw a line at y = 0 (residuals)
     */
    public LineChart(String title, String xTitle, String yTitle, List<String> legend, List<Series> series, List<Mark> marks,
            String footnote, boolean zeroLine) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.legend = List.copyOf(legend);
        this.series = List.copyOf(series);
        this.marks = List.copyOf(marks);
        this.footnote = footnote;
        this.zeroLine = zeroLine;
    }

    public List<Series> series() {
        return series;
    }

    public List<String> legend() {
        return legend;
    }

    public List<Mark> marks() {
        return marks;
    }

    public String title() {
        return title;
    }

    /** {lo, hi} over the series' x values and marks. */
    public double[] xRange() {
        Range r = new Range();
        series.forEach(s -> r.add(s.x(), null));
        marks.forEach(m -> r.add(m.x()));
        return r.get();
    }

    /** {lo, hi} over the series' y values with their error bars. */
    public double[] yRange() {
        Range r = new Range();
        series.forEach(s -> r.add(s.y(), s.error()));
        if (zeroLine) {
            r.add(0);
        }
        return r.get();
    }

    @Override
    public void paint(Painter p, int w, int h) {
        XyFrame f = new XyFrame(p, w, h, title, xTitle, yTitle, xRange(), yRange(), legend, footnote);
        if (zeroLine) {
            double[] x = xRange();
            p.line(f.x(x[0]), f.y(0), f.x(x[1]), f.y(0), 0x888888, 1, true);
        }
        double lh = p.lineHeight();
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            double yTop = f.y(yRange()[1]);
            p.line(f.x(m.x()), yTop, f.x(m.x()), f.y(yRange()[0]), 0x7f7f7f, 1, true);
            // staggered so marks close together keep readable labels
            p.text(m.label(), f.x(m.x()) + 3, yTop + 2 + (i % 3) * lh, Painter.Align.LEFT, 0x555555, false);
        }
        for (Series s : series) {
            int rgb = ChartStyle.color(s.colour());
            int n = Math.min(s.x().length, s.y().length);
            if (s.style() == Style.POINTS) {
                for (int k = 0; k < n; k++) {
                    if (Double.isNaN(s.y()[k])) {
                        continue;
                    }
                    double cx = f.x(s.x()[k]) + s.dodge();
                    if (s.error() != null && k < s.error().length && Double.isFinite(s.error()[k])) {
                        double e = s.error()[k];
                        p.line(cx, f.y(s.y()[k] - e), cx, f.y(s.y()[k] + e), rgb, 1.5, false);
                        p.line(cx - 4, f.y(s.y()[k] - e), cx + 4, f.y(s.y()[k] - e), rgb, 1.5, false);
                        p.line(cx - 4, f.y(s.y()[k] + e), cx + 4, f.y(s.y()[k] + e), rgb, 1.5, false);
                    }
                    p.circle(cx, f.y(s.y()[k]), 4, rgb, true);
                }
                continue;
            }
            int k = 0;
            while (k < n) {
                while (k < n && Double.isNaN(s.y()[k])) {
                    k++;
                }
                int start = k;
                while (k < n && !Double.isNaN(s.y()[k])) {
                    k++;
                }
                if (k - start >= 2) {
                    double[] xs = new double[k - start];
                    double[] ys = new double[k - start];
                    for (int j = start; j < k; j++) {
                        xs[j - start] = f.x(s.x()[j]);
                        ys[j - start] = f.y(s.y()[j]);
                    }
                    if (s.style() == Style.DASHED) {
                        dashed(p, xs, ys, rgb);
                    } else {
                        p.polyline(xs, ys, rgb, 2);
                    }
                }
            }
        }
    }

    /** Dashes measured along the whole path, so a curve of many short segments still reads as dashed. */
    private static void dashed(Painter p, double[] xs, double[] ys, int rgb) {
        final double on = 8;
        final double period = 13;
        double walked = 0;
        for (int j = 1; j < xs.length; j++) {
            double dx = xs[j] - xs[j - 1];
            double dy = ys[j] - ys[j - 1];
            double len = Math.hypot(dx, dy);
            double at = 0;
            while (at < len) {
                double phase = (walked + at) % period;
                double step = phase < on ? Math.min(on - phase, len - at) : Math.min(period - phase, len - at);
                if (phase < on && step > 0) {
                    double a = at / len;
                    double b = (at + step) / len;
                    p.line(xs[j - 1] + dx * a, ys[j - 1] + dy * a, xs[j - 1] + dx * b, ys[j - 1] + dy * b, rgb, 2, false);
                }
                at += Math.max(step, 1e-9);
            }
            walked += len;
        }
    }

    /** Smallest and largest finite value seen; a flat or empty range is widened so the axes have ticks. */
    static final class Range {
        private double lo = Double.POSITIVE_INFINITY;
        private double hi = Double.NEGATIVE_INFINITY;

        void add(double v) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }

        void add(double[] values, double[] error) {
            for (int i = 0; i < values.length; i++) {
                double e = error != null && i < error.length && Double.isFinite(error[i]) ? error[i] : 0;
                add(values[i] - e);
                add(values[i] + e);
            }
        }

        double[] get() {
            if (lo > hi) {
                return new double[] { 0, 1 };
            }
            if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
                double d = Math.max(Math.abs(hi) * 0.1, 1e-9);
                return new double[] { lo - d, hi + d };
            }
            return new double[] { lo, hi };
        }
    }
}
