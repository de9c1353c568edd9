package org.painlab.stats.internal.plan;

/**
 * The expected cell counts of a contingency table under independence, summarised for the
 * chi-square / Fisher rules: smallest, how many are below 5 and below 1.
 *
 * @param rows rows of the table
 * @param cols columns
 * @param total number of observations
 * @param min smallest expected count
 * @param below5 cells with expected count below 5
 * @param below1 cells with expected count below 1
 */
public record ExpectedCounts(int rows, int cols, long total, double min, int below5, int below1) {

    /**
     * @param table counts with no empty row or column
     * @return the summary
     */
    public static ExpectedCounts of(long[][] table) {
        int r = table.length;
        int c = table[0].length;
        long[] rowSum = new long[r];
        long[] colSum = new long[c];
        long n = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                rowSum[i] += table[i][j];
                colSum[j] += table[i][j];
                n += table[i][j];
            }
        }
        double min = Double.POSITIVE_INFINITY;
        int b5 = 0;
        int b1 = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double e = (double) rowSum[i] * colSum[j] / n;
                min = Math.min(min, e);
                if (e < 5) {
                    b5++;
                }
                if (e < 1) {
                    b1++;
                }
            }
        }
        return new ExpectedCounts(r, c, n, min, b5, b1);
    }

    /** @return number of cells */
    public int cells() {
        return rows * cols;
    }

    /** @return true for a 2×2 table */
    public boolean twoByTwo() {
        return rows == 2 && cols == 2;
    }

    /** @return "2×2" style size */
    public String size() {
        return rows + "×" + cols;
    }
}
