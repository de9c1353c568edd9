package org.painlab.stats.internal.plan;

import java.util.Arrays;
import org.painlab.stats.EffectSize;
import org.painlab.stats.internal.math.Distributions;

/**
 * Hodges–Lehmann estimates for samples too large to list all pairwise differences (the test
 * bundle's version stops at 10^7 pairs): the k-th smallest pairwise difference (or Walsh
 * average) is found by bisection over the doubles, counting the pairs below a value in linear
 * time with two pointers over the sorted samples. O((n + m) log n) time and O(n + m) memory.
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
        double[] sx = x.clone();
        double[] sy = y.clone();
        Arrays.sort(sx);
        Arrays.sort(sy);
        long count = (long) sx.length * sy.length;
        Counter counter = (t, near) -> {
            // pairs with x_i - y_j <= t; for fixed i the set of such j is a suffix of sorted y, whose first
            // pair is the row's largest value <= t and whose predecessor the row's smallest value > t
            long c = 0;
            int j = 0;
            double below = Double.NEGATIVE_INFINITY;
            double above = Double.POSITIVE_INFINITY;
            for (double xi : sx) {
                while (j < sy.length && xi - sy[j] > t) {
                    j++;
                }
                c += sy.length - j;
                if (j < sy.length) {
                    below = Math.max(below, xi - sy[j]);
                }
                if (j > 0) {
                    above = Math.min(above, xi - sy[j - 1]);
                }
            }
            near[0] = below;
            near[1] = above;
            return c;
        };
        double lo = sx[0] - sy[sy.length - 1];
        double hi = sx[sx.length - 1] - sy[0];
        double n = sx.length + sy.length;
        double sigma = Math.sqrt((sx.length * (double) sy.length / 12) * ((n + 1) - tieCubeSum(merge(sx, sy))
                / (n * (n - 1))));
        return estimate("Hodges-Lehmann shift (x - y)", counter, count, lo, hi, sigma, confLevel);
    }

    /**
     * @param d non-zero paired differences
     * @param confLevel two-sided confidence level
     * @return median of the Walsh averages with interval
     */
    public static EffectSize pseudoMedian(double[] d, double confLevel) {
        double[] s = d.clone();
        Arrays.sort(s);
        int n = s.length;
        long count = (long) n * (n + 1) / 2;
        Counter counter = (t, near) -> {
            // Walsh averages (s_i + s_j)/2 <= t with i <= j; the largest such j falls as i rises
            long c = 0;
            int j = n - 1;
            double below = Double.NEGATIVE_INFINITY;
            double above = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                while (j >= i && (s[i] + s[j]) / 2 > t) {
                    j--;
                }
                if (j < i) {
                    // no average of this row (nor of a later one) is <= t; its smallest is (s_i + s_i)/2
                    above = Math.min(above, (s[i] + s[i]) / 2);
                    break;
                }
                c += j - i + 1;
                below = Math.max(below, (s[i] + s[j]) / 2);
                if (j + 1 < n) {
                    above = Math.min(above, (s[i] + s[j + 1]) / 2);
                }
            }
            near[0] = below;
            near[1] = above;
            return c;
        };
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(s[i]);
        }
        Arrays.sort(abs);
        double sigma = Math.sqrt(n * (n + 1.0) * (2 * n + 1) / 24 - tieCubeSum(abs) / 48);
        return estimate("Hodges-Lehmann pseudo-median", counter, count, s[0], s[n - 1], sigma, confLevel);
    }

    private static EffectSize estimate(String name, Counter counter, long count, double lo, double hi, double sigma,
            double confLevel) {
        long k = (count + 1) / 2;
        double below = kth(counter, k, lo, hi);
        // with ties (rounded data) the middle pair shares its value with the next one: one pass instead of a search
        double above = count % 2 == 1 || counter.atOrBelow(below, new double[2]) > k ? below : kth(counter, k + 1, below, hi);
        double estimate = count % 2 == 1 ? below : (below + above) / 2;
        double mean = count / 2.0;
        double u = Math.floor(mean + sigma * Distributions.normalQuantile((1 - confLevel) / 2));
        long qu = Math.max(1, Math.min((long) Math.max(0, u), k));
        // the bounds' order statistics lie on either side of the middle ones (qu <= k, count - qu + 1 >= k + 1)
        return new EffectSize(name, estimate, kth(counter, qu, lo, below), kth(counter, count - qu + 1, above, hi), confLevel);
    }

    /** Smallest double t in [lo, hi] with at least k pairs at or below it: the k-th smallest pair value. */
    private static double kth(Counter counter, long k, double lo, double hi) {
        long a = order(lo);
        long b = order(hi);
        double[] near = new double[2];
        while (a < b) {
            // floor of the average without overflow: a and b can be of opposite signs near the extremes
            long mid = (a & b) + ((a ^ b) >> 1);
            // the bracket snaps to the nearest pair values on either side of mid, so with ties (rounded
            // data) it closes after about log2(distinct pair values) counts instead of 64
            if (counter.atOrBelow(value(mid), near) >= k) {
                b = Math.min(mid, order(near[0]));
            } else {
                a = Math.max(mid + 1, order(near[1]));
            }
        }
        // -0.0 and 0.0 count the same pairs; adding 0.0 turns the first into the second
        return value(a) + 0.0;
    }

    /** Maps doubles to longs in the same order, so bisection over longs is bisection over doubles. */
    private static long order(double v) {
        long bits = Double.doubleToLongBits(v == 0 ? 0.0 : v);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static double value(long order) {
        return Double.longBitsToDouble(order >= 0 ? order : order ^ Long.MAX_VALUE);
    }

    private static double[] merge(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        Arrays.sort(out);
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

    @FunctionalInterface
    private interface Counter {
        /** @return pairs with value at most t; near[0] := the largest such value, near[1] := the smallest above t */
        long atOrBelow(double t, double[] near);
    }
}
