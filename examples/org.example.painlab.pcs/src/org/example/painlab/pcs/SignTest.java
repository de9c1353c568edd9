package org.example.painlab.pcs;

import org.painlab.stats.Alternative;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;

/**
 * The sign test for paired data: the number of positive differences {@code x - y} (zero differences
 * dropped) against a Binomial(n, 1/2), exact p-value, as R's {@code binom.test(sum(d > 0), sum(d != 0))}.
 * Input {@code x} and {@code y} (paired, same length), or {@code x} and {@code mu} for the one-sample
 * version ({@code d = x - mu}).
 */
public final class SignTest implements StatisticalTest {
    /** The id typed on the command line. */
    public static final String ID = "sign-test";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Sign test";
    }

    @Override
    public String description() {
        return "Exact sign test of paired differences x - y (or x - mu); zero differences are dropped. Fields: x, y or x, mu.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        double[] x = input.doubles("x");
        double[] d;
        if (input.has("y")) {
            double[] y = input.doubles("y");
            if (y.length != x.length) {
                throw new IllegalArgumentException("fields 'x' and 'y' must be paired (same length): x has "
                        + x.length + " values, y has " + y.length);
            }
            d = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                d[i] = x[i] - y[i];
            }
        } else {
            double mu = input.scalar("mu", 0);
            d = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                d[i] = x[i] - mu;
            }
        }
        int positive = 0;
        int nonZero = 0;
        for (double v : d) {
            if (v != 0) {
                nonZero++;
                if (v > 0) {
                    positive++;
                }
            }
        }
        if (nonZero == 0) {
            throw new IllegalArgumentException("field 'x': every difference is zero; the sign test needs at least one non-zero difference");
        }
        Alternative alt = options.alternative();
        double p = pValue(positive, nonZero, alt);
        return TestResult.builder(ID)
                .statistic("S", positive)
                .pValue(p)
                .estimate("probability of a positive difference", (double) positive / nonZero)
                .alternative(alt)
                .extra("n_nonzero", nonZero)
                .extra("zeros_dropped", d.length - nonZero)
                .build();
    }

    /** Exact p-value of {@code s} successes out of {@code n} under Binomial(n, 1/2). */
    static double pValue(int s, int n, Alternative alternative) {
        double lower = BinomialHalf.cdf(s, n);
        double upper = BinomialHalf.survival(s, n);
        return switch (alternative) {
            case LESS -> lower;
            case GREATER -> upper;
            default -> Math.min(1.0, 2 * Math.min(lower, upper));
        };
    }
}
