package org.painlab.stats.internal.tests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.Distributions;
import org.painlab.stats.internal.math.KaplanMeier;
import org.painlab.stats.internal.math.LogRank;

/**
 * Log-rank test (Mantel-Haenszel, as survival::survdiff) comparing survival between groups, with
 * Kaplan-Meier estimates per group (as survfit). The option extra (or input field) "rho" selects
 * the G-rho family member: 0 log-rank (default), 1 Peto-Peto.
 */
public final class LogRankTest implements StatisticalTest {

    @Override
    public String id() {
        return "log-rank";
    }

    @Override
    public String name() {
        return "Log-rank test with Kaplan-Meier estimates";
    }

    @Override
    public String description() {
        return "Compares survival curves of the groups in field 'group' from fields 'time' and 'status' (1 event,"
                + " 0 censored) as survival::survdiff (rho 0 log-rank, rho 1 Peto-Peto); Kaplan-Meier tables with"
                + " Greenwood SE, log and log-log intervals and medians per group as survfit.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        SurvivalData data = SurvivalData.from(input);
        int groups = data.labels().size();
        if (groups < 2) {
            throw new IllegalArgumentException("field 'group' needs at least 2 groups for a log-rank test, it has "
                    + groups);
        }
        double rho = options.extraDouble("rho", input.scalar("rho", 0));
        LogRank test = LogRank.of(data.time(), data.status(), data.group(), groups, rho);
        if (test.df() < 1) {
            throw new IllegalArgumentException("field 'status': fewer than two groups have subjects at risk at an event"
                    + " time, the log-rank test is not defined");
        }

        List<Object> km = new ArrayList<>();
        Map<String, Object> medians = new LinkedHashMap<>();
        Map<String, Object> medianCi = new LinkedHashMap<>();
        for (int g = 0; g < groups; g++) {
            String label = data.labels().get(g);
            KaplanMeier curve = KaplanMeier.of(data.timesOf(g), data.statusOf(g));
            km.add(curve.toMap(label, options.confLevel()));
            double[][] band = curve.confidenceBands(options.confLevel(), false);
            medians.put(label, curve.median(curve.surv()));
            medianCi.put(label, new double[] {curve.median(band[0]), curve.median(band[1])});
        }
        return TestResult.builder(id())
                .statistic("Chisq", test.chiSquare())
                .df(test.df())
                .pValue(Distributions.chiSquareSf(test.chiSquare(), test.df()))
                .extra("rho", rho)
                .extra("groups", data.labels())
                .extra("observed", test.observed())
                .extra("expected", test.expected())
                .extra("variance", test.variance())
                .extra("km", km)
                .extra("median_survival", medians)
                .extra("median_ci", medianCi)
                .build();
    }
}
