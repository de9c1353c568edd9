package org.painlab.stats.internal.tests;

import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.RoystonShapiroWilk;

/** Shapiro-Wilk normality test of field x, as R's shapiro.test (Royston's AS R94, n 3..5000). */
public final class ShapiroWilkTest implements StatisticalTest {

    @Override
    public String id() {
        return "shapiro-wilk";
    }

    @Override
    public String name() {
        return "Shapiro-Wilk normality test";
    }

    @Override
    public String description() {
        return "Tests whether the values in field 'x' (3 to 5000 of them) come from a normal distribution;"
                + " W and p by Royston's algorithm AS R94, as R's shapiro.test.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        double[] x = input.doubles("x");
        RoystonShapiroWilk sw = RoystonShapiroWilk.of(x);
        return TestResult.builder(id())
                .statistic("W", sw.w())
                .pValue(sw.pValue())
                .extra("n", x.length)
                .build();
    }
}
