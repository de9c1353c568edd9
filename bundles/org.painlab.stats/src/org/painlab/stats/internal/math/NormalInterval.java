package org.painlab.stats.internal.math;

import org.painlab.stats.Alternative;

/** Wald-type interval estimate +/- z * se, one- or two-sided. */
public final class NormalInterval {

    private NormalInterval() {
    }

    /**
     * @param estimate point estimate
     * @param se standard error
     * @param alternative sidedness; one-sided intervals are open on the other side
     * @param confLevel confidence level
     * @return {lower, upper}
     */
    public static double[] of(double estimate, double se, Alternative alternative, double confLevel) {
        return switch (alternative) {
            case TWO_SIDED -> {
                double z = Distributions.normalQuantile(1 - (1 - confLevel) / 2);
                yield new double[] {estimate - z * se, estimate + z * se};
            }
            case LESS -> new double[] {Double.NEGATIVE_INFINITY,
                estimate + Distributions.normalQuantile(confLevel) * se};
            case GREATER -> new double[] {estimate - Distributions.normalQuantile(confLevel) * se,
                Double.POSITIVE_INFINITY};
        };
    }
}
