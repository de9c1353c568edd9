package org.painlab.stats.internal.tests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.apache.commons.statistics.inference.OneWayAnova;
import org.painlab.stats.EffectSize;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;

/** Classical one-way ANOVA (equal variances) of field groups, as R's anova(lm(y ~ group)). */
public final class OneWayAnovaTest implements StatisticalTest {

    @Override
    public String id() {
        return "anova";
    }

    @Override
    public String name() {
        return "One-way ANOVA";
    }

    @Override
    public String description() {
        return "Compares the means of the samples in field 'groups' assuming equal variances (F test), as R's"
                + " anova(lm(y ~ group)); effect sizes: eta squared and omega squared.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        LinkedHashMap<String, double[]> groups = input.groups();
        Samples.requireGroups(groups, 2, "an ANOVA");
        int k = groups.size();
        int n = Samples.pooled(groups).length;
        if (n - k < 1) {
            throw new IllegalArgumentException("field 'groups' needs more values than groups for an ANOVA (" + n
                    + " values in " + k + " groups)");
        }
        OneWayAnova.Result r = OneWayAnova.withDefaults().test(groups.values());
        double dfb = k - 1;
        double dfw = n - k;
        double msb = r.getMSBG();
        double msw = r.getMSWG();
        double ssb = msb * dfb;
        double ssw = msw * dfw;
        double sst = ssb + ssw;
        return TestResult.builder(id())
                .statistic("F", r.getStatistic())
                .df(dfb)
                .df2(dfw)
                .pValue(r.getPValue())
                .extra("SS_between", ssb)
                .extra("SS_within", ssw)
                .extra("MS_between", msb)
                .extra("MS_within", msw)
                .extra("groups", new ArrayList<>(groups.keySet()))
                .effectSize(EffectSize.pointOnly("eta squared", ssb / sst))
                .effectSize(EffectSize.pointOnly("omega squared", (ssb - dfb * msw) / (sst + msw)))
                .build();
    }
}
