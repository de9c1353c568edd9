package org.painlab.stats.power;

import java.util.Objects;

/**
 * Data-generating model and test settings of a Mann-Whitney (Wilcoxon rank-sum) power
 * simulation.
 *
 * @param group1              sampler of group-1 outcomes
 * @param group2              sampler of group-2 outcomes
 * @param alpha               significance level, in (0, 1)
 * @param alternative         two-sided, or one-sided with H1 "group 2 tends to be larger"
 * @param continuityCorrection apply the 0.5 continuity correction of the normal approximation
 *                            (R's {@code wilcox.test(correct = TRUE)}, the default)
 *
 * @since 0.1
 */
public record MannWhitneyDesign(Sampler group1, Sampler group2, double alpha, Sides alternative,
        boolean continuityCorrection) {

    /** Validates the design. */
    public MannWhitneyDesign {
        Objects.requireNonNull(group1, "group1");
        Objects.requireNonNull(group2, "group2");
        Objects.requireNonNull(alternative, "alternative");
        Checks.openUnit("alpha", alpha);
    }

    /**
     * Normal data with a location shift: group 1 ~ N(0, sd), group 2 ~ N(shift, sd); two-sided,
     * continuity-corrected.
     */
    public static MannWhitneyDesign normalShift(double shift, double sd, double alpha) {
        Sampler base = Sampler.normal(0, sd);
        return new MannWhitneyDesign(base, base.shifted(shift), alpha, Sides.TWO_SIDED, true);
    }

    /** Group 1 from {@code base}, group 2 from {@code base} shifted; two-sided, corrected. */
    public static MannWhitneyDesign shift(Sampler base, double shift, double alpha) {
        return new MannWhitneyDesign(base, base.shifted(shift), alpha, Sides.TWO_SIDED, true);
    }

    /** Copy with another sidedness. */
    public MannWhitneyDesign withAlternative(Sides a) {
        return new MannWhitneyDesign(group1, group2, alpha, a, continuityCorrection);
    }

    /** Copy with the continuity correction on or off. */
    public MannWhitneyDesign withContinuityCorrection(boolean on) {
        return new MannWhitneyDesign(group1, group2, alpha, alternative, on);
    }
}
