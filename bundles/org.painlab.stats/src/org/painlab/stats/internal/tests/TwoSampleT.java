package org.painlab.stats.internal.tests;

import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;
import org.painlab.stats.Alternative;
import org.painlab.stats.EffectSize;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.Distributions;
import org.painlab.stats.internal.math.Moments;
import org.painlab.stats.internal.math.StandardizedMeanDifference;

/**
 * Independent two-sample t test of fields x and y, pooled (Student) or Satterthwaite (Welch),
 * as R's t.test(x, y, var.equal = ...). The statistic, df and p come from commons-statistics,
 * which reproduces R; the interval is R's mu + (t -/+ qt) * stderr.
 */
final class TwoSampleT {

    private TwoSampleT() {
    }

    static TestResult run(String method, TestInput input, TestOptions options, boolean equalVariances) {
        double[] x = Samples.atLeast(input, "x", 2, "a two-sample t test");
        double[] y = Samples.atLeast(input, "y", 2, "a two-sample t test");
        double mu = input.scalar("mu", 0);
        int nx = x.length;
        int ny = y.length;
        double mx = Moments.mean(x);
        double my = Moments.mean(y);
        double vx = Moments.variance(x);
        double vy = Moments.variance(y);
        if (vx == 0 && vy == 0) {
            throw new IllegalArgumentException("fields 'x' and 'y': both samples are constant, the t statistic is"
                    + " not defined");
        }
        Alternative alternative = options.alternative();
        TTest.Result r = TTest.withDefaults()
                .with(equalVariances ? DataDispersion.HOMOSCEDASTIC : DataDispersion.HETEROSCEDASTIC)
                .with(CommonsAdapter.alternative(alternative))
                .withMu(mu)
                .test(x, y);
        double df = r.getDegreesOfFreedom();
        double t = r.getStatistic();
        double pooledVar = ((nx - 1) * vx + (ny - 1) * vy) / (nx + ny - 2);
        double stderr = equalVariances
                ? Math.sqrt(pooledVar * (1.0 / nx + 1.0 / ny))
                : Math.sqrt(vx / nx + vy / ny);
        double[] ci = OneSampleT.interval(t, df, stderr, mu, alternative, options.confLevel());

        TestResult.Builder b = TestResult.builder(method)
                .statistic("t", t)
                .df(df)
                .pValue(r.getPValue())
                .estimate("mean of x", mx)
                .estimate("mean of y", my)
                .confInt(ci[0], ci[1])
                .alternative(alternative)
                .extra("stderr", stderr)
                .extra("n_x", nx)
                .extra("n_y", ny)
                .extra("sd_x", Math.sqrt(vx))
                .extra("sd_y", Math.sqrt(vy));
        b.effectSize(new EffectSize("mean difference (x - y)", mx - my, ci[0], ci[1], options.confLevel()));
        for (EffectSize es : StandardizedMeanDifference.twoSample(mx - my - mu, Math.sqrt(pooledVar), nx, ny,
                alternative, options.confLevel())) {
            b.effectSize(es);
        }
        return b.build();
    }

    /** @return the t quantile of R's interval: qt(1 - alpha/2, df) two-sided, qt(conf, df) one-sided */
    static double quantile(double df, double confLevel, Alternative alternative) {
        return alternative == Alternative.TWO_SIDED
                ? Distributions.tUpperQuantile((1 - confLevel) / 2, df)
                : Distributions.tUpperQuantile(1 - confLevel, df);
    }
}
