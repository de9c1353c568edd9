package org.painlab.stats.internal.tests;

import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;

/** Paired t test on x - y (or pre - post), as R's t.test(x, y, paired = TRUE). */
public final class PairedTTest implements StatisticalTest {

    @Override
    public String id() {
        return "t-paired";
    }

    @Override
    public String name() {
        return "Paired t test";
    }

    @Override
    public String description() {
        return "Tests whether the mean of the pairwise differences x - y (fields 'x'/'y' or 'pre'/'post')"
                + " equals 'mu' (default 0), as R's t.test(paired = TRUE); effect sizes: mean difference, Cohen's d_z.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        PairedSamples pairs = PairedSamples.from(input);
        return OneSampleT.run(id(), pairs.differences(), pairs.firstField() + " - " + pairs.secondField(),
                input.scalar("mu", 0), options, "mean difference", "Cohen's d_z");
    }
}
