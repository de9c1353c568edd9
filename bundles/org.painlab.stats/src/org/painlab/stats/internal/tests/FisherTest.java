package org.painlab.stats.internal.tests;

import org.apache.commons.statistics.inference.FisherExactTest;
import org.painlab.stats.Alternative;
import org.painlab.stats.EffectSize;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.ConditionalOddsRatio;
import org.painlab.stats.internal.math.FisherFreemanHalton;
import org.painlab.stats.internal.math.TwoByTwoEffects;

/**
 * Fisher's exact test of table_rows as R's fisher.test. For 2x2 tables: p for two-sided (sum of
 * the probabilities not above the observed one, relative fuzz 1e-7), less or greater, from
 * commons-statistics; the conditional MLE odds ratio and its exact interval as R. For r x c
 * tables: the Fisher-Freeman-Halton two-sided p by a network algorithm.
 */
public final class FisherTest implements StatisticalTest {

    @Override
    public String id() {
        return "fisher";
    }

    @Override
    public String name() {
        return "Fisher's exact test";
    }

    @Override
    public String description() {
        return "Exact test of independence for the table in field 'table_rows', as R's fisher.test: 2x2 with"
                + " conditional MLE odds ratio and exact interval (two-sided, less, greater); r x c by the"
                + " Fisher-Freeman-Halton network algorithm (two-sided).";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        long[][] counts = input.table();
        if (counts.length < 2 || counts[0].length < 2) {
            throw new IllegalArgumentException("field 'table_rows' must be at least 2 x 2, not " + counts.length
                    + " x " + counts[0].length);
        }
        long total = 0;
        for (long[] row : counts) {
            for (long c : row) {
                total += c;
            }
        }
        if (total == 0) {
            throw new IllegalArgumentException("field 'table_rows': the table has no observations (every count is 0)");
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("field 'table_rows': the table holds " + total + " observations; Fisher's exact"
                    + " test enumerates tables of at most " + Integer.MAX_VALUE + " (use chi-square or g-test for counts this"
                    + " large)");
        }
        if (counts.length == 2 && counts[0].length == 2) {
            return twoByTwo(counts, options);
        }
        TestResult.Builder b = TestResult.builder(id())
                .pValue(FisherFreemanHalton.pValue(counts))
                .alternative(Alternative.TWO_SIDED)
                .extra("table", counts.length + " x " + counts[0].length);
        return b.build();
    }

    private TestResult twoByTwo(long[][] counts, TestOptions options) {
        Alternative alternative = options.alternative();
        int[][] table = new int[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                table[i][j] = Math.toIntExact(counts[i][j]);
            }
        }
        double p = FisherExactTest.withDefaults().with(CommonsAdapter.alternative(alternative)).test(table)
                .getPValue();
        ConditionalOddsRatio or = new ConditionalOddsRatio(counts);
        double estimate = or.estimate();
        double[] ci = or.confidenceInterval(alternative, options.confLevel());
        TestResult.Builder b = TestResult.builder(id())
                .pValue(p)
                .estimate("odds ratio", estimate)
                .confInt(ci[0], ci[1])
                .alternative(alternative)
                .effectSize(new EffectSize("odds ratio (conditional MLE)", estimate, ci[0], ci[1],
                        options.confLevel()));
        if (hasNonEmptyMargins(counts)) {
            for (EffectSize es : TwoByTwoEffects.of(counts, options.confLevel())) {
                // the conditional MLE above is the odds ratio Fisher's test stands for
                if (!es.name().startsWith("odds ratio")) {
                    b.effectSize(es);
                }
            }
        }
        return b.build();
    }

    private static boolean hasNonEmptyMargins(long[][] t) {
        return t[0][0] + t[0][1] > 0 && t[1][0] + t[1][1] > 0 && t[0][0] + t[1][0] > 0 && t[0][1] + t[1][1] > 0;
    }
}
