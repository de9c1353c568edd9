package org.painlab.stats.power;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * CDF of the noncentral t distribution, Algorithm AS 243 (Lenth 1989, Appl. Statist. 38,
 * 185-189) with the twin-series initialisation of Guenther (1978), including the refinements
 * R's {@code pnt} uses so results agree with R: real degrees of freedom, an accurate 1 - x,
 * expm1 for the remaining Poisson mass, a normal approximation (Abramowitz &amp; Stegun 26.7.10)
 * when df &gt; 4e5 or |ncp| &gt; 37.62, and the same stopping rule (error bound 1e-12, at most
 * 1000 terms). Neither commons-statistics nor commons-math3 has a noncentral t. Used by
 * {@link MeansPower}; public so other power code (and tests) can use it directly.
 *
 * @since 0.1
 */
public final class NoncentralT {

    private static final int MAX_TERMS = 1000;
    private static final double ERROR_BOUND = 1e-12;
    /** sqrt(2 / pi). */
    private static final double SQRT_2_OVER_PI = 0.797884560802865355879892119869;
    /** log(sqrt(pi)). */
    private static final double LOG_SQRT_PI = 0.572364942924700087071713675677;
    /** 2 ln 2 * 1021 (C's -DBL_MIN_EXP): exp(-ncp^2 / 2) underflows beyond this ncp^2. */
    private static final double NCP2_LIMIT = 2 * Math.log(2) * 1021;

    private NoncentralT() {
    }

    /** P(T &le; t) for T ~ t(df, ncp); NaN for df &le; 0 or NaN arguments. */
    public static double cdf(double t, double df, double ncp) {
        return tail(t, df, ncp, true);
    }

    /** P(T &gt; t) for T ~ t(df, ncp), computed as R's lower.tail = FALSE. */
    public static double sf(double t, double df, double ncp) {
        return tail(t, df, ncp, false);
    }

    private static double tail(double t, double df, double ncp, boolean lower) {
        if (!(df > 0) || Double.isNaN(t) || Double.isNaN(ncp)) {
            return Double.NaN;
        }
        if (ncp == 0) {
            TDistribution central = TDistribution.of(df);
            return lower ? central.cumulativeProbability(t) : central.survivalProbability(t);
        }
        if (Double.isInfinite(t)) {
            return (t < 0) == lower ? 0.0 : 1.0;
        }
        // The series is for t >= 0; P(T <= t; d) = P(T >= -t; -d) reflects the other case.
        boolean reflected = t < 0;
        if (reflected && ncp > 40) {
            // pt(t, df, ncp) <= pt(0, df, ncp) = Phi(-ncp) is 0 in double precision
            return lower ? 0.0 : 1.0;
        }
        double tt = reflected ? -t : t;
        double del = reflected ? -ncp : ncp;
        boolean lowerOfSeries = lower != reflected;

        if (df > 4e5 || del * del > NCP2_LIMIT) {
            double s = 1.0 / (4.0 * df);
            double z = (tt * (1.0 - s) - del) / Math.sqrt(1.0 + tt * tt * 2.0 * s);
            return lowerOfSeries ? StdNormal.cdf(z) : StdNormal.sf(z);
        }

        double tnc = 0;
        double x = t * t;
        double oneMinusX = df / (x + df); // 1 - x, accurately when t^2 << df
        x = x / (x + df);
        if (x > 0) {
            double lambda = del * del;
            double p = 0.5 * Math.exp(-0.5 * lambda); // Poisson weights (even terms)
            if (p == 0) {
                return lowerOfSeries ? 0.0 : 1.0; // underflow; unreachable given NCP2_LIMIT
            }
            double q = SQRT_2_OVER_PI * p * del; // odd-term weights
            double s = 0.5 - p; // Poisson mass not yet used
            if (s < 1e-7) {
                s = -0.5 * Math.expm1(-0.5 * lambda);
            }
            double a = 0.5;
            double b = 0.5 * df;
            double rxb = Math.pow(oneMinusX, b);
            double logBeta = LOG_SQRT_PI + LogGamma.value(b) - LogGamma.value(0.5 + b);
            double xodd = RegularizedBeta.value(x, a, b);
            double godd = 2.0 * rxb * Math.exp(a * Math.log(x) - logBeta);
            double bx = b * x;
            double xeven = bx < 0x1.0p-52 ? bx : 1.0 - rxb;
            double geven = bx * rxb;
            tnc = p * xodd + q * xeven;
            for (int it = 1; it <= MAX_TERMS; it++) {
                a += 1.0;
                xodd -= godd;
                xeven -= geven;
                godd *= x * (a + b - 1.0) / a;
                geven *= x * (a + b - 0.5) / (a + 0.5);
                p *= lambda / (2 * it);
                q *= lambda / (2 * it + 1);
                tnc += p * xodd + q * xeven;
                s -= p;
                if (s < -1e-10) {
                    break; // rounding has eaten the remaining mass: further terms only add noise
                }
                if (s <= 0 && it > 1) {
                    break;
                }
                double errbd = 2.0 * s * (xodd - godd);
                if (Math.abs(errbd) < ERROR_BOUND) {
                    break;
                }
            }
        }
        tnc += StdNormal.cdf(-del);
        double value = Math.min(tnc, 1.0);
        return lowerOfSeries ? value : 0.5 - value + 0.5;
    }
}
