package org.painlab.stats.internal.tests;

import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.Moments;

/** Levene's test of equal variances, mean-centred (car::leveneTest center = mean; SPSS "Based on Mean"). */
public final class LeveneTest implements StatisticalTest {

    @Override
    public String id() {
        return "levene";
    }

    @Override
    public String name() {
        return "Levene's test (mean-centred)";
    }

    @Override
    public String description() {
        return "Tests equality of variances across the samples in field 'groups' by one-way ANOVA of absolute"
                + " deviations from the group means, as car::leveneTest(center = mean).";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        return AbsoluteDeviationAnova.run(id(), input, Moments::mean, "mean");
    }
}
