package org.painlab.stats.internal.tests;

import org.apache.commons.statistics.inference.TTest;
import org.painlab.stats.Alternative;
import org.painlab.stats.EffectSize;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.Moments;
import org.painlab.stats.internal.math.StandardizedMeanDifference;

/**
 * One-sample t test of values against mu, as R's t.test(x, mu = ...); the paired t test runs it
 * on the differences. Statistic and p from commons-statistics, interval as R builds it.
 */
final class OneSampleT {

    private OneSampleT() {
    }

    static TestResult run(String method, double[] values, String field, double mu, TestOptions options,
            String estimateName, String effectName) {
        if (values.length < 2) {
            throw new IllegalArgumentException("field '" + field + "' needs at least 2 values for a t test, it has "
                    + values.length);
        }
        Samples.requireSpread(values, field, "a t test");
        int n = values.length;
        double mean = Moments.mean(values);
        double sd = Math.sqrt(Moments.variance(values));
        double stderr = sd / Math.sqrt(n);
        Alternative alternative = options.alternative();
        TTest.Result r = TTest.withDefaults().with(CommonsAdapter.alternative(alternative)).withMu(mu).test(values);
        double df = r.getDegreesOfFreedom();
        double t = r.getStatistic();
        double[] ci = interval(t, df, stderr, mu, alternative, options.confLevel());
        return TestResult.builder(method)
                .statistic("t", t)
                .df(df)
                .pValue(r.getPValue())
                .estimate(estimateName, mean)
                .confInt(ci[0], ci[1])
                .alternative(alternative)
                .extra("stderr", stderr)
                .extra("n", n)
                .extra("sd", sd)
                .effectSize(new EffectSize(estimateName + " - mu", mean - mu, ci[0] - mu, ci[1] - mu,
                        options.confLevel()))
                .effectSize(StandardizedMeanDifference.oneSample(mean - mu, sd, n, alternative, options.confLevel(),
                        effectName))
                .build();
    }

    /** R's interval: mu + (t -/+ qt(conf)) * stderr, open on one side for one-sided tests. */
    static double[] interval(double t, double df, double stderr, double mu, Alternative alternative,
            double confLevel) {
        double q = TwoSampleT.quantile(df, confLevel, alternative);
        return switch (alternative) {
            case LESS -> new double[] {Double.NEGATIVE_INFINITY, mu + (t + q) * stderr};
            case GREATER -> new double[] {mu + (t - q) * stderr, Double.POSITIVE_INFINITY};
            case TWO_SIDED -> new double[] {mu + (t - q) * stderr, mu + (t + q) * stderr};
        };
    }
}
