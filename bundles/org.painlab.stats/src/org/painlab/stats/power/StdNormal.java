package org.painlab.stats.power;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** Standard normal helpers (the distribution object is immutable, so sharing it is safe). */
final class StdNormal {

    private static final NormalDistribution N01 = NormalDistribution.of(0, 1);

    private StdNormal() {
    }

    /** Phi(x). */
    static double cdf(double x) {
        return N01.cumulativeProbability(x);
    }

    /** 1 - Phi(x), computed without cancellation. */
    static double sf(double x) {
        return N01.survivalProbability(x);
    }

    /** Upper quantile z with 1 - Phi(z) = p (R's qnorm(p, lower.tail = FALSE)). */
    static double upperQuantile(double p) {
        return N01.inverseSurvivalProbability(p);
    }
}
