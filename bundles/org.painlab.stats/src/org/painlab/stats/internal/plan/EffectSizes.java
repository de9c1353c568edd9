package org.painlab.stats.internal.plan;

import java.util.ArrayList;
import java.util.List;
import org.painlab.stats.Alternative;
import org.painlab.stats.EffectSize;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.NormalInterval;
import org.painlab.stats.internal.math.StandardizedMeanDifference;
import org.painlab.stats.internal.math.TwoByTwoEffects;

/**
 * The effect sizes each row reports: those the test result carries, completed with what the
 * result lacks (mean difference and SMD for any two-arm comparison of numbers, a Hodges–Lehmann
 * estimate when the samples were too large for the test's own, risk difference, risk ratio and
 * odds ratio for a 2×2 table, an SMD of proportions for baseline balance). Two-sided intervals at
 * the plan's confidence level; effects are first arm minus (or over) second arm.
 */
public final class EffectSizes {

    /** Name of the standardised mean difference the plan adds (pooled SD, Hedges–Olkin interval). */
    public static final String SMD = "SMD (Cohen's d, pooled SD)";
    /** Name of the standardised difference of proportions (Austin 2009). */
    public static final String SMD_PROPORTIONS = "SMD of proportions";

    private EffectSizes() {
    }

    /**
     * @param result the test result, or null
     * @param x first arm
     * @param y second arm
     * @param rankTest true when the test compared ranks (then a Hodges–Lehmann shift belongs)
     * @param confLevel confidence level
     * @return effects of a two-arm comparison of numbers
     */
    public static List<EffectSize> twoSamples(TestResult result, double[] x, double[] y, boolean rankTest,
            double confLevel) {
        double[] sx = x.clone();
        double[] sy = y.clone();
        java.util.Arrays.sort(sx);
        java.util.Arrays.sort(sy);
        return twoSamples(result, x, y, sx, sy, rankTest, confLevel);
    }

    /**
     * As {@link #twoSamples(TestResult, double[], double[], boolean, double)} with the samples' sorted copies at hand.
     *
     * @param result the test result, or null
     * @param x first arm
     * @param y second arm
     * @param sortedX x in ascending order
     * @param sortedY y in ascending order
     * @param rankTest true when the test compared ranks (then a Hodges–Lehmann shift belongs)
     * @param confLevel confidence level
     * @return effects of a two-arm comparison of numbers
     */
    public static List<EffectSize> twoSamples(TestResult result, double[] x, double[] y, double[] sortedX,
            double[] sortedY, boolean rankTest, double confLevel) {
        List<EffectSize> out = new ArrayList<>(result == null ? List.of() : result.effectSizes());
        if (x.length < 2 || y.length < 2) {
            return out;
        }
        Describe dx = Describe.of(x, sortedX, 7);
        Describe dy = Describe.of(y, sortedY, 7);
        if (find(out, "mean difference") == null) {
            double se = Math.sqrt(dx.sd() * dx.sd() / x.length + dy.sd() * dy.sd() / y.length);
            double[] ci = NormalInterval.of(dx.mean() - dy.mean(), se, Alternative.TWO_SIDED, confLevel);
            out.add(new EffectSize("mean difference (x - y, normal approximation)", dx.mean() - dy.mean(), ci[0], ci[1],
                    confLevel));
        }
        double pooled = Math.sqrt(((x.length - 1) * dx.sd() * dx.sd() + (y.length - 1) * dy.sd() * dy.sd())
                / (x.length + y.length - 2));
        if (find(out, "Cohen's d") == null && pooled > 0) {
            EffectSize d = StandardizedMeanDifference.twoSample(dx.mean() - dy.mean(), pooled, x.length, y.length,
                    Alternative.TWO_SIDED, confLevel)[0];
            out.add(new EffectSize(SMD, d.estimate(), d.lower(), d.upper(), confLevel));
        }
        if (rankTest && find(out, "Hodges-Lehmann") == null) {
            out.add(FastHodgesLehmann.shiftOfSorted(sortedX, sortedY, confLevel));
        }
        return out;
    }

    /**
     * @param result the test result, or null
     * @param differences paired differences (follow-up − baseline)
     * @param rankTest true for a signed-rank test
     * @param confLevel confidence level
     * @return effects of a within-arm comparison
     */
    public static List<EffectSize> paired(TestResult result, double[] differences, boolean rankTest, double confLevel) {
        List<EffectSize> out = new ArrayList<>(result == null ? List.of() : result.effectSizes());
        if (rankTest && find(out, "Hodges-Lehmann") == null) {
            double[] nonZero = nonZero(differences);
            if (nonZero.length > 0) {
                out.add(FastHodgesLehmann.pseudoMedian(nonZero, confLevel));
            }
        }
        if (find(out, "mean difference") == null && differences.length >= 2) {
            Describe d = Describe.moments(differences);
            double[] ci = NormalInterval.of(d.mean(), d.sd() / Math.sqrt(d.n()), Alternative.TWO_SIDED, confLevel);
            out.add(new EffectSize("mean difference (normal approximation)", d.mean(), ci[0], ci[1], confLevel));
        }
        return out;
    }

    /** The differences without the zeros, in one plain loop (a stream of 100,000 runs long in the interpreter). */
    private static double[] nonZero(double[] differences) {
        int zeros = 0;
        for (double d : differences) {
            if (d == 0) {
                zeros++;
            }
        }
        double[] out = new double[differences.length - zeros];
        int k = 0;
        for (double d : differences) {
            if (d != 0) {
                out[k++] = d;
            }
        }
        return out;
    }

    /**
     * @param result the test result, or null
     * @param table arms × {event, no event} for a 2×2 comparison, else any table
     * @param confLevel confidence level
     * @return effects of a comparison of counts
     */
    public static List<EffectSize> counts(TestResult result, long[][] table, double confLevel) {
        List<EffectSize> out = new ArrayList<>(result == null ? List.of() : result.effectSizes());
        boolean twoByTwo = table.length == 2 && table[0].length == 2;
        if (twoByTwo && find(out, "risk difference") == null && table[0][0] + table[0][1] > 0
                && table[1][0] + table[1][1] > 0) {
            for (EffectSize e : TwoByTwoEffects.of(table, confLevel)) {
                String kind = e.name().startsWith("odds ratio") ? "odds ratio"
                        : e.name().startsWith("risk ratio") ? "risk ratio" : "risk difference";
                if (find(out, kind) == null) {
                    out.add(e);
                }
            }
        }
        if (!twoByTwo && find(out, "Cramer's V") == null && table.length >= 2 && table[0].length >= 2) {
            // exact tests of r x c tables carry no effect size; Cramer's V from the Pearson statistic
            double v = cramersV(table);
            if (!Double.isNaN(v)) {
                out.add(EffectSize.pointOnly("Cramer's V", v));
            }
        }
        if (twoByTwo) {
            double n1 = table[0][0] + table[0][1];
            double n2 = table[1][0] + table[1][1];
            double p1 = table[0][0] / n1;
            double p2 = table[1][0] / n2;
            double s = Math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / 2);
            if (s > 0) {
                double d = (p1 - p2) / s;
                double se = Math.sqrt((n1 + n2) / (n1 * n2) + d * d / (2 * (n1 + n2)));
                double[] ci = NormalInterval.of(d, se, Alternative.TWO_SIDED, confLevel);
                out.add(new EffectSize(SMD_PROPORTIONS, d, ci[0], ci[1], confLevel));
            }
        }
        return out;
    }

    /**
     * @param table counts without empty rows or columns
     * @return Cramér's V, sqrt(X² / (n (min(r, c) − 1)))
     */
    static double cramersV(long[][] table) {
        int r = table.length;
        int c = table[0].length;
        double[] rows = new double[r];
        double[] cols = new double[c];
        double n = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                rows[i] += table[i][j];
                cols[j] += table[i][j];
                n += table[i][j];
            }
        }
        double x2 = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double e = rows[i] * cols[j] / n;
                if (e == 0) {
                    return Double.NaN;
                }
                x2 += (table[i][j] - e) * (table[i][j] - e) / e;
            }
        }
        return Math.sqrt(x2 / (n * (Math.min(r, c) - 1)));
    }

    /**
     * @param effects effects
     * @param prefix name prefix
     * @return the first effect whose name starts with the prefix, or null
     */
    public static EffectSize find(List<EffectSize> effects, String prefix) {
        for (EffectSize e : effects) {
            if (e.name().startsWith(prefix)) {
                return e;
            }
        }
        return null;
    }
}
