package org.painlab.stats.power;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * Draws one observation of a group's outcome in a power simulation. Implementations must be
 * stateless apart from the generator passed in, so a seeded generator makes a run reproducible.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Sampler {

    /** One draw, using only {@code rng} as the source of randomness. */
    double sample(RandomGenerator rng);

    /** Normal(mean, sd) via {@link RandomGenerator#nextGaussian()}. */
    static Sampler normal(double mean, double sd) {
        if (!(sd >= 0) || !Double.isFinite(mean) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("need finite mean and sd >= 0: " + mean + ", " + sd);
        }
        return rng -> mean + sd * rng.nextGaussian();
    }

    /**
     * Any commons-statistics continuous distribution, by inversion of its CDF (so the draws do
     * not depend on the library's own samplers or random sources).
     */
    static Sampler of(ContinuousDistribution distribution) {
        Objects.requireNonNull(distribution, "distribution");
        // u in (0, 1): 53 random bits plus one half, so the inverse CDF never sees 0 or 1.
        return rng -> distribution.inverseCumulativeProbability(((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53);
    }

    /** This sampler's draws plus a constant (a location shift, the Mann-Whitney alternative). */
    default Sampler shifted(double shift) {
        Sampler base = this;
        return rng -> base.sample(rng) + shift;
    }

    /** This sampler's draws transformed by f (e.g. a scale or a link). */
    default Sampler map(DoubleUnaryOperator f) {
        Objects.requireNonNull(f, "f");
        Sampler base = this;
        return rng -> f.applyAsDouble(base.sample(rng));
    }

    /**
     * This sampler's draws rounded to the nearest multiple of {@code step}, e.g. 1 for an
     * integer 0-10 pain score; this is what produces ties in the rank test.
     */
    default Sampler rounded(double step) {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("step must be finite and > 0: " + step);
        }
        Sampler base = this;
        return rng -> Math.rint(base.sample(rng) / step) * step;
    }

    /** This sampler's draws clamped to [lo, hi] (bounded scales, e.g. 0-10). */
    default Sampler clamped(double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("need lo <= hi: " + lo + ", " + hi);
        }
        Sampler base = this;
        return rng -> Math.max(lo, Math.min(hi, base.sample(rng)));
    }
}
