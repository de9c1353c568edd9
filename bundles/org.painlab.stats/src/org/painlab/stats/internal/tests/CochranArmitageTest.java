package org.painlab.stats.internal.tests;

import org.painlab.stats.Alternative;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.Distributions;

/**
 * Cochran-Armitage test for trend in proportions, as R's prop.trend.test: the regression sum of
 * squares of the proportions on the scores with weights n / (p(1 - p)), chi-square with 1 df
 * (variance with N; the linear-by-linear M2 is (N - 1)/N times it). Z is its signed root, used
 * for one-sided alternatives (positive when proportions rise with the score).
 */
public final class CochranArmitageTest implements StatisticalTest {

    @Override
    public String id() {
        return "cochran-armitage";
    }

    @Override
    public String name() {
        return "Cochran-Armitage test for trend";
    }

    @Override
    public String description() {
        return "Tests a linear trend in proportions events/totals (fields 'events', 'totals', optional 'scores',"
                + " default 1..k) as R's prop.trend.test; one-sided alternatives use the signed Z.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        int[] events = input.ints("events");
        int[] totals = input.ints("totals");
        if (events.length != totals.length) {
            throw new IllegalArgumentException("fields 'events' and 'totals' must have the same length ("
                    + events.length + " vs " + totals.length + ")");
        }
        int k = events.length;
        if (k < 2) {
            throw new IllegalArgumentException("field 'events' needs at least 2 groups for a trend test, it has " + k);
        }
        double[] scores = new double[k];
        if (input.has("scores")) {
            scores = input.doubles("scores");
            if (scores.length != k) {
                throw new IllegalArgumentException("field 'scores' must have one score per group (" + k + "), it has "
                        + scores.length);
            }
        } else {
            for (int i = 0; i < k; i++) {
                scores[i] = i + 1;
            }
        }
        double sumEvents = 0;
        double sumTotals = 0;
        for (int i = 0; i < k; i++) {
            if (totals[i] <= 0) {
                throw new IllegalArgumentException("field 'totals' element " + i + " must be positive, not " + totals[i]);
            }
            if (events[i] < 0 || events[i] > totals[i]) {
                throw new IllegalArgumentException("field 'events' element " + i + " must be between 0 and the total "
                        + totals[i] + ", not " + events[i]);
            }
            sumEvents += events[i];
            sumTotals += totals[i];
        }
        double pooled = sumEvents / sumTotals;
        if (pooled == 0 || pooled == 1) {
            throw new IllegalArgumentException("field 'events': all or no observations are events, the trend test is"
                    + " not defined");
        }
        // weighted least squares of the proportions on the scores, weights n / (p (1 - p))
        double sw = 0;
        double ss = 0;
        double sf = 0;
        double[] w = new double[k];
        double[] f = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = totals[i] / pooled / (1 - pooled);
            f[i] = (double) events[i] / totals[i];
            sw += w[i];
            ss += w[i] * scores[i];
            sf += w[i] * f[i];
        }
        double meanScore = ss / sw;
        double meanF = sf / sw;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < k; i++) {
            sxy += w[i] * (scores[i] - meanScore) * (f[i] - meanF);
            sxx += w[i] * (scores[i] - meanScore) * (scores[i] - meanScore);
        }
        if (!(sxx > 0)) {
            throw new IllegalArgumentException("field 'scores': the scores do not vary, the trend is not defined");
        }
        double chisq = sxy * sxy / sxx;
        double z = sxy / Math.sqrt(sxx);
        Alternative alternative = options.alternative();
        double p = alternative == Alternative.TWO_SIDED
                ? Distributions.chiSquareSf(chisq, 1)
                : Distributions.normalPValue(z, alternative);
        return TestResult.builder(id())
                .statistic("X-squared", chisq)
                .df(1)
                .pValue(p)
                .alternative(alternative)
                .extra("Z", z)
                .extra("scores", scores)
                .extra("proportions", f)
                .build();
    }
}
