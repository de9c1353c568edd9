package org.painlab.stats.power;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Power of the Mann-Whitney (Wilcoxon rank-sum) test by simulation: draw both groups from the
 * design's samplers, run the asymptotic tie-corrected U test (as R's {@code wilcox.test(exact =
 * FALSE)}), count rejections (p &le; alpha). There is no closed form for general shapes and ties,
 * hence simulation; the result carries its Monte Carlo standard error.
 *
 * @since 0.1
 */
public final class MannWhitneyPower {

    private MannWhitneyPower() {
    }

    /** Simulated power with a new {@link SplittableRandom} seeded by {@code seed} (reproducible). */
    public static SimulatedPower simulate(MannWhitneyDesign design, int n1, int n2, int simulations, long seed) {
        return simulate(design, n1, n2, simulations, new SplittableRandom(seed));
    }

    /**
     * Simulated power drawing from the given generator (which advances; not thread-safe unless
     * the generator is). Group 1 is drawn before group 2 in each trial.
     */
    public static SimulatedPower simulate(MannWhitneyDesign design, int n1, int n2, int simulations,
            RandomGenerator rng) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(rng, "rng");
        if (n1 < 1 || n2 < 1 || n1 + n2 < 3) {
            throw new IllegalArgumentException("need n1, n2 >= 1 and n1 + n2 >= 3: " + n1 + ", " + n2);
        }
        if (simulations < 1) {
            throw new IllegalArgumentException("simulations must be >= 1: " + simulations);
        }
        double[] x1 = new double[n1];
        double[] x2 = new double[n2];
        int rejections = 0;
        for (int s = 0; s < simulations; s++) {
            for (int i = 0; i < n1; i++) {
                x1[i] = design.group1().sample(rng);
            }
            for (int i = 0; i < n2; i++) {
                x2[i] = design.group2().sample(rng);
            }
            // group 2 first: one-sided H1 is "group 2 larger" (R's alternative = "greater")
            double p = RankSumTest.pValue(x2, x1, design.alternative(), design.continuityCorrection());
            if (p <= design.alpha()) {
                rejections++;
            }
        }
        return SimulatedPower.of(n1, n2, simulations, rejections);
    }

    /**
     * p-value of the test the simulation runs, for one data set: asymptotic Mann-Whitney with
     * mid-ranks and tie-corrected variance, as R's {@code wilcox.test(group2, group1, exact =
     * FALSE, correct = continuityCorrection)}; one-sided is H1 "group 2 larger" (R's "greater").
     * NaN when all observations are tied. The arrays are not modified.
     */
    public static double asymptoticPValue(double[] group1, double[] group2, Sides alternative,
            boolean continuityCorrection) {
        Objects.requireNonNull(alternative, "alternative");
        if (group1.length < 1 || group2.length < 1) {
            throw new IllegalArgumentException("both groups need at least one observation");
        }
        return RankSumTest.pValue(group2.clone(), group1.clone(), alternative, continuityCorrection);
    }
}
