package org.painlab.stats.internal.math;

/**
 * A validated two-way table of counts with its margins and the expected counts under
 * independence.
 */
public final class ContingencyTable {

    private final long[][] counts;
    private final long[] rowTotals;
    private final long[] colTotals;
    private final long total;

    /**
     * @param counts table of counts, at least 2 x 2
     * @throws IllegalArgumentException if it is smaller than 2 x 2 or a row or column is empty
     */
    public ContingencyTable(long[][] counts) {
        int rows = counts.length;
        int cols = counts[0].length;
        if (rows < 2 || cols < 2) {
            throw new IllegalArgumentException("field 'table_rows' must be at least 2 x 2, not " + rows + " x " + cols);
        }
        this.counts = counts;
        this.rowTotals = new long[rows];
        this.colTotals = new long[cols];
        long n = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                rowTotals[i] += counts[i][j];
                colTotals[j] += counts[i][j];
                n += counts[i][j];
            }
        }
        for (int i = 0; i < rows; i++) {
            if (rowTotals[i] == 0) {
                throw new IllegalArgumentException("field 'table_rows': row " + i + " has no observations");
            }
        }
        for (int j = 0; j < cols; j++) {
            if (colTotals[j] == 0) {
                throw new IllegalArgumentException("field 'table_rows': column " + j + " has no observations");
            }
        }
        this.total = n;
    }

    /** @return the counts (not copied; callers must not modify) */
    public long[][] counts() {
        return counts;
    }

    /** @return number of rows */
    public int rows() {
        return counts.length;
    }

    /** @return number of columns */
    public int cols() {
        return counts[0].length;
    }

    /** @return grand total */
    public long total() {
        return total;
    }

    /** @param i row @return its total */
    public long rowTotal(int i) {
        return rowTotals[i];
    }

    /** @param j column @return its total */
    public long colTotal(int j) {
        return colTotals[j];
    }

    /** @return true for a 2 x 2 table */
    public boolean isTwoByTwo() {
        return rows() == 2 && cols() == 2;
    }

    /** @return expected counts under independence, computed as R does: outer(sr, sc) / n */
    public double[][] expected() {
        double[][] e = new double[rows()][cols()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                e[i][j] = (double) rowTotals[i] * colTotals[j] / total;
            }
        }
        return e;
    }

    /** @return (min(r, c) - 1), the denominator factor of Cramer's V */
    public int cramerDenominator() {
        return Math.min(rows(), cols()) - 1;
    }
}
