package org.painlab.mechanism.internal.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The real and complex LU solvers: residuals on matrices that need pivoting, and singular matrices. */
class LuDecompositionTest {

    @Test
    void realSolveNeedsPivoting() {
        // zero on the first diagonal entry: without row exchange the elimination divides by zero
        double[][] a = {{0, 2, 1}, {1, 1, 1}, {2, 1, 3}};
        double[] x = {1, -2, 3};
        double[] b = multiply(a, x);
        RealLu lu = RealLu.factor(a);
        assertNotNull(lu);
        lu.solve(b);
        for (int i = 0; i < 3; i++) {
            assertEquals(x[i], b[i], 1e-14);
        }
    }

    @Test
    void realRandomSystemsHaveSmallResiduals() {
        Random random = new Random(12);
        for (int n : new int[] {1, 2, 5, 20}) {
            double[][] a = new double[n][n];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextGaussian();
                for (int j = 0; j < n; j++) {
                    a[i][j] = random.nextGaussian();
                }
            }
            double[] b = multiply(a, x);
            RealLu.factor(a).solve(b);
            for (int i = 0; i < n; i++) {
                assertEquals(x[i], b[i], 1e-9, "n = " + n);
            }
        }
    }

    @Test
    void complexRandomSystemsHaveSmallResiduals() {
        Random random = new Random(7);
        int n = 12;
        double[][] re = new double[n][n];
        double[][] im = new double[n][n];
        double[] xr = new double[n];
        double[] xi = new double[n];
        for (int i = 0; i < n; i++) {
            xr[i] = random.nextGaussian();
            xi[i] = random.nextGaussian();
            for (int j = 0; j < n; j++) {
                re[i][j] = random.nextGaussian();
                im[i][j] = random.nextGaussian();
            }
        }
        re[0][0] = 0;
        im[0][0] = 0;
        double[] br = new double[n];
        double[] bi = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                br[i] += re[i][j] * xr[j] - im[i][j] * xi[j];
                bi[i] += re[i][j] * xi[j] + im[i][j] * xr[j];
            }
        }
        ComplexLu.factor(re, im).solve(br, bi);
        for (int i = 0; i < n; i++) {
            assertEquals(xr[i], br[i], 1e-9);
            assertEquals(xi[i], bi[i], 1e-9);
        }
    }

    @Test
    void singularMatricesAreRecognised() {
        assertNull(RealLu.factor(new double[][] {{1, 2}, {2, 4}}));
        assertNull(ComplexLu.factor(new double[][] {{1, 2}, {2, 4}}, new double[][] {{0, 0}, {0, 0}}));
    }

    private static double[] multiply(double[][] a, double[] x) {
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < x.length; j++) {
                b[i] += a[i][j] * x[j];
            }
        }
        return b;
    }
}
