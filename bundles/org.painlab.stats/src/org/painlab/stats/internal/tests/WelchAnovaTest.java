package org.painlab.stats.internal.tests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.Distributions;
import org.painlab.stats.internal.math.Moments;

/**
 * Welch's one-way ANOVA (unequal variances), as R's oneway.test(var.equal = FALSE); not in
 * commons-statistics.
 */
public final class WelchAnovaTest implements StatisticalTest {

    @Override
    public String id() {
        return "welch-anova";
    }

    @Override
    public String name() {
        return "Welch's one-way ANOVA";
    }

    @Override
    public String description() {
        return "Compares the means of the samples in field 'groups' without assuming equal variances (Welch F"
                + " with fractional denominator df), as R's oneway.test(var.equal = FALSE).";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        LinkedHashMap<String, double[]> groups = input.groups();
        Samples.requireGroups(groups, 2, "Welch's ANOVA");
        int k = groups.size();
        double[] n = new double[k];
        double[] m = new double[k];
        double[] w = new double[k];
        double sumW = 0;
        int i = 0;
        for (var e : groups.entrySet()) {
            double[] g = e.getValue();
            if (g.length < 2) {
                throw new IllegalArgumentException("group '" + e.getKey() + "' in field 'groups' needs at least 2 values"
                        + " for Welch's ANOVA, it has " + g.length);
            }
            double v = Moments.variance(g);
            if (v == 0) {
                throw new IllegalArgumentException("group '" + e.getKey() + "' in field 'groups' has zero variance;"
                        + " Welch's ANOVA weights groups by 1/variance");
            }
            n[i] = g.length;
            m[i] = Moments.mean(g);
            w[i] = n[i] / v;
            sumW += w[i];
            i++;
        }
        double tmp = 0;
        double weightedMean = 0;
        for (i = 0; i < k; i++) {
            double share = 1 - w[i] / sumW;
            tmp += share * share / (n[i] - 1);
            weightedMean += w[i] * m[i];
        }
        tmp /= (double) k * k - 1;
        weightedMean /= sumW;
        double between = 0;
        for (i = 0; i < k; i++) {
            between += w[i] * (m[i] - weightedMean) * (m[i] - weightedMean);
        }
        double f = between / ((k - 1) * (1 + 2 * (k - 2) * tmp));
        double df2 = 1 / (3 * tmp);
        return TestResult.builder(id())
                .statistic("F", f)
                .df(k - 1)
                .df2(df2)
                .pValue(Distributions.fSf(f, k - 1, df2))
                .extra("groups", new ArrayList<>(groups.keySet()))
                .extra("means", m)
                .build();
    }
}
