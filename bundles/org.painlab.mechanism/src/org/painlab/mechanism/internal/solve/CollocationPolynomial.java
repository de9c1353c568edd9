package org.painlab.mechanism.internal.solve;

/**
 * The continuous solution of one accepted Radau step: the cubic collocation polynomial through y_old and the
 * three stage values. It gives the requested output times, the event switching functions between steps and
 * the Newton starting values of the next step, all at the method's stage accuracy.
 */
final class CollocationPolynomial {
    private final double tOld;
    private final double h;
    private final double[] yOld;
    private final double[] q1;
    private final double[] q2;
    private final double[] q3;

    /** @param z stage increments Z_i = Y_i - y_old at t_old + c_i h */
    CollocationPolynomial(double tOld, double h, double[] yOld, double[][] z) {
        int n = yOld.length;
        this.tOld = tOld;
        this.h = h;
        this.yOld = yOld.clone();
        this.q1 = new double[n];
        this.q2 = new double[n];
        this.q3 = new double[n];
        for (int i = 0; i < n; i++) {
            double z1 = z[0][i];
            double z2 = z[1][i];
            double z3 = z[2][i];
            q1[i] = z1 * RadauTableau.P11 + z2 * RadauTableau.P21 + z3 * RadauTableau.P31;
            q2[i] = z1 * RadauTableau.P12 + z2 * RadauTableau.P22 + z3 * RadauTableau.P32;
            q3[i] = z1 * RadauTableau.P13 + z2 * RadauTableau.P23 + z3 * RadauTableau.P33;
        }
    }

    /** Writes y(t) into {@code out}; t may lie a little beyond the step (extrapolation). */
    void evaluate(double t, double[] out) {
        double x = (t - tOld) / h;
        for (int i = 0; i < out.length; i++) {
            out[i] = yOld[i] + x * (q1[i] + x * (q2[i] + x * q3[i]));
        }
    }

    /** A new array with y(t). */
    double[] at(double t) {
        double[] out = new double[yOld.length];
        evaluate(t, out);
        return out;
    }
}
