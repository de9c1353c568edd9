package org.painlab.stats.power;

import java.util.Objects;

/**
 * The planned comparison of means, with R's {@code power.t.test} arguments.
 *
 * @param delta       true difference in means (two-sided: its sign is ignored; one-sided: the
 *                    test is for delta &gt; 0, as in R)
 * @param sd          standard deviation (of the differences for paired), &gt; 0
 * @param alpha       significance level, in (0, 1)
 * @param power       target power, in (0, 1)
 * @param type        two-sample, paired or one-sample
 * @param alternative two-sided or one-sided
 * @param strict      two-sided only: also count rejections in the wrong tail (R's
 *                    {@code strict = TRUE})
 * @param dropout     expected dropout fraction D in [0, 1)
 *
 * @since 0.1
 */
public record MeansDesign(double delta, double sd, double alpha, double power, MeanTestType type,
        Sides alternative, boolean strict, double dropout) {

    /** Validates the design. */
    public MeansDesign {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(alternative, "alternative");
        if (!Double.isFinite(delta)) {
            throw new IllegalArgumentException("delta must be finite: " + delta);
        }
        if (!(sd > 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("sd must be finite and > 0: " + sd);
        }
        Checks.openUnit("alpha", alpha);
        Checks.openUnit("power", power);
        Checks.dropout(dropout);
    }

    /** Two-sample, two-sided, not strict, no dropout. */
    public static MeansDesign of(double delta, double sd, double alpha, double power) {
        return new MeansDesign(delta, sd, alpha, power, MeanTestType.TWO_SAMPLE, Sides.TWO_SIDED, false, 0);
    }

    /** Copy with another test type. */
    public MeansDesign withType(MeanTestType t) {
        return new MeansDesign(delta, sd, alpha, power, t, alternative, strict, dropout);
    }

    /** Copy with another sidedness. */
    public MeansDesign withAlternative(Sides a) {
        return new MeansDesign(delta, sd, alpha, power, type, a, strict, dropout);
    }

    /** Copy with R's strict two-sided power on or off. */
    public MeansDesign withStrict(boolean s) {
        return new MeansDesign(delta, sd, alpha, power, type, alternative, s, dropout);
    }

    /** Copy with another dropout fraction. */
    public MeansDesign withDropout(double d) {
        return new MeansDesign(delta, sd, alpha, power, type, alternative, strict, d);
    }

    /** Copy with another power target. */
    public MeansDesign withPower(double target) {
        return new MeansDesign(delta, sd, alpha, target, type, alternative, strict, dropout);
    }

    /** The effect the power functions use: |delta| two-sided (as R), delta one-sided. */
    double effect() {
        return alternative == Sides.TWO_SIDED ? Math.abs(delta) : delta;
    }

    /** Strict power applies to two-sided tests only (as in R). */
    boolean strictTwoSided() {
        return strict && alternative == Sides.TWO_SIDED;
    }
}
