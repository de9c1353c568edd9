package org.painlab.mechanism.internal.solve;

/**
 * LU decomposition with partial pivoting of a real square matrix, factored once and solved many times: the
 * simplified Newton iteration reuses one factorization over several iterations and steps.
 */
final class RealLu {
    private final int n;
    private final double[][] lu;
    private final int[] pivot;

    /**
     * Factors {@code a} (not changed).
     *
     * @return null when the matrix is singular to working precision
     */
    static RealLu factor(double[][] a) {
        int n = a.length;
        double[][] lu = new double[n][];
        for (int i = 0; i < n; i++) {
            lu[i] = a[i].clone();
        }
        int[] pivot = new int[n];
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(lu[k][k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(lu[i][k]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            pivot[k] = p;
            if (max == 0 || !Double.isFinite(max)) {
                return null;
            }
            if (p != k) {
                double[] row = lu[p];
                lu[p] = lu[k];
                lu[k] = row;
            }
            double[] rowK = lu[k];
            double inv = 1.0 / rowK[k];
            for (int i = k + 1; i < n; i++) {
                double[] rowI = lu[i];
                double m = rowI[k] * inv;
                rowI[k] = m;
                if (m != 0) {
                    for (int j = k + 1; j < n; j++) {
                        rowI[j] -= m * rowK[j];
                    }
                }
            }
        }
        return new RealLu(n, lu, pivot);
    }

    private RealLu(int n, double[][] lu, int[] pivot) {
        this.n = n;
        this.lu = lu;
        this.pivot = pivot;
    }

    /** Solves A x = b in place: {@code b} becomes x. */
    void solve(double[] b) {
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p != k) {
                double t = b[p];
                b[p] = b[k];
                b[k] = t;
            }
        }
        for (int i = 1; i < n; i++) {
            double[] row = lu[i];
            double s = b[i];
            for (int j = 0; j < i; j++) {
                s -= row[j] * b[j];
            }
            b[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            double[] row = lu[i];
            double s = b[i];
            for (int j = i + 1; j < n; j++) {
                s -= row[j] * b[j];
            }
            b[i] = s / row[i];
        }
    }
}
