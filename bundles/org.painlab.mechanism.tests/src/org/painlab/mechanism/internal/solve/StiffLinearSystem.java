package org.painlab.mechanism.internal.solve;

import org.painlab.mechanism.solve.OdeSystem;

/**
 * y' = A y with A = S diag(-1, -1e3, -1e6) S^-1 (S lower triangular of ones): a stiff system whose exact
 * solution y(t) = S exp(D t) S^-1 y0 is known in closed form.
 */
final class StiffLinearSystem implements OdeSystem {
    static final double[] EIGENVALUES = {-1, -1e3, -1e6};
    private final double[][] a = new double[3][3];
    private final boolean analytic;

    StiffLinearSystem(boolean analyticJacobian) {
        this.analytic = analyticJacobian;
        double[][] s = {{1, 0, 0}, {1, 1, 0}, {1, 1, 1}};
        double[][] sInv = {{1, 0, 0}, {-1, 1, 0}, {0, -1, 1}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += s[i][k] * EIGENVALUES[k] * sInv[k][j];
                }
                a[i][j] = sum;
            }
        }
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        for (int i = 0; i < 3; i++) {
            dydt[i] = a[i][0] * y[0] + a[i][1] * y[1] + a[i][2] * y[2];
        }
    }

    @Override
    public boolean jacobian(double t, double[] y, double[][] dfdy) {
        if (!analytic) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            System.arraycopy(a[i], 0, dfdy[i], 0, 3);
        }
        return true;
    }

    /** The exact solution from y0 at time t. */
    static double[] exact(double[] y0, double t) {
        double[] u = {y0[0], y0[1] - y0[0], y0[2] - y0[1]};
        for (int k = 0; k < 3; k++) {
            u[k] *= Math.exp(EIGENVALUES[k] * t);
        }
        return new double[] {u[0], u[0] + u[1], u[0] + u[1] + u[2]};
    }
}
