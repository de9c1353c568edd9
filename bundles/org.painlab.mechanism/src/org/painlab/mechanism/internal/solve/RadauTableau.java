package org.painlab.mechanism.internal.solve;

/**
 * Coefficients of the 3-stage Radau IIA method (order 5). The inverse of its Butcher matrix has one real
 * eigenvalue and a complex-conjugate pair; transforming the stage equations with T turns one 3n-dimensional
 * Newton system into a real and a complex n-dimensional one (Hairer and Wanner, Solving ODE II, IV.8). The
 * transformation matrices are normalized as in SciPy's radau.py (third row of T = (1, 1, 0)).
 */
final class RadauTableau {
    static final double S6 = Math.sqrt(6.0);

    /** Collocation nodes. */
    static final double C1 = (4 - S6) / 10;
    static final double C2 = (4 + S6) / 10;

    /** Embedded error estimator weights (multiply Z, divide by h). */
    static final double E1 = (-13 - 7 * S6) / 3;
    static final double E2 = (-13 + 7 * S6) / 3;
    static final double E3 = -1.0 / 3;

    /** Eigenvalues of the inverse Butcher matrix: real one and the pair alpha -/+ i beta. */
    static final double MU_REAL = 3 + Math.cbrt(9) - Math.cbrt(3);
    static final double MU_ALPHA = 3 + 0.5 * (Math.cbrt(3) - Math.cbrt(9));
    static final double MU_BETA = 0.5 * (Math.pow(3, 5.0 / 6) + Math.pow(3, 7.0 / 6));

    static final double T11 = 0.09443876248897524;
    static final double T12 = -0.14125529502095421;
    static final double T13 = 0.03002919410514742;
    static final double T21 = 0.25021312296533332;
    static final double T22 = 0.20412935229379994;
    static final double T23 = -0.38294211275726192;
    // third row of T is (1, 1, 0)

    static final double TI11 = 4.17871859155190428;
    static final double TI12 = 0.32768282076106237;
    static final double TI13 = 0.52337644549944951;
    static final double TI21 = -4.17871859155190428;
    static final double TI22 = -0.32768282076106237;
    static final double TI23 = 0.47662355450055044;
    static final double TI31 = 0.50287263494578682;
    static final double TI32 = -2.57192694985560522;
    static final double TI33 = 0.59603920482822492;

    /** Dense output: y(t_old + x h) = y_old + sum_j (sum_i Z_i P_ij) x^(j+1). */
    static final double P11 = 13.0 / 3 + 7 * S6 / 3;
    static final double P12 = -23.0 / 3 - 22 * S6 / 3;
    static final double P13 = 10.0 / 3 + 5 * S6;
    static final double P21 = 13.0 / 3 - 7 * S6 / 3;
    static final double P22 = -23.0 / 3 + 22 * S6 / 3;
    static final double P23 = 10.0 / 3 - 5 * S6;
    static final double P31 = 1.0 / 3;
    static final double P32 = -8.0 / 3;
    static final double P33 = 10.0 / 3;

    private RadauTableau() {
    }
}
