package org.painlab.stats.chart;

import java.util.ArrayList;
import java.util.List;

import org.painlab.core.chart.Painter.Align;
import org.painlab.stats.chart.OutcomeSummary.MeanCi;
import org.painlab.core.chart.Painter;
import org.painlab.core.chart.Chart;

/**
 * "Outcome over time": per arm a line through the means at each time point with confidence-
 * interval bars, and above each time point the report's between-group marker (*, **).
 *
 * @since 0.1
 */
public final class TrajectoryChart implements Chart {
    private final String variable;
    private final String title;
    private final List<String> arms;
    private final List<String> timePoints;
    private final List<String> labels = new ArrayList<>();
    private final List<String> markers = new ArrayList<>();
    private final MeanCi[][] points;
    private final String population;
    private final int confPercent;
    private final boolean simulated;

    /**
     * @param summary the numbers of one population
     * @param variable a continuous timed variable
     */
    public TrajectoryChart(OutcomeSummary summary, String variable) {
        this.variable = variable;
        this.title = summary.label(variable) + " over time";
        this.arms = summary.arms();
        this.timePoints = summary.timePoints(variable);
        this.points = new MeanCi[arms.size()][timePoints.size()];
        for (int t = 0; t < timePoints.size(); t++) {
            labels.add(summary.timePointLabel(timePoints.get(t)));
            markers.add(summary.marker(variable, timePoints.get(t)));
            for (int a = 0; a < arms.size(); a++) {
                points[a][t] = summary.meanCi(variable, timePoints.get(t), a);
            }
        }
        this.population = summary.population();
        this.confPercent = (int) Math.round(summary.confLevel() * 100);
        this.simulated = summary.simulated();
    }

    /** @return the variable shown */
    public String variable() {
        return variable;
    }

    /** @return the marker above each time point ("", "*", "**") */
    public List<String> markers() {
        return List.copyOf(markers);
    }

    /** @param arm arm index @param timePoint time-point index @return the point drawn */
    public MeanCi point(int arm, int timePoint) {
        return points[arm][timePoint];
    }

    @Override
    public void paint(Painter p, int w, int h) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (MeanCi[] arm : points) {
            for (MeanCi m : arm) {
                for (double v : new double[] { m.mean(), m.low(), m.high() }) {
                    if (!Double.isNaN(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        // head room for the markers above the highest interval
        hi += (hi - lo) * 0.08;
        List<String> legend = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            legend.add("Group " + arms.get(a) + " (n=" + points[a][0].n() + ")");
        }
        CategoryFrame f = new CategoryFrame(p, w, h, title + " (" + population + ")",
                simulated ? "SIMULATED DATA" : null, "mean ± " + confPercent + "% CI", lo, hi, labels, legend,
                "Mean ± " + confPercent + "% CI (t). Between groups: *P < 0.05, **P < 0.01 (test chosen by the plan).");
        // arms side by side within a time point so that their bars do not hide each other
        double dodge = Math.min(8, f.band() / (arms.size() * 4));
        for (int a = 0; a < arms.size(); a++) {
            int color = CategoryFrame.color(a);
            double shift = (a - (arms.size() - 1) / 2.0) * dodge;
            List<double[]> line = new ArrayList<>();
            for (int t = 0; t < timePoints.size(); t++) {
                MeanCi m = points[a][t];
                if (Double.isNaN(m.mean())) {
                    continue;
                }
                double x = f.x(t) + shift;
                if (!Double.isNaN(m.low())) {
                    p.line(x, f.y(m.low()), x, f.y(m.high()), color, 1.5, false);
                    p.line(x - 4, f.y(m.low()), x + 4, f.y(m.low()), color, 1.5, false);
                    p.line(x - 4, f.y(m.high()), x + 4, f.y(m.high()), color, 1.5, false);
                }
                line.add(new double[] { x, f.y(m.mean()) });
            }
            double[] xs = line.stream().mapToDouble(d -> d[0]).toArray();
            double[] ys = line.stream().mapToDouble(d -> d[1]).toArray();
            if (xs.length > 1) {
                p.polyline(xs, ys, color, 2);
            }
            for (int i = 0; i < xs.length; i++) {
                p.circle(xs[i], ys[i], 3.5, color, true);
            }
        }
        for (int t = 0; t < timePoints.size(); t++) {
            if (markers.get(t).isEmpty()) {
                continue;
            }
            double top = Double.NEGATIVE_INFINITY;
            for (MeanCi[] arm : points) {
                top = Math.max(top, Double.isNaN(arm[t].high()) ? arm[t].mean() : arm[t].high());
            }
            p.text(markers.get(t), f.x(t), f.y(top) - p.lineHeight() - 2, Align.CENTER, CategoryFrame.INK, true);
        }
    }
}
