package org.painlab.stats.internal.tests;

import org.painlab.stats.EffectSize;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.ContingencyTable;
import org.painlab.stats.internal.math.Distributions;

/**
 * Linear-by-linear association (Mantel-Haenszel trend) test of an ordered table:
 * M2 = (N - 1) r^2 with r the Pearson correlation of row and column scores weighted by the
 * counts, chi-square with 1 df (SPSS "Linear-by-Linear Association"; coin::lbl_test's chi-square).
 */
public final class LinearByLinearTest implements StatisticalTest {

    @Override
    public String id() {
        return "linear-by-linear";
    }

    @Override
    public String name() {
        return "Linear-by-linear association test";
    }

    @Override
    public String description() {
        return "Tests a linear trend between ordered rows and columns of field 'table_rows' with optional"
                + " 'row_scores' and 'col_scores' (default 1..k): M2 = (N-1) r^2, chi-square with 1 df.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        ContingencyTable table = new ContingencyTable(input.table());
        double[] u = scores(input, "row_scores", table.rows());
        double[] v = scores(input, "col_scores", table.cols());
        long[][] x = table.counts();
        double n = table.total();
        double mu = 0;
        double mv = 0;
        for (int i = 0; i < table.rows(); i++) {
            for (int j = 0; j < table.cols(); j++) {
                mu += x[i][j] * u[i];
                mv += x[i][j] * v[j];
            }
        }
        mu /= n;
        mv /= n;
        double suv = 0;
        double suu = 0;
        double svv = 0;
        for (int i = 0; i < table.rows(); i++) {
            for (int j = 0; j < table.cols(); j++) {
                double du = u[i] - mu;
                double dv = v[j] - mv;
                suv += x[i][j] * du * dv;
                suu += x[i][j] * du * du;
                svv += x[i][j] * dv * dv;
            }
        }
        if (!(suu > 0 && svv > 0)) {
            throw new IllegalArgumentException("field 'table_rows': the scores do not vary over the observations,"
                    + " the correlation is not defined");
        }
        double r = suv / Math.sqrt(suu * svv);
        double m2 = (n - 1) * r * r;
        return TestResult.builder(id())
                .statistic("M2", m2)
                .df(1)
                .pValue(Distributions.chiSquareSf(m2, 1))
                .extra("r", r)
                .extra("n", table.total())
                .extra("row_scores", u)
                .extra("col_scores", v)
                .effectSize(EffectSize.pointOnly("Pearson r of scores", r))
                .build();
    }

    private static double[] scores(TestInput input, String field, int expected) {
        if (!input.has(field)) {
            double[] s = new double[expected];
            for (int i = 0; i < expected; i++) {
                s[i] = i + 1;
            }
            return s;
        }
        double[] s = input.doubles(field);
        if (s.length != expected) {
            throw new IllegalArgumentException("field '" + field + "' must have " + expected + " scores (one per "
                    + (field.startsWith("row") ? "row" : "column") + "), it has " + s.length);
        }
        return s;
    }
}
