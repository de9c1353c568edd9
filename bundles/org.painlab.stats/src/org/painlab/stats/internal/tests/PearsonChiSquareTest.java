package org.painlab.stats.internal.tests;

import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.SignificanceResult;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.ContingencyTable;
import org.painlab.stats.internal.math.Distributions;

/**
 * Pearson's chi-square test of independence of table_rows, as R's chisq.test: without Yates'
 * correction unless options.correct (which, as in R, applies to 2x2 tables only).
 */
public final class PearsonChiSquareTest implements StatisticalTest {

    @Override
    public String id() {
        return "chi-square";
    }

    @Override
    public String name() {
        return "Pearson's chi-square test";
    }

    @Override
    public String description() {
        return "Tests independence of rows and columns of the contingency table in field 'table_rows', as R's"
                + " chisq.test; Yates' continuity correction for 2x2 tables with --correct.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        ContingencyTable table = new ContingencyTable(input.table());
        int df = (table.rows() - 1) * (table.cols() - 1);
        boolean yates = options.correct() && table.isTwoByTwo();
        double statistic;
        double p;
        if (yates) {
            statistic = yatesStatistic(table);
            p = Distributions.chiSquareSf(statistic, df);
        } else {
            SignificanceResult r = ChiSquareTest.withDefaults().test(table.counts());
            statistic = r.getStatistic();
            p = r.getPValue();
        }
        TestResult.Builder b = TestResult.builder(id())
                .statistic("X-squared", statistic)
                .df(df)
                .pValue(p)
                .extra("yates", yates);
        ContingencyExtras.add(b, table, options.confLevel(), true);
        return b.build();
    }

    /** R: YATES = min(0.5, |x - E|) over all cells, then sum((|x - E| - YATES)^2 / E). */
    private static double yatesStatistic(ContingencyTable table) {
        long[][] x = table.counts();
        double[][] e = table.expected();
        double yates = 0.5;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                yates = Math.min(yates, Math.abs(x[i][j] - e[i][j]));
            }
        }
        double sum = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double dev = Math.abs(x[i][j] - e[i][j]) - yates;
                sum += dev * dev / e[i][j];
            }
        }
        return sum;
    }
}
