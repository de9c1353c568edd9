package org.painlab.stats.chart;

import java.util.ArrayList;
import java.util.List;

import org.painlab.stats.chart.OutcomeSummary.Box;
import org.painlab.core.chart.Painter;
import org.painlab.core.chart.Chart;

/**
 * Box plot of a continuous variable at one time point, one box per arm (Tukey whiskers, outliers as rings).
 *
 * @since 0.1
 */
public final class BoxPlotChart implements Chart {
    private final String title;
    private final String yTitle;
    private final List<String> arms;
    private final Box[] boxes;
    private final String marker;
    private final String population;
    private final boolean simulated;

    /**
     * @param summary the numbers of one population
     * @param variable continuous variable
     * @param timePoint one of its time points
     */
    public BoxPlotChart(OutcomeSummary summary, String variable, String timePoint) {
        this.title = summary.label(variable) + ", " + summary.timePointLabel(timePoint);
        this.yTitle = summary.label(variable);
        this.arms = summary.arms();
        this.boxes = new Box[arms.size()];
        for (int a = 0; a < arms.size(); a++) {
            boxes[a] = summary.box(variable, timePoint, a);
        }
        this.marker = summary.marker(variable, timePoint);
        this.population = summary.population();
        this.simulated = summary.simulated();
    }

    /** @param arm arm index @return its box */
    public Box box(int arm) {
        return boxes[arm];
    }

    @Override
    public void paint(Painter p, int w, int h) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Box b : boxes) {
            if (b.n() == 0) {
                continue;
            }
            lo = Math.min(lo, b.whiskerLow());
            hi = Math.max(hi, b.whiskerHigh());
            for (double o : b.outliers()) {
                lo = Math.min(lo, o);
                hi = Math.max(hi, o);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        hi += (hi - lo) * 0.08;
        List<String> names = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            names.add("Group " + arms.get(a) + " (n=" + boxes[a].n() + ")");
        }
        CategoryFrame f = new CategoryFrame(p, w, h, title + " (" + population + ")" + (marker.isEmpty() ? "" : "  " + marker),
                simulated ? "SIMULATED DATA" : null, yTitle, lo, hi, names, List.of(),
                "Box: Q1–Q3 with median; whiskers to 1.5 IQR; rings: outliers." + (marker.isEmpty() ? ""
                        : " " + marker + " between groups."));
        double half = Math.min(40, f.band() / 4);
        for (int a = 0; a < arms.size(); a++) {
            Box b = boxes[a];
            if (b.n() == 0) {
                continue;
            }
            int color = CategoryFrame.color(a);
            double x = f.x(a);
            double yq1 = f.y(b.q1());
            double yq3 = f.y(b.q3());
            p.line(x, f.y(b.whiskerLow()), x, yq1, CategoryFrame.INK, 1, true);
            p.line(x, yq3, x, f.y(b.whiskerHigh()), CategoryFrame.INK, 1, true);
            p.line(x - half / 2, f.y(b.whiskerLow()), x + half / 2, f.y(b.whiskerLow()), CategoryFrame.INK, 1, false);
            p.line(x - half / 2, f.y(b.whiskerHigh()), x + half / 2, f.y(b.whiskerHigh()), CategoryFrame.INK, 1, false);
            p.fillRect(x - half, yq3, 2 * half, Math.max(1, yq1 - yq3), lighter(color));
            p.strokeRect(x - half, yq3, 2 * half, Math.max(1, yq1 - yq3), color, 1.5);
            p.line(x - half, f.y(b.median()), x + half, f.y(b.median()), color, 2.5, false);
            for (double o : b.outliers()) {
                p.circle(x, f.y(o), 3, color, false);
            }
        }
    }

    /** The arm's colour blended three quarters toward white, for the box fill. */
    private static int lighter(int rgb) {
        int r = (rgb >> 16 & 0xff) + 3 * 255;
        int g = (rgb >> 8 & 0xff) + 3 * 255;
        int b = (rgb & 0xff) + 3 * 255;
        return (r / 4) << 16 | (g / 4) << 8 | b / 4;
    }
}
