package org.painlab.mechanism.internal.solve;

/**
 * LU decomposition with partial pivoting of a complex square matrix held as real and imaginary parts: the
 * complex-conjugate eigenvalue pair of the Radau IIA matrix gives one complex system of size n instead of a
 * real one of size 2n, which halves the factorization work.
 */
final class ComplexLu {
    private final int n;
    private final double[][] re;
    private final double[][] im;
    private final int[] pivot;

    /**
     * Factors {@code (re + i im)} (arguments not changed).
     *
     * @return null when the matrix is singular to working precision
     */
    static ComplexLu factor(double[][] realPart, double[][] imaginaryPart) {
        int n = realPart.length;
        double[][] re = new double[n][];
        double[][] im = new double[n][];
        for (int i = 0; i < n; i++) {
            re[i] = realPart[i].clone();
            im[i] = imaginaryPart[i].clone();
        }
        int[] pivot = new int[n];
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(re[k][k]) + Math.abs(im[k][k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(re[i][k]) + Math.abs(im[i][k]);
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
                double[] t = re[p];
                re[p] = re[k];
                re[k] = t;
                t = im[p];
                im[p] = im[k];
                im[k] = t;
            }
            double pr = re[k][k];
            double pi = im[k][k];
            double den = pr * pr + pi * pi;
            double invR = pr / den;
            double invI = -pi / den;
            double[] rk = re[k];
            double[] ik = im[k];
            for (int i = k + 1; i < n; i++) {
                double[] ri = re[i];
                double[] ii = im[i];
                double mr = ri[k] * invR - ii[k] * invI;
                double mi = ri[k] * invI + ii[k] * invR;
                ri[k] = mr;
                ii[k] = mi;
                if (mr != 0 || mi != 0) {
                    for (int j = k + 1; j < n; j++) {
                        ri[j] -= mr * rk[j] - mi * ik[j];
                        ii[j] -= mr * ik[j] + mi * rk[j];
                    }
                }
            }
        }
        return new ComplexLu(n, re, im, pivot);
    }

    private ComplexLu(int n, double[][] re, double[][] im, int[] pivot) {
        this.n = n;
        this.re = re;
        this.im = im;
        this.pivot = pivot;
    }

    /** Solves A x = b in place: {@code (br + i bi)} becomes x. */
    void solve(double[] br, double[] bi) {
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p != k) {
                double t = br[p];
                br[p] = br[k];
                br[k] = t;
                t = bi[p];
                bi[p] = bi[k];
                bi[k] = t;
            }
        }
        for (int i = 1; i < n; i++) {
            double[] ri = re[i];
            double[] ii = im[i];
            double sr = br[i];
            double si = bi[i];
            for (int j = 0; j < i; j++) {
                sr -= ri[j] * br[j] - ii[j] * bi[j];
                si -= ri[j] * bi[j] + ii[j] * br[j];
            }
            br[i] = sr;
            bi[i] = si;
        }
        for (int i = n - 1; i >= 0; i--) {
            double[] ri = re[i];
            double[] ii = im[i];
            double sr = br[i];
            double si = bi[i];
            for (int j = i + 1; j < n; j++) {
                sr -= ri[j] * br[j] - ii[j] * bi[j];
                si -= ri[j] * bi[j] + ii[j] * br[j];
            }
            double dr = ri[i];
            double di = ii[i];
            double den = dr * dr + di * di;
            br[i] = (sr * dr + si * di) / den;
            bi[i] = (si * dr - sr * di) / den;
        }
    }
}
