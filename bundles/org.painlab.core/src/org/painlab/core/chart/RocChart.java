package org.painlab.core.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ROC curves of one or two markers: sensitivity against 1 − specificity, the chance diagonal,
 * and each marker's AUC with its 95% CI in the legend (and the paired DeLong P, if any, in the
 * footnote).
 *
 * @since 0.1
 */
public final class RocChart implements Chart {
    private final String title;
    private final List<RocCurve> curves;
    private final String footnote;

    /**
     * @param title chart title
     * @param curves one per marker
     * @param footnote line under the chart, e.g. the DeLong test of AUC1 = AUC2
     */
    public RocChart(String title, List<RocCurve> curves, String footnote) {
        this.title = title;
        this.curves = List.copyOf(curves);
        this.footnote = footnote;
    }

    /** @return the curves drawn */
    public List<RocCurve> curves() {
        return curves;
    }

    /**
     * @param c a curve
     * @return its legend entry, e.g. "marker1: AUC 0.832 (95% CI 0.712–0.951)"
     */
    public static String legend(RocCurve c) {
        return String.format(Locale.ROOT, "%s: AUC %.3f (95%% CI %.3f–%.3f)", c.label(), c.auc(), c.ciLow(), c.ciHigh());
    }

    @Override
    public void paint(Painter p, int w, int h) {
        List<String> legend = new ArrayList<>();
        curves.forEach(c -> legend.add(legend(c)));
        XyFrame f = new XyFrame(p, w, h, title, "1 − specificity (false-positive rate)", "Sensitivity",
                new double[] { 0, 1 }, new double[] { 0, 1 }, legend, footnote);
        p.line(f.x(0), f.y(0), f.x(1), f.y(1), 0x888888, 1, true);
        for (int i = 0; i < curves.size(); i++) {
            RocCurve c = curves.get(i);
            double[] xs = new double[c.fpr().length];
            double[] ys = new double[xs.length];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = f.x(c.fpr()[k]);
                ys[k] = f.y(c.tpr()[k]);
            }
            p.polyline(xs, ys, ChartStyle.color(i), 2);
        }
    }
}
