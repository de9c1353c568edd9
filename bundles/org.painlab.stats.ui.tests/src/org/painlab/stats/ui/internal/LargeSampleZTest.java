package org.painlab.stats.ui.internal;

import org.painlab.stats.Alternative;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;

/**
 * A statistical test as another plugin would contribute it (fragment.xml of this test fragment,
 * appliesTo two-groups-continuous): the large-sample z test of a difference in means, two-sided.
 */
public final class LargeSampleZTest implements StatisticalTest {
    /** The contribution's id (fragment.xml). */
    public static final String ID = "org.painlab.stats.ui.tests.z-test";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Large-sample z test";
    }

    @Override
    public String description() {
        return "Two independent samples x and y: z = difference in means over its standard error (unpooled), two-sided normal P.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        double[] x = input.doubles("x");
        double[] y = input.doubles("y");
        if (x.length < 2 || y.length < 2) {
            throw new IllegalArgumentException("field '" + (x.length < 2 ? "x" : "y") + "': at least 2 values are needed");
        }
        double mx = mean(x);
        double my = mean(y);
        double se = Math.sqrt(variance(x, mx) / x.length + variance(y, my) / y.length);
        if (se == 0) {
            throw new IllegalArgumentException("fields 'x', 'y': no variation, z is undefined");
        }
        double z = (mx - my) / se;
        return TestResult.builder(ID).statistic("z", z).pValue(Math.min(1, erfc(Math.abs(z) / Math.sqrt(2))))
                .estimate("difference in means", mx - my).alternative(Alternative.TWO_SIDED).build();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double d : v) {
            s += (d - mean) * (d - mean);
        }
        return s / (v.length - 1);
    }

    /** Complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
