package org.painlab.stats.power;

import java.util.Objects;

/**
 * Power and sample size for comparing two independent proportions (group 1 vs group 2).
 *
 * <p>Normal approximations, with z_a = z(1 - alpha/sides), z_b = z(power), d = |p1 - p2|,
 * k = n2/n1, pbar = (p1 + k p2)/(1 + k), v = p1 q1 + p2 q2 / k (Fleiss, Levin &amp; Paik 2003,
 * ch. 4; Chow, Shao &amp; Wang 2008, ch. 4):
 * <ul>
 * <li>{@code pooled}: n1 = (z_a sqrt(pbar qbar (1 + 1/k)) + z_b sqrt(v))^2 / d^2; for k = 1 this
 * is R's {@code power.prop.test}.</li>
 * <li>{@code unpooled}: n1 = (z_a + z_b)^2 v / d^2.</li>
 * <li>{@code cc}: n1 = n/4 (1 + sqrt(1 + 2(k+1)/(k n d)))^2 with n the pooled n1; it is the exact
 * inverse of the pooled power with d replaced by d - (1/n1 + 1/n2)/2.</li>
 * <li>{@code arcsine}: n1 = (z_a + z_b)^2 (1 + 1/k) / h^2, h = |2 asin sqrt(p1) - 2 asin sqrt(p2)|.</li>
 * </ul>
 * Their power functions count only the rejection tail on the side of the effect (as R's
 * {@code power.prop.test} with {@code strict = FALSE}), so each closed-form n is the exact root
 * of its own power function.
 *
 * <p>{@code exact}: power by full binomial enumeration of the test in {@link ExactOptions}. Exact
 * power is saw-toothed in n, so n is searched upward from a start below the normal
 * approximation (80% of it, halved further while the exact power there still reaches the
 * target), and n below that start are taken to be under target.
 *
 * @since 0.1
 */
public final class TwoProportionPower {

    private TwoProportionPower() {
    }

    /** Power at group-1 size n1 (group 2 gets ceil(ratio * n1)); exact uses the default options. */
    public static double power(TwoProportionDesign design, TwoProportionMethod method, int n1) {
        return power(design, method, ExactOptions.defaults(), n1, design.n2For(n1));
    }

    /**
     * Power at explicit group sizes.
     *
     * @param options used only by {@link TwoProportionMethod#EXACT}
     */
    public static double power(TwoProportionDesign design, TwoProportionMethod method, ExactOptions options,
            int n1, int n2) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(options, "options");
        if (n1 < 1 || n2 < 1) {
            throw new IllegalArgumentException("group sizes must be >= 1: n1=" + n1 + ", n2=" + n2);
        }
        if (method == TwoProportionMethod.EXACT) {
            return ExactEnumeration.power(design.p1(), design.p2(), n1, n2, design.alpha(), design.alternative(),
                    options.test(), options.fisherRule());
        }
        return approximatePower(design, method, n1, n2);
    }

    /**
     * Approximate power at real-valued group sizes (useful for smooth curves).
     *
     * @throws IllegalArgumentException for {@link TwoProportionMethod#EXACT}
     */
    public static double approximatePower(TwoProportionDesign design, TwoProportionMethod method, double n1,
            double n2) {
        double za = StdNormal.upperQuantile(design.alpha() / design.alternative().sides());
        double p1 = design.p1();
        double p2 = design.p2();
        double d = Math.abs(p1 - p2);
        double inv = 1 / n1 + 1 / n2;
        double sdH1 = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double pbar = (n1 * p1 + n2 * p2) / (n1 + n2);
        double sdH0 = Math.sqrt(pbar * (1 - pbar) * inv);
        return switch (method) {
            case POOLED -> ratioToPower(d - za * sdH0, sdH1);
            case UNPOOLED -> ratioToPower(d - za * sdH1, sdH1);
            case CC -> ratioToPower(d - inv / 2 - za * sdH0, sdH1);
            case ARCSINE -> StdNormal.cdf(cohenH(p1, p2) / Math.sqrt(inv) - za);
            case EXACT -> throw new IllegalArgumentException("exact power needs integer n: use power(...)");
        };
    }

    /** Phi(num / sd); a zero sd (p1, p2 both 0 or 1) makes the outcome certain. */
    private static double ratioToPower(double num, double sd) {
        if (sd == 0) {
            return num > 0 ? 1.0 : 0.0;
        }
        return StdNormal.cdf(num / sd);
    }

    private static double cohenH(double p1, double p2) {
        return Math.abs(2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2)));
    }

    /**
     * Unrounded group-1 n of a normal-approximation method.
     *
     * @throws IllegalArgumentException for {@link TwoProportionMethod#EXACT} or p1 == p2
     */
    public static double approximateN(TwoProportionDesign design, TwoProportionMethod method) {
        requireEffect(design);
        double za = StdNormal.upperQuantile(design.alpha() / design.alternative().sides());
        double zb = StdNormal.upperQuantile(1 - design.power());
        double p1 = design.p1();
        double p2 = design.p2();
        double k = design.ratio();
        double d = Math.abs(p1 - p2);
        double v = p1 * (1 - p1) + p2 * (1 - p2) / k;
        return switch (method) {
            case POOLED -> pooledN(za, zb, p1, p2, k, d, v);
            case UNPOOLED -> (za + zb) * (za + zb) * v / (d * d);
            case CC -> {
                double n = pooledN(za, zb, p1, p2, k, d, v);
                double root = 1 + Math.sqrt(1 + 2 * (k + 1) / (k * n * d));
                yield n / 4 * root * root;
            }
            case ARCSINE -> {
                double h = cohenH(p1, p2);
                yield (za + zb) * (za + zb) * (1 + 1 / k) / (h * h);
            }
            case EXACT -> throw new IllegalArgumentException("exact has no closed form: use sampleSize(...)");
        };
    }

    private static double pooledN(double za, double zb, double p1, double p2, double k, double d, double v) {
        double pbar = (p1 + k * p2) / (1 + k);
        double a = za * Math.sqrt(pbar * (1 - pbar) * (1 + 1 / k)) + zb * Math.sqrt(v);
        return a * a / (d * d);
    }

    /** Sample size by the given method; exact uses {@link ExactOptions#defaults()}. */
    public static TwoProportionResult sampleSize(TwoProportionDesign design, TwoProportionMethod method) {
        return sampleSize(design, method, ExactOptions.defaults());
    }

    /**
     * Sample size by the given method.
     *
     * @param options used only by {@link TwoProportionMethod#EXACT}
     * @throws IllegalArgumentException if p1 == p2
     * @throws IllegalStateException    if exact power does not reach the target by
     *                                  {@link ExactOptions#maxN()}
     */
    public static TwoProportionResult sampleSize(TwoProportionDesign design, TwoProportionMethod method,
            ExactOptions options) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(options, "options");
        requireEffect(design);
        if (method == TwoProportionMethod.EXACT) {
            int n1 = exactN(design, options);
            int n2 = design.n2For(n1);
            return result(design, method, options.test().id(), Double.NaN, n1, n2,
                    power(design, method, options, n1, n2));
        }
        double raw = approximateN(design, method);
        int n1 = Math.max(1, Checks.ceilGuarded(raw));
        int n2 = design.n2For(n1);
        return result(design, method, null, raw, n1, n2, approximatePower(design, method, n1, n2));
    }

    private static TwoProportionResult result(TwoProportionDesign d, TwoProportionMethod method, String exactTest,
            double raw, int n1, int n2, double achieved) {
        return new TwoProportionResult(method.id(), exactTest, d.alternative().id(), raw, n1, n2, n1 + n2, achieved,
                d.alpha(), d.power(), d.p1(), d.p2(), d.ratio(), d.dropout(),
                Checks.afterDropout(n1, d.dropout()), Checks.afterDropout(n2, d.dropout()));
    }

    private static int exactN(TwoProportionDesign design, ExactOptions options) {
        double target = design.power();
        // Fisher is conservative, so the continuity-corrected n is its closer approximation.
        TwoProportionMethod guide = options.test() == ExactTest.FISHER ? TwoProportionMethod.CC
                : TwoProportionMethod.POOLED;
        double approx = approximateN(design, guide);
        int start = (int) Math.max(1, Math.min(options.maxN(), Math.floor(0.8 * approx)));
        // Make sure the search starts below target (saw-teeth can dip, but not by 20%+ of n).
        while (start > 1 && exactPower(design, options, start) >= target) {
            start /= 2;
        }
        if (start == 1 && exactPower(design, options, 1) >= target) {
            return 1;
        }
        int first = -1;
        for (int n = start + 1; n <= options.maxN(); n++) {
            if (exactPower(design, options, n) >= target) {
                first = n;
                break;
            }
        }
        if (first < 0) {
            throw new IllegalStateException("exact power does not reach " + target + " for n1 <= " + options.maxN());
        }
        if (options.searchRule() == ExactSearchRule.FIRST_REACHING) {
            return first;
        }
        // Stays above: the candidate survives once 'lookahead' consecutive n after it reach target.
        int candidate = first;
        int n = first + 1;
        while (n - candidate <= options.lookaheadFor(candidate)) {
            if (n > options.maxN()) {
                throw new IllegalStateException(
                        "exact power does not stay above " + target + " for n1 <= " + options.maxN());
            }
            if (exactPower(design, options, n) < target) {
                candidate = n + 1;
            }
            n++;
        }
        return candidate;
    }

    private static double exactPower(TwoProportionDesign design, ExactOptions options, int n1) {
        return ExactEnumeration.power(design.p1(), design.p2(), n1, design.n2For(n1), design.alpha(),
                design.alternative(), options.test(), options.fisherRule());
    }

    private static void requireEffect(TwoProportionDesign design) {
        Objects.requireNonNull(design, "design");
        if (design.p1() == design.p2()) {
            throw new IllegalArgumentException("p1 == p2 = " + design.p1() + ": there is no difference to detect");
        }
    }
}
