package org.painlab.stats.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.painlab.core.chart.Painter;
import org.painlab.core.chart.Chart;
import org.painlab.core.chart.XyFrame;

/**
 * Kaplan–Meier survival curves: per group a step function with a tick at every censoring time,
 * optionally its pointwise confidence band, and the log-rank P in the footnote.
 *
 * @since 0.1
 */
public final class KaplanMeierChart implements Chart {
    private final String title;
    private final String timeTitle;
    private final List<KmCurve> curves;
    private final boolean band;
    private final double pValue;
    private final int confPercent;

    /**
     * @param title chart title
     * @param timeTitle x-axis title, e.g. "Months since surgery"
     * @param curves one per group
     * @param band true to shade the confidence band of each curve
     * @param pValue log-rank P for the footnote, or NaN
     * @param confLevel level of the band, e.g. 0.95
     */
    public KaplanMeierChart(String title, String timeTitle, List<KmCurve> curves, boolean band, double pValue,
            double confLevel) {
        this.title = title;
        this.timeTitle = timeTitle;
        this.curves = List.copyOf(curves);
        this.band = band;
        this.pValue = pValue;
        this.confPercent = (int) Math.round(confLevel * 100);
    }

    /** @return the curves drawn */
    public List<KmCurve> curves() {
        return curves;
    }

    @Override
    public void paint(Painter p, int w, int h) {
        double end = 0;
        List<String> legend = new ArrayList<>();
        for (KmCurve c : curves) {
            end = Math.max(end, c.steps(c.surv())[0][c.time().length * 2 + 1]);
            legend.add(c.label() + " (n=" + c.n() + ")");
        }
        String foot = "Steps: Kaplan–Meier estimate; ticks: censored" + (band ? "; bands: " + confPercent
                + "% CI (log)" : "") + (Double.isNaN(pValue) ? "." : ". Log-rank " + formatP(pValue) + ".");
        XyFrame f = new XyFrame(p, w, h, title, timeTitle, "Survival probability", new double[] { 0, end },
                new double[] { 0, 1 }, legend, foot);
        // all bands first, then all curves: a later band must not hide an earlier group's steps
        for (int g = 0; band && g < curves.size(); g++) {
            KmCurve c = curves.get(g);
            double[][] up = c.steps(c.upper());
            double[][] lo = c.steps(c.lower());
            int n = up[0].length;
            double[] xs = new double[2 * n];
            double[] ys = new double[2 * n];
            for (int i = 0; i < n; i++) {
                xs[i] = f.x(up[0][i]);
                ys[i] = f.y(up[1][i]);
                xs[2 * n - 1 - i] = f.x(lo[0][i]);
                ys[2 * n - 1 - i] = f.y(lo[1][i]);
            }
            // a pale tint that is half see-through: renderers without opacity (ImageMagick) still show a light band
            p.fillPolygon(xs, ys, CategoryFrame.tint(CategoryFrame.color(g), 0.75), 0.5);
        }
        for (int g = 0; g < curves.size(); g++) {
            KmCurve c = curves.get(g);
            int color = CategoryFrame.color(g);
            double[][] s = c.steps(c.surv());
            double[] xs = new double[s[0].length];
            double[] ys = new double[s[0].length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = f.x(s[0][i]);
                ys[i] = f.y(s[1][i]);
            }
            p.polyline(xs, ys, color, 2);
            for (double t : c.censored()) {
                double y = f.y(c.survivalAt(t));
                p.line(f.x(t), y - 5, f.x(t), y + 5, color, 1.5, false);
            }
        }
    }

    static String formatP(double p) {
        return p < 0.001 ? "P < 0.001" : String.format(Locale.ROOT, "P = %.3f", p);
    }
}
