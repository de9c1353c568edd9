package org.painlab.stats.internal.tests;

import org.painlab.stats.EffectSize;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.ContingencyTable;
import org.painlab.stats.internal.math.TwoByTwoEffects;

/**
 * What every contingency-table result carries besides its statistic: expected counts, Pearson
 * and standardised residuals (as chisq.test), the smallest expected count and the number of
 * cells expected below 5 (so a reader can judge the chi-square approximation), Cramer's V, and
 * for 2x2 tables the risk difference, risk ratio and odds ratio.
 */
final class ContingencyExtras {

    private ContingencyExtras() {
    }

    static void add(TestResult.Builder b, ContingencyTable table, double confLevel, boolean ratios) {
        long[][] x = table.counts();
        double[][] e = table.expected();
        double n = table.total();
        double[][] residuals = new double[table.rows()][table.cols()];
        double[][] stdres = new double[table.rows()][table.cols()];
        double minExpected = Double.POSITIVE_INFINITY;
        int below5 = 0;
        double pearson = 0;
        for (int i = 0; i < table.rows(); i++) {
            double r = table.rowTotal(i);
            for (int j = 0; j < table.cols(); j++) {
                double c = table.colTotal(j);
                residuals[i][j] = (x[i][j] - e[i][j]) / Math.sqrt(e[i][j]);
                double v = c * r * (n - r) * (n - c) / (n * n * n);
                stdres[i][j] = (x[i][j] - e[i][j]) / Math.sqrt(v);
                minExpected = Math.min(minExpected, e[i][j]);
                if (e[i][j] < 5) {
                    below5++;
                }
                pearson += (x[i][j] - e[i][j]) * (x[i][j] - e[i][j]) / e[i][j];
            }
        }
        b.extra("n", table.total())
                .extra("expected", e)
                .extra("residuals", residuals)
                .extra("stdres", stdres)
                .extra("min_expected", minExpected)
                .extra("cells_expected_below_5", below5);
        b.effectSize(EffectSize.pointOnly("Cramer's V", Math.sqrt(pearson / (n * table.cramerDenominator()))));
        if (ratios && table.isTwoByTwo()) {
            for (EffectSize es : TwoByTwoEffects.of(x, confLevel)) {
                b.effectSize(es);
            }
        }
    }
}
