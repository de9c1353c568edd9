package org.painlab.stats.internal.plan;

import org.painlab.stats.EffectSize;
import org.painlab.stats.internal.math.Distributions;

/**
 * Hodges–Lehmann estimates for samples too large to list all pairwise differences (the test
 * bundle's version stops at 10^7 pairs): the k-th smallest pairwise difference (or Walsh
 * average) is selected without forming the pairs ({@link PairSelection}: sampled pivots, pairs
 * counted in linear time with a pointer over the sorted samples). O((n + m) log(nm)) time and
 * O(n + m) memory; the same doubles as sorting all pairs.
 * The interval uses the same order statistics and normal-approximation quantile as
 * {@code org.painlab.stats.internal.math.HodgesLehmann}, so small and large samples agree.
 */
public final class FastHodgesLehmann {

    private FastHodgesLehmann() {
    }

    /**
     * @param x first sample
     * @param y second sample
     * @param confLevel two-sided confidence level
     * @return median of x_i − y_j with interval, named as the Mann–Whitney test names it
     */
    public static EffectSize shift(double[] x, double[] y, double confLevel) {
        return shiftOfSorted(Tally.sortedCopy(x), Tally.sortedCopy(y), confLevel);
    }

    /**
     * As {@link #shift} for samples already sorted (a report sorts each arm once).
     *
     * @param sx first sample, ascending
     * @param sy second sample, ascending
     * @param confLevel two-sided confidence level
     * @return median of x_i − y_j with interval
     */
    public static EffectSize shiftOfSorted(double[] sx, double[] sy, double confLevel) {
        long count = (long) sx.length * sy.length;
        double n = sx.length + sy.length;
        Tally tx = Tally.ofSorted(sx);
        Tally ty = Tally.ofSorted(sy);
        double ties = Tally.pooled(tx, ty).tieCubeSum();
        double sigma = Math.sqrt((sx.length * (double) sy.length / 12) * ((n + 1) - ties / (n * (n - 1))));
        return estimate("Hodges-Lehmann shift (x - y)", new PairSelection(PairSelection.differences(tx, ty)), count,
                sigma, confLevel);
    }

    /**
     * @param d non-zero paired differences
     * @param confLevel two-sided confidence level
     * @return median of the Walsh averages with interval
     */
    public static EffectSize pseudoMedian(double[] d, double confLevel) {
        double[] s = Tally.sortedCopy(d);
        int n = s.length;
        long count = (long) n * (n + 1) / 2;
        double[] abs = absoluteSorted(s);
        double sigma = Math.sqrt(n * (n + 1.0) * (2 * n + 1) / 24 - tieCubeSum(abs) / 48);
        return estimate("Hodges-Lehmann pseudo-median", new PairSelection(PairSelection.walshAverages(s)), count, sigma,
                confLevel);
    }

    private static EffectSize estimate(String name, PairSelection pairs, long count, double sigma, double confLevel) {
        long k = (count + 1) / 2;
        double below = pairs.select(k);
        double estimate = count % 2 == 1 ? below : (below + pairs.selectAfter(below, k + 1)) / 2;
        double mean = count / 2.0;
        double u = Math.floor(mean + sigma * Distributions.normalQuantile((1 - confLevel) / 2));
        long qu = Math.max(1, Math.min((long) Math.max(0, u), k));
        return new EffectSize(name, estimate, pairs.select(qu), pairs.select(count - qu + 1), confLevel);
    }

    /** |s| in ascending order from ascending s without a sort: the negatives reversed, merged with the rest. */
    private static double[] absoluteSorted(double[] s) {
        int n = s.length;
        int p = 0;
        while (p < n && s[p] < 0) {
            p++;
        }
        double[] out = new double[n];
        int i = p - 1;
        int j = p;
        int k = 0;
        while (i >= 0 && j < n) {
            out[k++] = -s[i] <= Math.abs(s[j]) ? -s[i--] : Math.abs(s[j++]);
        }
        while (i >= 0) {
            out[k++] = -s[i--];
        }
        while (j < n) {
            out[k++] = Math.abs(s[j++]);
        }
        return out;
    }

    private static double tieCubeSum(double[] sorted) {
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }
}
