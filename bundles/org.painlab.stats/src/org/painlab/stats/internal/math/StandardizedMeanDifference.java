package org.painlab.stats.internal.math;

import org.apache.commons.math3.special.Gamma;
import org.painlab.stats.Alternative;
import org.painlab.stats.EffectSize;

/**
 * Cohen's d and Hedges' g with normal-approximation intervals (Hedges and Olkin 1985:
 * var(d) = (n1 + n2) / (n1 n2) + d^2 / (2 (n1 + n2))); the one-sample / paired d_z uses
 * var = 1/n + d^2 / (2n). Hedges' g applies the exact small-sample factor J(df).
 */
public final class StandardizedMeanDifference {

    private StandardizedMeanDifference() {
    }

    /**
     * @param diff difference of means (x - y)
     * @param pooledSd pooled standard deviation
     * @param nx size of x
     * @param ny size of y
     * @param alternative sidedness of the intervals
     * @param confLevel confidence level
     * @return {Cohen's d, Hedges' g}
     */
    public static EffectSize[] twoSample(double diff, double pooledSd, int nx, int ny, Alternative alternative,
            double confLevel) {
        double d = diff / pooledSd;
        double se = Math.sqrt((nx + ny) / ((double) nx * ny) + d * d / (2.0 * (nx + ny)));
        double[] ci = NormalInterval.of(d, se, alternative, confLevel);
        double j = correction(nx + ny - 2);
        return new EffectSize[] {
            new EffectSize("Cohen's d", d, ci[0], ci[1], confLevel),
            new EffectSize("Hedges' g", j * d, j * ci[0], j * ci[1], confLevel)
        };
    }

    /**
     * @param meanDiff mean (of differences) minus the null value
     * @param sd standard deviation (of differences)
     * @param n sample size
     * @param alternative sidedness of the interval
     * @param confLevel confidence level
     * @param name label, e.g. "Cohen's d_z"
     * @return the standardised difference
     */
    public static EffectSize oneSample(double meanDiff, double sd, int n, Alternative alternative, double confLevel,
            String name) {
        double d = meanDiff / sd;
        double se = Math.sqrt(1.0 / n + d * d / (2.0 * n));
        double[] ci = NormalInterval.of(d, se, alternative, confLevel);
        return new EffectSize(name, d, ci[0], ci[1], confLevel);
    }

    /** J(df) = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2)), the unbiasing factor of d. */
    static double correction(int df) {
        if (df < 2) {
            return Double.NaN;
        }
        return Math.exp(Gamma.logGamma(df / 2.0) - 0.5 * Math.log(df / 2.0) - Gamma.logGamma((df - 1) / 2.0));
    }
}
