package org.painlab.stats.internal.math;

import java.util.Arrays;
import org.painlab.stats.Alternative;
import org.painlab.stats.EffectSize;

/**
 * Hodges-Lehmann location estimates with order-statistic (Moses) confidence intervals: the
 * median of all pairwise differences for two samples, the median of the Walsh averages for one
 * sample of (paired) differences. Without ties and with exact p-values the interval uses the
 * exact Wilcoxon quantiles exactly as R's wilcox.test(conf.int = TRUE) does; otherwise the
 * quantile comes from the tie-corrected normal approximation (R solves that case by root
 * finding instead, so asymptotic intervals may differ from R's in the last order statistic).
 */
public final class HodgesLehmann {

    /** Beyond this many pairwise differences the estimate is skipped to bound memory. */
    private static final long MAX_PAIRS = 10_000_000L;

    private HodgesLehmann() {
    }

    /**
     * @param x first sample
     * @param y second sample
     * @param alternative sidedness of the interval
     * @param confLevel confidence level
     * @param exactQuantiles use the exact distribution (only without ties)
     * @param tieCubeSum tie term of the pooled sample, for the normal approximation
     * @return the shift estimate x - y with interval, or null when the samples are too large
     */
    public static EffectSize shift(double[] x, double[] y, Alternative alternative, double confLevel,
            boolean exactQuantiles, double tieCubeSum) {
        int nx = x.length;
        int ny = y.length;
        if ((long) nx * ny > MAX_PAIRS) {
            return null;
        }
        double[] diffs = new double[nx * ny];
        int k = 0;
        for (double xi : x) {
            for (double yj : y) {
                diffs[k++] = xi - yj;
            }
        }
        Arrays.sort(diffs);
        int count = diffs.length;
        QuantileSource q;
        if (exactQuantiles) {
            double[] ranks = new double[nx + ny];
            for (int i = 0; i < ranks.length; i++) {
                ranks[i] = i + 1;
            }
            LatticeDistribution dist = LatticeDistribution.rankSum(ranks, nx);
            double offset = nx * (nx + 1) / 2.0;
            q = p -> exactQuantile(dist, p, offset, count);
        } else {
            double n = nx + ny;
            double sigma = Math.sqrt((nx * (double) ny / 12) * ((n + 1) - tieCubeSum / (n * (n - 1))));
            q = p -> normalQuantile(count / 2.0, sigma, p);
        }
        return interval("Hodges-Lehmann shift (x - y)", diffs, q, alternative, confLevel);
    }

    /**
     * @param d non-zero differences (paired differences minus the null value)
     * @param alternative sidedness of the interval
     * @param confLevel confidence level
     * @param exactQuantiles use the exact distribution (only without ties)
     * @param tieCubeSum tie term of the absolute differences, for the normal approximation
     * @return the pseudo-median with interval, or null when the sample is empty or too large
     */
    public static EffectSize pseudoMedian(double[] d, Alternative alternative, double confLevel,
            boolean exactQuantiles, double tieCubeSum) {
        int n = d.length;
        long pairs = (long) n * (n + 1) / 2;
        if (n == 0 || pairs > MAX_PAIRS) {
            return null;
        }
        double[] walsh = new double[(int) pairs];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[k++] = (d[i] + d[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        int count = walsh.length;
        QuantileSource q;
        if (exactQuantiles) {
            double[] ranks = new double[n];
            for (int i = 0; i < n; i++) {
                ranks[i] = i + 1;
            }
            LatticeDistribution dist = LatticeDistribution.signedRank(ranks);
            q = p -> exactQuantile(dist, p, 0, count);
        } else {
            double sigma = Math.sqrt(n * (n + 1.0) * (2 * n + 1) / 24 - tieCubeSum / 48);
            q = p -> normalQuantile(count / 2.0, sigma, p);
        }
        return interval("Hodges-Lehmann pseudo-median", walsh, q, alternative, confLevel);
    }

    private static EffectSize interval(String name, double[] sorted, QuantileSource q, Alternative alternative,
            double confLevel) {
        int count = sorted.length;
        double estimate = median(sorted);
        double alpha = 1 - confLevel;
        double lower = Double.NEGATIVE_INFINITY;
        double upper = Double.POSITIVE_INFINITY;
        // R: qu = quantile (at least 1), ql = count - qu; interval = (diffs[qu], diffs[ql + 1]), 1-based
        switch (alternative) {
            case TWO_SIDED -> {
                int qu = q.quantile(alpha / 2);
                lower = sorted[qu - 1];
                upper = sorted[count - qu];
            }
            case GREATER -> lower = sorted[q.quantile(alpha) - 1];
            case LESS -> upper = sorted[count - q.quantile(alpha)];
        }
        return new EffectSize(name, estimate, lower, upper, confLevel);
    }

    private static int exactQuantile(LatticeDistribution dist, double p, double offset, int count) {
        return clamp((int) Math.round(dist.quantile(p) - offset), count);
    }

    private static int normalQuantile(double mean, double sigma, double p) {
        int count = (int) Math.round(2 * mean);
        double u = Math.floor(mean + sigma * Distributions.normalQuantile(p));
        return clamp((int) Math.max(0, u), count);
    }

    private static int clamp(int qu, int count) {
        return Math.max(1, Math.min(qu, (count + 1) / 2));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @FunctionalInterface
    private interface QuantileSource {
        int quantile(double p);
    }
}
