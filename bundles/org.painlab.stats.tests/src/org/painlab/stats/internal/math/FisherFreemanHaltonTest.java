package org.painlab.stats.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.junit.jupiter.api.Test;

/** The network algorithm against plain enumeration of every table with the same margins. */
class FisherFreemanHaltonTest {

    @Test
    void matchesFullEnumerationOnRandomSmallTables() {
        Random random = new Random(3);
        for (int trial = 0; trial < 60; trial++) {
            int rows = 2 + random.nextInt(2);
            int cols = 2 + random.nextInt(3);
            long[][] t = new long[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    t[i][j] = random.nextInt(5);
                }
            }
            double expected = bruteForce(t);
            assertEquals(expected, FisherFreemanHalton.pValue(t), 1e-12 * Math.max(expected, 1e-3));
        }
    }

    @Test
    void twoByTwoAgreesWithCommonsStatistics() {
        long[][] t = {{1, 37}, {7, 32}};
        double commons = FisherExactTest.withDefaults().test(new int[][] {{1, 37}, {7, 32}}).getPValue();
        assertEquals(commons, FisherFreemanHalton.pValue(t), 1e-14);
    }

    @Test
    void largeCountsDoNotOverflow() {
        long[][] t = {{100, 200}, {150, 120}};
        double commons = FisherExactTest.withDefaults().test(new int[][] {{100, 200}, {150, 120}}).getPValue();
        assertEquals(commons, FisherFreemanHalton.pValue(t), 1e-12 * commons);
        long[][] moderate = {{40, 35, 25}, {30, 40, 30}, {30, 25, 45}};
        double p = FisherFreemanHalton.pValue(moderate);
        assertEquals(true, p > 0.005 && p < 0.05, "moderate association, N = 300: " + p);
    }

    @Test
    void transposeDoesNotMatter() {
        long[][] t = {{3, 1, 0, 2}, {1, 4, 2, 0}, {0, 2, 5, 1}};
        long[][] tt = new long[4][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                tt[j][i] = t[i][j];
            }
        }
        assertEquals(FisherFreemanHalton.pValue(t), FisherFreemanHalton.pValue(tt), 1e-14);
    }

    @Test
    void hugeTableIsRefusedNotHung() {
        long[][] t = {{120, 80, 95, 60}, {70, 110, 90, 100}, {50, 60, 40, 90}};
        assertThrows(IllegalArgumentException.class, () -> FisherFreemanHalton.pValue(t));
    }

    private static double bruteForce(long[][] t) {
        int rows = t.length;
        int cols = t[0].length;
        int[] rowSum = new int[rows];
        int[] colSum = new int[cols];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                rowSum[i] += (int) t[i][j];
                colSum[j] += (int) t[i][j];
                n += (int) t[i][j];
            }
        }
        double[] lf = new double[n + 1];
        for (int i = 2; i <= n; i++) {
            lf[i] = lf[i - 1] + Math.log(i);
        }
        double constant = -lf[n];
        for (int r : rowSum) {
            constant += lf[r];
        }
        for (int c : colSum) {
            constant += lf[c];
        }
        List<Double> logs = new ArrayList<>();
        enumerate(new int[rows][cols], 0, 0, rowSum.clone(), colSum.clone(), lf, constant, logs);
        double observed = constant;
        for (long[] row : t) {
            for (long v : row) {
                observed -= lf[(int) v];
            }
        }
        double p = 0;
        for (double l : logs) {
            if (l <= observed + Math.log1p(1e-7)) {
                p += Math.exp(l);
            }
        }
        return Math.min(1, p);
    }

    private static void enumerate(int[][] cells, int i, int j, int[] rowLeft, int[] colLeft, double[] lf,
            double constant, List<Double> out) {
        int rows = cells.length;
        int cols = cells[0].length;
        if (i == rows - 1) {
            // last row is forced by the column totals
            for (int c = 0; c < cols; c++) {
                cells[i][c] = colLeft[c];
            }
            int sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += colLeft[c];
            }
            if (sum != rowLeft[i]) {
                return;
            }
            double l = constant;
            for (int[] row : cells) {
                for (int v : row) {
                    l -= lf[v];
                }
            }
            out.add(l);
            return;
        }
        if (j == cols) {
            if (rowLeft[i] == 0) {
                enumerate(cells, i + 1, 0, rowLeft, colLeft, lf, constant, out);
            }
            return;
        }
        for (int v = 0; v <= Math.min(rowLeft[i], colLeft[j]); v++) {
            cells[i][j] = v;
            rowLeft[i] -= v;
            colLeft[j] -= v;
            enumerate(cells, i, j + 1, rowLeft, colLeft, lf, constant, out);
            rowLeft[i] += v;
            colLeft[j] += v;
        }
        cells[i][j] = 0;
    }
}
