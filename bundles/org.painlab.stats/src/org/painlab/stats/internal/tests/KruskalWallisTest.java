package org.painlab.stats.internal.tests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.painlab.stats.EffectSize;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.Distributions;
import org.painlab.stats.internal.math.Ranks;

/** Kruskal-Wallis rank test of field groups with tie correction, chi-square approximation, as R's kruskal.test. */
public final class KruskalWallisTest implements StatisticalTest {

    @Override
    public String id() {
        return "kruskal-wallis";
    }

    @Override
    public String name() {
        return "Kruskal-Wallis test";
    }

    @Override
    public String description() {
        return "Compares the samples in field 'groups' by ranks (H with tie correction, chi-square with k-1 df),"
                + " as R's kruskal.test; effect size: epsilon squared = H / (n - 1).";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        LinkedHashMap<String, double[]> groups = input.groups();
        Samples.requireGroups(groups, 2, "a Kruskal-Wallis test");
        double[] all = Samples.pooled(groups);
        int n = all.length;
        Ranks ranks = Ranks.of(all);
        double[] rankSums = new double[groups.size()];
        double sum = 0;
        int offset = 0;
        int g = 0;
        for (double[] values : groups.values()) {
            double rs = 0;
            for (int i = 0; i < values.length; i++) {
                rs += ranks.ranks()[offset + i];
            }
            rankSums[g++] = rs;
            sum += rs * rs / values.length;
            offset += values.length;
        }
        double tieFactor = 1 - ranks.tieCubeSum() / ((double) n * n * n - n);
        if (!(tieFactor > 0)) {
            throw new IllegalArgumentException("field 'groups': all values are tied, the Kruskal-Wallis test is not"
                    + " defined");
        }
        double uncorrected = 12 * sum / (n * (n + 1.0)) - 3 * (n + 1.0);
        double h = uncorrected / tieFactor;
        int df = groups.size() - 1;
        return TestResult.builder(id())
                .statistic("Kruskal-Wallis chi-squared", h)
                .df(df)
                .pValue(Distributions.chiSquareSf(h, df))
                .extra("H_uncorrected", uncorrected)
                .extra("tie_correction_factor", tieFactor)
                .extra("rank_sums", rankSums)
                .extra("groups", new ArrayList<>(groups.keySet()))
                .extra("n", n)
                .effectSize(EffectSize.pointOnly("epsilon squared", h / (n - 1)))
                .build();
    }
}
