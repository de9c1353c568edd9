package org.painlab.stats.internal.math;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent's zero finder (Forsythe, Malcolm and Moler's ZEROIN) with the iteration and stopping
 * rule of R's {@code uniroot}. R solves several estimates (Fisher's conditional odds ratio and
 * its interval) only to uniroot's default tolerance of about 1.2e-4; to reproduce those values
 * to many digits we must take the very same steps, not merely find the root more accurately.
 */
public final class RootFinder {

    /** R's default tolerance, .Machine$double.eps^0.25. */
    public static final double R_DEFAULT_TOL = Math.pow(Math.ulp(1.0), 0.25);

    private static final double EPSILON = Math.ulp(1.0);
    private static final int MAX_ITERATIONS = 1000;

    private RootFinder() {
    }

    /**
     * @param f function with a sign change on [lower, upper]
     * @param lower left end
     * @param upper right end
     * @param tol tolerance as in uniroot
     * @return the root R's uniroot would report
     * @throws ArithmeticException if the end values do not bracket a root
     */
    public static double uniroot(DoubleUnaryOperator f, double lower, double upper, double tol) {
        double fLower = eval(f, lower);
        double fUpper = eval(f, upper);
        if (fLower * fUpper > 0) {
            throw new ArithmeticException("function values at the interval ends have the same sign");
        }
        return zeroin(f, lower, upper, fLower, fUpper, tol);
    }

    /** uniroot replaces infinite or undefined values by the largest double of the right sign. */
    private static double eval(DoubleUnaryOperator f, double x) {
        double v = f.applyAsDouble(x);
        if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
            return Double.MAX_VALUE;
        }
        return v == Double.NEGATIVE_INFINITY ? -Double.MAX_VALUE : v;
    }

    private static double zeroin(DoubleUnaryOperator f, double ax, double bx, double fax, double fbx, double tol) {
        double a = ax;
        double b = bx;
        double fa = fax;
        double fb = fbx;
        double c = a;
        double fc = fa;
        if (fa == 0.0) {
            return a;
        }
        if (fb == 0.0) {
            return b;
        }
        for (int iter = 0; iter <= MAX_ITERATIONS; iter++) {
            double prevStep = b - a;
            if (Math.abs(fc) < Math.abs(fb)) {
                // keep b as the best approximation
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tolAct = 2 * EPSILON * Math.abs(b) + tol / 2;
            double newStep = (c - b) / 2;
            if (Math.abs(newStep) <= tolAct || fb == 0.0) {
                return b;
            }
            if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
                double p;
                double q;
                double cb = c - b;
                if (a == c) {
                    double t1 = fb / fa;
                    p = cb * t1;
                    q = 1.0 - t1;
                } else {
                    double qq = fa / fc;
                    double t1 = fb / fc;
                    double t2 = fb / fa;
                    p = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1.0));
                    q = (qq - 1.0) * (t1 - 1.0) * (t2 - 1.0);
                }
                if (p > 0) {
                    q = -q;
                } else {
                    p = -p;
                }
                if (p < (0.75 * cb * q - Math.abs(tolAct * q) / 2) && p < Math.abs(prevStep * q / 2)) {
                    newStep = p / q;
                }
            }
            if (Math.abs(newStep) < tolAct) {
                newStep = newStep > 0 ? tolAct : -tolAct;
            }
            a = b;
            fa = fb;
            b += newStep;
            fb = eval(f, b);
            if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
                c = a;
                fc = fa;
            }
        }
        // uniroot warns and returns the last iterate when it does not converge
        return b;
    }
}
