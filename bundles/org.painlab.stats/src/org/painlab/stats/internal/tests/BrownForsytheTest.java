package org.painlab.stats.internal.tests;

import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.Moments;

/** Brown-Forsythe test of equal variances: Levene's test centred on the group medians. */
public final class BrownForsytheTest implements StatisticalTest {

    @Override
    public String id() {
        return "brown-forsythe";
    }

    @Override
    public String name() {
        return "Brown-Forsythe test (median-centred Levene)";
    }

    @Override
    public String description() {
        return "Tests equality of variances across the samples in field 'groups' by one-way ANOVA of absolute"
                + " deviations from the group medians, as car::leveneTest(center = median); robust to skewness.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        return AbsoluteDeviationAnova.run(id(), input, Moments::median, "median");
    }
}
