package org.painlab.stats.internal.math;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.painlab.stats.Alternative;

/**
 * Conditional maximum-likelihood odds ratio of a 2x2 table and its exact confidence interval,
 * from the non-central hypergeometric distribution of the top-left cell given the margins, as
 * R's fisher.test computes them (including uniroot's tolerance, see {@link RootFinder}).
 */
public final class ConditionalOddsRatio {

    private final int x;
    private final int lo;
    private final int hi;
    private final HypergeometricDistribution central;
    private final double[] logdc;

    /**
     * @param table 2x2 table of counts
     */
    public ConditionalOddsRatio(long[][] table) {
        int m = Math.toIntExact(table[0][0] + table[1][0]);
        int n = Math.toIntExact(table[0][1] + table[1][1]);
        int k = Math.toIntExact(table[0][0] + table[0][1]);
        this.x = (int) table[0][0];
        this.lo = Math.max(0, k - n);
        this.hi = Math.min(k, m);
        this.central = HypergeometricDistribution.of(m + n, m, k);
        this.logdc = new double[hi - lo + 1];
        for (int s = lo; s <= hi; s++) {
            logdc[s - lo] = central.logProbability(s);
        }
    }

    /** @return the conditional MLE of the odds ratio (0 or infinity at the support ends) */
    public double estimate() {
        if (x == lo) {
            return 0;
        }
        if (x == hi) {
            return Double.POSITIVE_INFINITY;
        }
        double mu = mean(1);
        if (mu > x) {
            return RootFinder.uniroot(t -> mean(t) - x, 0, 1, RootFinder.R_DEFAULT_TOL);
        }
        if (mu < x) {
            return 1 / RootFinder.uniroot(t -> mean(1 / t) - x, Math.ulp(1.0), 1, RootFinder.R_DEFAULT_TOL);
        }
        return 1;
    }

    /**
     * @param alternative sidedness
     * @param confLevel confidence level
     * @return the exact conditional interval [lower, upper]
     */
    public double[] confidenceInterval(Alternative alternative, double confLevel) {
        return switch (alternative) {
            case LESS -> new double[] {0, upperBound(1 - confLevel)};
            case GREATER -> new double[] {lowerBound(1 - confLevel), Double.POSITIVE_INFINITY};
            case TWO_SIDED -> {
                double alpha = (1 - confLevel) / 2;
                yield new double[] {lowerBound(alpha), upperBound(alpha)};
            }
        };
    }

    private double upperBound(double alpha) {
        if (x == hi) {
            return Double.POSITIVE_INFINITY;
        }
        double p = cdf(1, false);
        if (p < alpha) {
            return RootFinder.uniroot(t -> cdf(t, false) - alpha, 0, 1, RootFinder.R_DEFAULT_TOL);
        }
        if (p > alpha) {
            return 1 / RootFinder.uniroot(t -> cdf(1 / t, false) - alpha, Math.ulp(1.0), 1,
                    RootFinder.R_DEFAULT_TOL);
        }
        return 1;
    }

    private double lowerBound(double alpha) {
        if (x == lo) {
            return 0;
        }
        double p = cdf(1, true);
        if (p > alpha) {
            return RootFinder.uniroot(t -> cdf(t, true) - alpha, 0, 1, RootFinder.R_DEFAULT_TOL);
        }
        if (p < alpha) {
            return 1 / RootFinder.uniroot(t -> cdf(1 / t, true) - alpha, Math.ulp(1.0), 1,
                    RootFinder.R_DEFAULT_TOL);
        }
        return 1;
    }

    /** Density of the non-central distribution; scaled by its maximum against overflow. */
    private double[] density(double ncp) {
        double logNcp = Math.log(ncp);
        double[] d = new double[logdc.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d.length; i++) {
            d[i] = logdc[i] + logNcp * (lo + i);
            max = Math.max(max, d[i]);
        }
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.exp(d[i] - max);
            sum += d[i];
        }
        for (int i = 0; i < d.length; i++) {
            d[i] /= sum;
        }
        return d;
    }

    private double mean(double ncp) {
        if (ncp == 0) {
            return lo;
        }
        if (ncp == Double.POSITIVE_INFINITY) {
            return hi;
        }
        double[] d = density(ncp);
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            sum += (lo + i) * d[i];
        }
        return sum;
    }

    /** P(X &lt;= x) or, upper, P(X &gt;= x) under odds ratio ncp. */
    private double cdf(double ncp, boolean upper) {
        if (ncp == 1) {
            return upper ? central.survivalProbability(x - 1) : central.cumulativeProbability(x);
        }
        if (ncp == 0) {
            return (upper ? x <= lo : x >= lo) ? 1 : 0;
        }
        if (ncp == Double.POSITIVE_INFINITY) {
            return (upper ? x <= hi : x >= hi) ? 1 : 0;
        }
        double[] d = density(ncp);
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            int s = lo + i;
            if (upper ? s >= x : s <= x) {
                sum += d[i];
            }
        }
        return sum;
    }
}
