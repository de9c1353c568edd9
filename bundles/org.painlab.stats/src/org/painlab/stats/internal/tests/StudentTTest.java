package org.painlab.stats.internal.tests;

import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;

/** Student's two-sample t test; effect sizes: mean difference, Cohen's d, Hedges' g. */
public final class StudentTTest implements StatisticalTest {

    @Override
    public String id() {
        return "t-student";
    }

    @Override
    public String name() {
        return "Student's two-sample t test";
    }

    @Override
    public String description() {
        return "Compares the means of fields 'x' and 'y' assuming equal variances (pooled), as R's t.test(var.equal = TRUE); optional field 'mu' is the null difference.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        return TwoSampleT.run(id(), input, options, true);
    }
}
