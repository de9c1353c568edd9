package org.painlab.stats.internal.tests;

import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;

/** One-sample t test of field x against field mu (default 0), as R's t.test(x, mu = ...). */
public final class OneSampleTTest implements StatisticalTest {

    @Override
    public String id() {
        return "t-one-sample";
    }

    @Override
    public String name() {
        return "One-sample t test";
    }

    @Override
    public String description() {
        return "Tests whether the mean of field 'x' equals field 'mu' (default 0), as R's t.test(x, mu = ...);"
                + " effect sizes: mean - mu, Cohen's d.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        return OneSampleT.run(id(), input.doubles("x"), "x", input.scalar("mu", 0), options, "mean of x",
                "Cohen's d");
    }
}
