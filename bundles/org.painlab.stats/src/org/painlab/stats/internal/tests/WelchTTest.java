package org.painlab.stats.internal.tests;

import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;

/** Welch's two-sample t test; effect sizes: mean difference, Cohen's d, Hedges' g. */
public final class WelchTTest implements StatisticalTest {

    @Override
    public String id() {
        return "t-welch";
    }

    @Override
    public String name() {
        return "Welch's two-sample t test";
    }

    @Override
    public String description() {
        return "Compares the means of fields 'x' and 'y' without assuming equal variances (Satterthwaite df), as R's t.test(var.equal = FALSE); optional field 'mu' is the null difference.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        return TwoSampleT.run(id(), input, options, false);
    }
}
