package org.painlab.stats.power;

import java.util.Objects;

/**
 * The planned comparison of two independent proportions: true success rates, level, power
 * target, sidedness, allocation and expected dropout.
 *
 * @param p1          success probability of group 1, in [0, 1]
 * @param p2          success probability of group 2, in [0, 1]
 * @param alpha       significance level, in (0, 1)
 * @param power       target power, in (0, 1)
 * @param alternative two-sided or one-sided (one-sided in the direction of p2 - p1)
 * @param ratio       allocation k = n2 / n1, &gt; 0 (1 for 1:1)
 * @param dropout     expected dropout fraction D in [0, 1); n is inflated to ceil(n / (1 - D))
 *
 * @since 0.1
 */
public record TwoProportionDesign(double p1, double p2, double alpha, double power, Sides alternative,
        double ratio, double dropout) {

    /** Validates the design. */
    public TwoProportionDesign {
        Objects.requireNonNull(alternative, "alternative");
        Checks.probability("p1", p1);
        Checks.probability("p2", p2);
        Checks.openUnit("alpha", alpha);
        Checks.openUnit("power", power);
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("ratio n2/n1 must be finite and > 0: " + ratio);
        }
        Checks.dropout(dropout);
    }

    /** Two-sided, 1:1, no dropout. */
    public static TwoProportionDesign of(double p1, double p2, double alpha, double power) {
        return new TwoProportionDesign(p1, p2, alpha, power, Sides.TWO_SIDED, 1.0, 0.0);
    }

    /** Copy with another sidedness. */
    public TwoProportionDesign withAlternative(Sides a) {
        return new TwoProportionDesign(p1, p2, alpha, power, a, ratio, dropout);
    }

    /** Copy with another allocation ratio k = n2 / n1. */
    public TwoProportionDesign withRatio(double k) {
        return new TwoProportionDesign(p1, p2, alpha, power, alternative, k, dropout);
    }

    /** Copy with another dropout fraction. */
    public TwoProportionDesign withDropout(double d) {
        return new TwoProportionDesign(p1, p2, alpha, power, alternative, ratio, d);
    }

    /** Copy with another power target. */
    public TwoProportionDesign withPower(double target) {
        return new TwoProportionDesign(p1, p2, alpha, target, alternative, ratio, dropout);
    }

    /** Group-2 size that goes with a group-1 size: ceil(k * n1), so that n2 / n1 &ge; k. */
    public int n2For(int n1) {
        return Math.max(1, Checks.ceilGuarded(ratio * n1));
    }
}
