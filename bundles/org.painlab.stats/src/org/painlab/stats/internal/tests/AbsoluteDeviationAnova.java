package org.painlab.stats.internal.tests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.statistics.inference.OneWayAnova;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestResult;

/**
 * Levene-type homogeneity of variance test: one-way ANOVA of the absolute deviations from each
 * group's centre, as car::leveneTest. The centre decides the variant (mean: Levene, median:
 * Brown-Forsythe).
 */
final class AbsoluteDeviationAnova {

    private AbsoluteDeviationAnova() {
    }

    static TestResult run(String method, TestInput input, ToDoubleFunction<double[]> centre, String centreName) {
        LinkedHashMap<String, double[]> groups = input.groups();
        Samples.requireGroups(groups, 2, "a test of equal variances");
        List<double[]> deviations = new ArrayList<>();
        int n = 0;
        boolean spread = false;
        for (double[] g : groups.values()) {
            double c = centre.applyAsDouble(g);
            double[] z = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                z[i] = Math.abs(g[i] - c);
                spread |= z[i] != 0;
            }
            deviations.add(z);
            n += g.length;
        }
        int k = groups.size();
        if (n - k < 1) {
            throw new IllegalArgumentException("field 'groups' needs more values than groups for a test of equal"
                    + " variances (" + n + " values in " + k + " groups)");
        }
        if (!spread) {
            throw new IllegalArgumentException("field 'groups': every group is constant, there is no variance to"
                    + " compare");
        }
        OneWayAnova.Result anova = OneWayAnova.withDefaults().test(deviations);
        return TestResult.builder(method)
                .statistic("F", anova.getStatistic())
                .pValue(anova.getPValue())
                .df(k - 1)
                .df2(n - k)
                .extra("center", centreName)
                .extra("groups", new ArrayList<>(groups.keySet()))
                .build();
    }
}
