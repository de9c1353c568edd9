package org.painlab.stats.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.apache.commons.statistics.distribution.TDistribution;
import org.painlab.core.data.SubjectData;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.stats.plan.Comparison;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.core.data.DataVariable;
import org.painlab.core.data.VariableKind;
import org.painlab.stats.plan.VariableSpec;
import org.painlab.stats.table.PaperReport;

/**
 * What the outcome charts draw, computed from the analysis data of one population: per arm and
 * time point the mean with its t-based confidence interval and the five-number summary of a box
 * plot, plus the between-group markers (*, **) of the report. No SWT: the same numbers feed the
 * on-screen chart, the PNG and the SVG.
 *
 * @since 0.1
 */
public final class OutcomeSummary {

    /**
     * @param n values used
     * @param mean mean
     * @param low lower confidence limit
     * @param high upper confidence limit
     */
    public record MeanCi(int n, double mean, double low, double high) {
    }

    /**
     * Tukey box: whiskers reach the furthest values within 1.5 IQR of the box.
     *
     * @param n values used
     * @param q1 first quartile
     * @param median median
     * @param q3 third quartile
     * @param whiskerLow lowest value within the fence
     * @param whiskerHigh highest value within the fence
     * @param outliers values beyond the fences
     */
    public record Box(int n, double q1, double median, double q3, double whiskerLow, double whiskerHigh,
            double[] outliers) {
    }

    private final SubjectData data;
    private final AnalysisPlan plan;
    private final PaperReport report;
    private final BitSet population;

    /**
     * @param data the data
     * @param plan the plan the report was made with (population, confidence level, labels)
     * @param report the report whose between-group P values give the markers, or null
     */
    public OutcomeSummary(SubjectData data, AnalysisPlan plan, PaperReport report) {
        this.data = data;
        this.plan = plan;
        this.report = report;
        this.population = data.population(plan.population());
    }

    /**
     * @param data the data
     * @return the continuous variables measured at two or more time points (what a trajectory shows)
     */
    public static List<String> timedContinuous(SubjectData data) {
        List<String> out = new ArrayList<>();
        for (DataVariable v : data.variables()) {
            if (v.kind() == VariableKind.CONTINUOUS && v.timed() && v.timePoints().size() > 1) {
                out.add(v.name());
            }
        }
        return out;
    }

    /** @return arm names in plan order */
    public List<String> arms() {
        return plan.armsIn(data);
    }

    /** @return the plan's confidence level */
    public double confLevel() {
        return plan.confLevel();
    }

    /** @return the population shown */
    public String population() {
        return plan.population();
    }

    /** @return whether the data are simulated */
    public boolean simulated() {
        return data.simulated();
    }

    /** @param variable variable name @return its time points */
    public List<String> timePoints(String variable) {
        return data.variable(variable).timePoints();
    }

    /** @param timePoint visit id @return the printed label */
    public String timePointLabel(String timePoint) {
        return plan.timePointLabel(timePoint);
    }

    /** @param variable variable name @return the printed label of the plan, else the name */
    public String label(String variable) {
        for (VariableSpec s : plan.variables()) {
            if (s.name().equals(variable)) {
                return s.label();
            }
        }
        return variable;
    }

    /**
     * @param variable continuous variable
     * @param timePoint its time point
     * @param arm arm index in {@link #arms()}
     * @return the values of that arm in the population, missing ones left out, sorted
     */
    public double[] values(String variable, String timePoint, int arm) {
        double[] all = data.numeric(variable, timePoint);
        int armInData = data.arms().indexOf(arms().get(arm));
        double[] out = new double[all.length];
        int n = 0;
        for (int i = population.nextSetBit(0); i >= 0; i = population.nextSetBit(i + 1)) {
            if (data.armOf(i) == armInData && !Double.isNaN(all[i])) {
                out[n++] = all[i];
            }
        }
        double[] v = Arrays.copyOf(out, n);
        Arrays.sort(v);
        return v;
    }

    /**
     * @param variable continuous variable
     * @param timePoint time point
     * @param arm arm index
     * @return mean and t interval at the plan's confidence level (NaN limits below two values)
     */
    public MeanCi meanCi(String variable, String timePoint, int arm) {
        double[] v = values(variable, timePoint, arm);
        int n = v.length;
        if (n == 0) {
            return new MeanCi(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        double mean = sum / n;
        if (n < 2) {
            return new MeanCi(n, mean, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.5 + plan.confLevel() / 2);
        return new MeanCi(n, mean, mean - t * se, mean + t * se);
    }

    /**
     * @param variable continuous variable
     * @param timePoint time point
     * @param arm arm index
     * @return the box, quartiles by the plan's quantile type (6 = SPSS, 7 = R) like the tables
     */
    public Box box(String variable, String timePoint, int arm) {
        double[] v = values(variable, timePoint, arm);
        if (v.length == 0) {
            return new Box(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, new double[0]);
        }
        double q1 = quantile(v, 0.25);
        double med = quantile(v, 0.5);
        double q3 = quantile(v, 0.75);
        double fenceLow = q1 - 1.5 * (q3 - q1);
        double fenceHigh = q3 + 1.5 * (q3 - q1);
        double lo = Double.NaN;
        double hi = Double.NaN;
        List<Double> outliers = new ArrayList<>();
        for (double x : v) {
            if (x < fenceLow || x > fenceHigh) {
                outliers.add(x);
            } else {
                lo = Double.isNaN(lo) ? x : Math.min(lo, x);
                hi = Double.isNaN(hi) ? x : Math.max(hi, x);
            }
        }
        return new Box(v.length, q1, med, q3, lo, hi, outliers.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * @param variable variable name
     * @param timePoint time point
     * @return "**", "*" or "" as the report marks the between-group comparison there
     */
    public String marker(String variable, String timePoint) {
        if (report == null) {
            return "";
        }
        for (ComparisonResult r : report.results()) {
            if (r.comparison() == Comparison.BETWEEN && r.selection().variable().equals(variable)
                    && timePoint.equals(r.selection().timePoint()) && r.selection().eventLevels().isEmpty()
                    && r.hasP()) {
                // the thresholds of the tables' footnotes (*P < 0.05, **P < 0.01)
                return r.pValue() < 0.01 ? "**" : r.pValue() < 0.05 ? "*" : "";
            }
        }
        return "";
    }

    private double quantile(double[] sorted, double p) {
        int n = sorted.length;
        // type 6: h = (n+1)p; type 7: h = (n-1)p + 1 (1-based positions, as in R's quantile())
        double h = plan.quantileType() == 6 ? (n + 1) * p : (n - 1) * p + 1;
        if (h <= 1) {
            return sorted[0];
        }
        if (h >= n) {
            return sorted[n - 1];
        }
        int lo = (int) Math.floor(h);
        return sorted[lo - 1] + (h - lo) * (sorted[lo] - sorted[lo - 1]);
    }
}
