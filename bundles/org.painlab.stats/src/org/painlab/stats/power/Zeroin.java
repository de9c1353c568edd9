package org.painlab.stats.power;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent's root finder (Brent 1973, the netlib {@code zeroin}), step for step as R's
 * {@code uniroot} runs it, including uniroot's {@code extendInt = "upX"} widening of the
 * bracket for an increasing function. Following R's iteration exactly lets a test reproduce an
 * n that R solved with its loose default tolerance, not just the true root.
 */
final class Zeroin {

    private static final double EPS = Math.ulp(1.0);
    /** R's uniroot default tolerance, .Machine$double.eps^0.25. */
    static final double R_DEFAULT_TOL = Math.pow(EPS, 0.25);
    private static final int MAX_ITER = 1000;

    private Zeroin() {
    }

    /**
     * Root of an increasing f in [lower, upper], widening the bracket as uniroot's "upX" does
     * (lower moves down while f(lower) &gt; 0, upper up while f(upper) &lt; 0).
     *
     * @throws IllegalStateException if no sign change is found or Brent does not converge
     */
    static double rootIncreasing(DoubleUnaryOperator f, double lower, double upper, double tol) {
        double fLower = f.applyAsDouble(lower);
        double fUpper = f.applyAsDouble(upper);
        int it = 0;
        double delta = 0.01 * Math.max(1e-4, Math.abs(lower));
        while (fLower > 0) {
            if (++it > MAX_ITER) {
                throw new IllegalStateException("no sign change found in " + MAX_ITER + " iterations");
            }
            lower -= delta;
            fLower = f.applyAsDouble(lower);
            delta *= 2;
        }
        delta = 0.01 * Math.max(1e-4, Math.abs(upper));
        while (fUpper < 0) {
            if (++it > MAX_ITER) {
                throw new IllegalStateException("no sign change found in " + MAX_ITER + " iterations");
            }
            upper += delta;
            fUpper = f.applyAsDouble(upper);
            delta *= 2;
        }
        if (Double.isNaN(fLower) || Double.isNaN(fUpper)) {
            throw new IllegalStateException("function is NaN at an end of the search interval");
        }
        return brent(f, lower, upper, fLower, fUpper, tol);
    }

    /** Brent's method on a bracket with f(a), f(b) of opposite signs (or one of them zero). */
    static double brent(DoubleUnaryOperator f, double ax, double bx, double fa0, double fb0, double tol) {
        double a = ax;
        double b = bx;
        double fa = fa0;
        double fb = fb0;
        double c = a;
        double fc = fa;
        if (fa == 0) {
            return a;
        }
        if (fb == 0) {
            return b;
        }
        for (int left = MAX_ITER + 1; left > 0; left--) {
            double prevStep = b - a;
            if (Math.abs(fc) < Math.abs(fb)) {
                // keep b the best approximation
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tolAct = 2 * EPS * Math.abs(b) + tol / 2;
            double newStep = (c - b) / 2;
            if (Math.abs(newStep) <= tolAct || fb == 0) {
                return b;
            }
            if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
                // interpolation: secant with two distinct points, inverse quadratic with three
                double p;
                double q;
                double cb = c - b;
                if (a == c) {
                    double t1 = fb / fa;
                    p = cb * t1;
                    q = 1.0 - t1;
                } else {
                    q = fa / fc;
                    double t1 = fb / fc;
                    double t2 = fb / fa;
                    p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0));
                    q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0);
                }
                if (p > 0) {
                    q = -q;
                } else {
                    p = -p;
                }
                if (p < (0.75 * cb * q - Math.abs(tolAct * q) / 2) && p < Math.abs(prevStep * q / 2)) {
                    newStep = p / q; // accepted; otherwise bisect
                }
            }
            if (Math.abs(newStep) < tolAct) {
                newStep = newStep > 0 ? tolAct : -tolAct;
            }
            a = b;
            fa = fb;
            b += newStep;
            fb = f.applyAsDouble(b);
            if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
                c = a;
                fc = fa;
            }
        }
        throw new IllegalStateException("root finder did not converge in " + MAX_ITER + " iterations");
    }
}
