package org.painlab.mechanism.internal.solve;

import org.painlab.mechanism.solve.OdeSystem;

/**
 * The Jacobian df/dy of a system that cannot give it analytically, by forward differences with Hairer and
 * Wanner's increment sqrt(eps * max(1e-5, |y_j|)), which balances truncation against rounding error.
 */
final class FiniteDifferenceJacobian {
    private static final double UNIT_ROUNDOFF = Math.ulp(1.0) / 2;

    private final OdeSystem system;
    private final double[] shifted;

    FiniteDifferenceJacobian(OdeSystem system) {
        this.system = system;
        this.shifted = new double[system.dimension()];
    }

    /**
     * Writes df/dy at (t, y) into {@code dfdy}, given {@code f0} = f(t, y).
     *
     * @return the number of evaluations of f used
     */
    int evaluate(double t, double[] y, double[] f0, double[][] dfdy) {
        int n = y.length;
        double[] work = y.clone();
        for (int j = 0; j < n; j++) {
            double saved = work[j];
            double delta = Math.sqrt(UNIT_ROUNDOFF * Math.max(1e-5, Math.abs(saved)));
            work[j] = saved + delta;
            // the increment actually represented in floating point, not the intended one
            double step = work[j] - saved;
            system.derivatives(t, work, shifted);
            for (int i = 0; i < n; i++) {
                dfdy[i][j] = (shifted[i] - f0[i]) / step;
            }
            work[j] = saved;
        }
        return n;
    }
}
