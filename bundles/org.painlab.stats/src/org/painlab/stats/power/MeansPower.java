package org.painlab.stats.power;

import java.util.Objects;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Power and sample size for means: the {@code normal} closed form and the noncentral {@code t}
 * method of R's {@code power.t.test}.
 *
 * <p>With g = 2 for two samples and 1 for paired / one sample, nu = max(1e-7, n - 1) g,
 * ncp = sqrt(n / g) delta / sd and q = t(1 - alpha/sides; nu):
 * <ul>
 * <li>t: power = P(T' &gt; q), T' ~ t(nu, ncp); strict two-sided adds P(T' &lt; -q).</li>
 * <li>normal: power = Phi(ncp - z) (+ Phi(-ncp - z) strict), z = z(1 - alpha/sides); n solves
 * it in closed form, n = g (z + z_b)^2 sd^2 / delta^2, except strict, which is solved
 * numerically.</li>
 * </ul>
 * n is solved as R does, by Brent's method on [2, 1e7] widened upward/downward as uniroot's
 * {@code extendInt = "upX"}; the default tolerance here is {@link #DEFAULT_TOL}, much tighter
 * than R's default eps^0.25 ~ 1.2e-4, so n is the true root (R's own n can be off by ~1e-4).
 *
 * @since 0.1
 */
public final class MeansPower {

    /** Absolute tolerance on n used by {@link #sampleSize(MeansDesign, MeansMethod)}. */
    public static final double DEFAULT_TOL = 1e-10;
    /**
     * R's {@code uniroot} default tolerance eps^0.25 ~ 1.22e-4: passing it to
     * {@link #solveN(MeansDesign, MeansMethod, double)} reproduces the n R's power.t.test prints.
     */
    public static final double R_UNIROOT_TOL = Zeroin.R_DEFAULT_TOL;

    private MeansPower() {
    }

    /** Power at n per group (pairs, subjects); n may be real, as in R. */
    public static double power(MeansDesign design, MeansMethod method, double n) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(method, "method");
        if (!(n > 0)) {
            throw new IllegalArgumentException("n must be > 0: " + n);
        }
        int g = design.type().groups();
        double ncp = Math.sqrt(n / g) * design.effect() / design.sd();
        double tailAlpha = design.alpha() / design.alternative().sides();
        if (method == MeansMethod.NORMAL) {
            double z = StdNormal.upperQuantile(tailAlpha);
            double p = StdNormal.sf(z - ncp);
            return design.strictTwoSided() ? p + StdNormal.cdf(-z - ncp) : p;
        }
        double nu = Math.max(1e-7, n - 1) * g;
        double q = TDistribution.of(nu).inverseSurvivalProbability(tailAlpha);
        double p = NoncentralT.sf(q, nu, ncp);
        return design.strictTwoSided() ? p + NoncentralT.cdf(-q, nu, ncp) : p;
    }

    /**
     * Real-valued n reaching the target power.
     *
     * @param tol absolute tolerance of the root finder for n (ignored by the closed form);
     *            {@code Math.pow(Math.ulp(1.0), 0.25)} reproduces R's default
     * @throws IllegalArgumentException if the target cannot be reached (e.g. one-sided, delta &le; 0)
     */
    public static double solveN(MeansDesign design, MeansMethod method, double tol) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(method, "method");
        if (!(tol > 0)) {
            throw new IllegalArgumentException("tol must be > 0: " + tol);
        }
        if (!(design.effect() > 0)) {
            throw new IllegalArgumentException("delta must be " + (design.alternative() == Sides.TWO_SIDED
                    ? "non-zero" : "> 0 for the one-sided test") + ": " + design.delta());
        }
        if (method == MeansMethod.NORMAL && !design.strictTwoSided()) {
            double za = StdNormal.upperQuantile(design.alpha() / design.alternative().sides());
            double zb = StdNormal.upperQuantile(1 - design.power());
            double ratio = design.sd() / design.effect();
            return design.type().groups() * (za + zb) * (za + zb) * ratio * ratio;
        }
        try {
            // n <= 0 (the bracket widened too far down) is NaN, as in R, and ends the search
            return Zeroin.rootIncreasing(n -> n > 0 ? power(design, method, n) - design.power() : Double.NaN, 2,
                    1e7, tol);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("no n reaches power " + design.power() + ": " + e.getMessage(), e);
        }
    }

    /** Sample size (rounded up) with the power achieved there, n solved to {@link #DEFAULT_TOL}. */
    public static MeansResult sampleSize(MeansDesign design, MeansMethod method) {
        double raw = solveN(design, method, DEFAULT_TOL);
        int n = Math.max(1, Checks.ceilGuarded(raw));
        int g = design.type().groups();
        int after = Checks.afterDropout(n, design.dropout());
        return new MeansResult(method.id(), design.type().id(), design.alternative().id(), design.strictTwoSided(),
                raw, n, n * g, power(design, method, n), design.alpha(), design.power(), design.delta(), design.sd(),
                design.dropout(), after, after * g);
    }
}
