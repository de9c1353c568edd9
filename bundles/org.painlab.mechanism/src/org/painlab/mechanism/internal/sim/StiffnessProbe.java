package org.painlab.mechanism.internal.sim;

import org.painlab.mechanism.solve.OdeSystem;

/**
 * Estimates how stiff a system is at a point: the spectral radius of its finite-difference Jacobian by power
 * iteration (at least the largest diagonal entry). An explicit method needs about radius * span / 3.3 steps
 * to stay stable, whatever the accuracy asked for.
 */
public final class StiffnessProbe {
    private StiffnessProbe() {
    }

    /** The estimated spectral radius of df/dy at (t, y). */
    public static double spectralRadius(OdeSystem f, double t, double[] y) {
        int n = f.dimension();
        if (n == 0) {
            return 0;
        }
        double[][] jac = new double[n][n];
        double[] f0 = new double[n], f1 = new double[n];
        f.derivatives(t, y, f0);
        double[] yy = y.clone();
        for (int j = 0; j < n; j++) {
            double h = 1e-7 * Math.max(1e-5, Math.abs(y[j]));
            yy[j] = y[j] + h;
            f.derivatives(t, yy, f1);
            yy[j] = y[j];
            for (int i = 0; i < n; i++) {
                jac[i][j] = (f1[i] - f0[i]) / h;
            }
        }
        double diagonal = 0;
        for (int i = 0; i < n; i++) {
            diagonal = Math.max(diagonal, Math.abs(jac[i][i]));
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + 0.1 * i;
        }
        double lambda = 0;
        for (int it = 0; it < 30; it++) {
            double[] z = new double[n];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += jac[i][j] * x[j];
                }
                z[i] = s;
                norm += s * s;
            }
            double xn = 0;
            for (double xi : x) {
                xn += xi * xi;
            }
            norm = Math.sqrt(norm);
            if (!(norm > 0) || !Double.isFinite(norm)) {
                break;
            }
            lambda = norm / Math.sqrt(xn);
            for (int i = 0; i < n; i++) {
                x[i] = z[i] / norm;
            }
        }
        double r = Math.max(lambda, diagonal);
        return Double.isFinite(r) ? r : 0;
    }
}
