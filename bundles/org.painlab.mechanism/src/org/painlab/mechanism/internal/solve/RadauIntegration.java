package org.painlab.mechanism.internal.solve;

import static org.painlab.mechanism.internal.solve.RadauTableau.C1;
import static org.painlab.mechanism.internal.solve.RadauTableau.C2;
import static org.painlab.mechanism.internal.solve.RadauTableau.E1;
import static org.painlab.mechanism.internal.solve.RadauTableau.E2;
import static org.painlab.mechanism.internal.solve.RadauTableau.E3;
import static org.painlab.mechanism.internal.solve.RadauTableau.MU_ALPHA;
import static org.painlab.mechanism.internal.solve.RadauTableau.MU_BETA;
import static org.painlab.mechanism.internal.solve.RadauTableau.MU_REAL;
import static org.painlab.mechanism.internal.solve.RadauTableau.T11;
import static org.painlab.mechanism.internal.solve.RadauTableau.T12;
import static org.painlab.mechanism.internal.solve.RadauTableau.T13;
import static org.painlab.mechanism.internal.solve.RadauTableau.T21;
import static org.painlab.mechanism.internal.solve.RadauTableau.T22;
import static org.painlab.mechanism.internal.solve.RadauTableau.T23;
import static org.painlab.mechanism.internal.solve.RadauTableau.TI11;
import static org.painlab.mechanism.internal.solve.RadauTableau.TI12;
import static org.painlab.mechanism.internal.solve.RadauTableau.TI13;
import static org.painlab.mechanism.internal.solve.RadauTableau.TI21;
import static org.painlab.mechanism.internal.solve.RadauTableau.TI22;
import static org.painlab.mechanism.internal.solve.RadauTableau.TI23;
import static org.painlab.mechanism.internal.solve.RadauTableau.TI31;
import static org.painlab.mechanism.internal.solve.RadauTableau.TI32;
import static org.painlab.mechanism.internal.solve.RadauTableau.TI33;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.painlab.mechanism.solve.OdeSystem;
import org.painlab.mechanism.solve.SolverEvent;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.solve.Tolerances;
import org.painlab.mechanism.solve.Trajectory;

/**
 * One run of the Radau IIA integrator, holding the state of that run only. The control follows Hairer and
 * Wanner's RADAU5 (Solving ODE II, IV.8): simplified Newton iteration on the transformed stage equations with
 * its convergence-rate test, the embedded error estimate filtered through (I - h gamma0 J)^-1, Gustafsson's
 * predictive step-size controller, and reuse of the Jacobian and of the factorizations while Newton converges
 * fast. Tolerances are transformed as RADAU5 does (rtol' = 0.1 rtol^(2/3)) so the caller's tolerances govern
 * the global error of this order-5 method rather than its order-3 error estimate.
 */
final class RadauIntegration {
    private static final double UNIT_ROUNDOFF = Math.ulp(1.0) / 2;
    private static final int NEWTON_MAX = 7;
    private static final double SAFETY = 0.9;
    /** Newton contraction below which the Jacobian is kept for the next step. */
    private static final double THETA_REUSE = 0.001;
    /** Step ratio band in which the factorization is kept. */
    private static final double KEEP_LOW = 1.0;
    private static final double KEEP_HIGH = 1.2;
    /** Bounds of h/h_new. */
    private static final double SHRINK_MAX = 5.0;
    private static final double GROW_MAX = 0.125;
    private static final int MAX_SINGULAR = 5;

    private enum Newton {
        CONVERGED, SLOW, FAILED
    }

    private final OdeSystem system;
    private final int n;
    private final double atol;
    private final double rtol;
    private final int maxSteps;
    private final double newtonTolerance;
    private final EventTracker events;
    private final IProgressMonitor monitor;
    private final FiniteDifferenceJacobian differences;

    private final double[][] jacobian;
    private final double[][] z;
    private final double[][] w;
    private final double[][] stageF;
    private final double[] scale;
    private final double[] work;
    private final double[] realRhs;
    private final double[] complexRe;
    private final double[] complexIm;
    private final double[] errorEstimate;
    private final double[] ze;

    private RealLu realLu;
    private ComplexLu complexLu;

    private int accepted;
    private int rejected;
    private int evaluations;
    private int jacobians;
    private int attempts;

    private int newtonIterations;
    private double theta;
    private double faccon = 1;
    private double hShrink;
    private boolean lastNewtonNonFinite;

    RadauIntegration(OdeSystem system, Tolerances tolerances, List<SolverEvent> events, IProgressMonitor monitor) {
        this.system = system;
        this.n = system.dimension();
        this.rtol = 0.1 * Math.pow(tolerances.relative(), 2.0 / 3);
        this.atol = rtol * tolerances.absolute() / tolerances.relative();
        this.maxSteps = tolerances.maxSteps();
        this.newtonTolerance = Math.max(10 * UNIT_ROUNDOFF / rtol, Math.min(0.03, Math.sqrt(rtol)));
        this.events = new EventTracker(events);
        this.monitor = monitor;
        this.differences = new FiniteDifferenceJacobian(system);
        this.jacobian = new double[n][n];
        this.z = new double[3][n];
        this.w = new double[3][n];
        this.stageF = new double[3][n];
        this.scale = new double[n];
        this.work = new double[n];
        this.realRhs = new double[n];
        this.complexRe = new double[n];
        this.complexIm = new double[n];
        this.errorEstimate = new double[n];
        this.ze = new double[n];
    }

    Trajectory run(double t0, double[] y0, double[] outputTimes) throws SolverException {
        OutputRecorder recorder = new OutputRecorder(outputTimes);
        double t = t0;
        double[] y = y0.clone();
        recorder.recordAt(t, y, 0);
        if (recorder.complete()) {
            return finish(recorder);
        }
        double tEnd = outputTimes[outputTimes.length - 1];
        events.start(t, y);
        double[] f0 = new double[n];
        derivatives(t, y, f0);
        requireFinite(f0, t, "f");

        double h = initialStep(t, y, f0, tEnd - t);
        boolean first = true;
        boolean reject = false;
        boolean needJacobian = true;
        boolean needFactor = true;
        boolean jacobianCurrent = false;
        int singular = 0;
        double hAccepted = 0;
        double errAccepted = 0;
        boolean predictive = false;
        CollocationPolynomial previous = null;
        double hPrevious = 0;

        while (true) {
            checkCancel();
            if (needJacobian) {
                computeJacobian(t, y, f0);
                jacobianCurrent = true;
                needJacobian = false;
                needFactor = true;
            }
            if (needFactor) {
                if (!factor(h)) {
                    if (++singular >= MAX_SINGULAR) {
                        throw new SolverException("Radau5: the Newton matrix is singular " + singular
                                + " times in a row at t = " + t);
                    }
                    h *= 0.5;
                    reject = true;
                    continue;
                }
                needFactor = false;
            }
            if (++attempts > maxSteps) {
                throw new SolverException("Radau5: more than " + maxSteps + " steps needed; stopped at t = " + t
                        + " before t = " + tEnd);
            }
            if (0.1 * Math.abs(h) <= Math.abs(t) * UNIT_ROUNDOFF || h <= Double.MIN_NORMAL) {
                throw new SolverException("Radau5: step size underflow (h = " + h + ") at t = " + t
                        + (lastNewtonNonFinite ? "; f is not finite near this time" : ""));
            }
            double tNew = t + h;
            startingValues(previous, hPrevious, h, t, y);
            for (int i = 0; i < n; i++) {
                scale[i] = atol + rtol * Math.abs(y[i]);
            }

            Newton newton = newton(t, y, h);
            if (newton != Newton.CONVERGED) {
                h *= newton == Newton.FAILED ? 0.5 : hShrink;
                reject = true;
                rejected++;
                needJacobian = !jacobianCurrent;
                needFactor = true;
                continue;
            }
            singular = 0;

            double err = errorNorm(t, y, f0, h, first || reject);
            double fac = Math.min(SAFETY, SAFETY * (1 + 2 * NEWTON_MAX) / (newtonIterations + 2 * NEWTON_MAX));
            double quot = Math.max(GROW_MAX, Math.min(SHRINK_MAX, Math.pow(err, 0.25) / fac));
            double hNew = h / quot;
            if (err >= 1) {
                reject = true;
                rejected++;
                h = first ? h * 0.1 : hNew;
                needJacobian = !jacobianCurrent;
                needFactor = true;
                continue;
            }

            accepted++;
            if (predictive) {
                double gus = (hAccepted / h) * Math.pow(err * err / errAccepted, 0.25) / SAFETY;
                gus = Math.max(GROW_MAX, Math.min(SHRINK_MAX, gus));
                quot = Math.max(quot, gus);
                hNew = h / quot;
            }
            predictive = true;
            hAccepted = h;
            errAccepted = Math.max(1e-2, err);

            double[] yNew = new double[n];
            for (int i = 0; i < n; i++) {
                yNew[i] = y[i] + z[2][i];
            }
            requireFinite(yNew, tNew, "y");
            CollocationPolynomial polynomial = new CollocationPolynomial(t, h, y, z);
            double tEvent = events.isEmpty() ? Double.NaN : events.locate(polynomial, t, tNew, yNew);
            if (!Double.isNaN(tEvent)) {
                double tol = EventTracker.tolerance(tEvent, h);
                recorder.recordBefore(tEvent - tol, polynomial);
                double[] yEvent = polynomial.at(tEvent);
                boolean stop = events.fire(tEvent, yEvent);
                requireFinite(yEvent, tEvent, "y after an event");
                recorder.recordAt(tEvent, yEvent, tol);
                if (stop) {
                    recorder.recordStop(tEvent, yEvent);
                    return finish(recorder);
                }
                t = tEvent;
                y = yEvent;
                if (recorder.complete() || tEnd - t <= tol) {
                    recorder.recordAt(tEnd, y, tol);
                    return finish(recorder);
                }
                derivatives(t, y, f0);
                requireFinite(f0, t, "f after an event");
                // the event may change y discontinuously: start afresh, as at t0
                first = true;
                reject = false;
                predictive = false;
                previous = null;
                faccon = 1;
                needJacobian = true;
                jacobianCurrent = false;
                h = Math.min(Math.max(Math.abs(hNew), 10 * tol), tEnd - t);
                continue;
            }

            recorder.recordBefore(tNew, polynomial);
            recorder.recordAt(tNew, yNew, 0);
            double[] fNew = new double[n];
            derivatives(tNew, yNew, fNew);
            requireFinite(fNew, tNew, "f");
            t = tNew;
            y = yNew;
            f0 = fNew;
            previous = polynomial;
            hPrevious = h;
            first = false;
            if (recorder.complete() || t >= tEnd) {
                recorder.recordAt(tEnd, y, 0);
                return finish(recorder);
            }
            if (reject) {
                hNew = Math.min(hNew, h);
            }
            reject = false;
            jacobianCurrent = false;
            if (t + hNew / KEEP_LOW >= tEnd) {
                h = tEnd - t;
            } else {
                double ratio = hNew / h;
                if (theta <= THETA_REUSE && ratio >= KEEP_LOW && ratio <= KEEP_HIGH) {
                    // same h and Jacobian: the factorizations stay valid
                    continue;
                }
                h = hNew;
            }
            needFactor = true;
            needJacobian = theta > THETA_REUSE;
        }
    }

    /** Simplified Newton iteration on the transformed stage equations (RADAU5's loop with its rate tests). */
    private Newton newton(double t, double[] y, double h) {
        double realShift = MU_REAL / h;
        double alpha = MU_ALPHA / h;
        double beta = MU_BETA / h;
        faccon = Math.pow(Math.max(faccon, UNIT_ROUNDOFF), 0.8);
        theta = THETA_REUSE;
        double dynoOld = 0;
        double thqOld = 0;
        newtonIterations = 0;
        lastNewtonNonFinite = false;
        while (true) {
            if (newtonIterations >= NEWTON_MAX) {
                return Newton.FAILED;
            }
            stage(t + C1 * h, y, z[0], stageF[0]);
            stage(t + C2 * h, y, z[1], stageF[1]);
            stage(t + h, y, z[2], stageF[2]);
            for (int i = 0; i < n; i++) {
                double f1 = stageF[0][i];
                double f2 = stageF[1][i];
                double f3 = stageF[2][i];
                if (!Double.isFinite(f1) || !Double.isFinite(f2) || !Double.isFinite(f3)) {
                    lastNewtonNonFinite = true;
                    return Newton.FAILED;
                }
                realRhs[i] = TI11 * f1 + TI12 * f2 + TI13 * f3 - realShift * w[0][i];
                double gr = TI21 * f1 + TI22 * f2 + TI23 * f3;
                double gi = TI31 * f1 + TI32 * f2 + TI33 * f3;
                // (gr + i gi) - (alpha - i beta)(w1 + i w2)
                complexRe[i] = gr - (alpha * w[1][i] + beta * w[2][i]);
                complexIm[i] = gi - (alpha * w[2][i] - beta * w[1][i]);
            }
            realLu.solve(realRhs);
            complexLu.solve(complexRe, complexIm);
            newtonIterations++;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double a = realRhs[i] / scale[i];
                double b = complexRe[i] / scale[i];
                double c = complexIm[i] / scale[i];
                sum += a * a + b * b + c * c;
            }
            double dyno = Math.sqrt(sum / (3.0 * Math.max(n, 1)));
            if (newtonIterations > 1 && newtonIterations < NEWTON_MAX) {
                double thq = dyno / dynoOld;
                theta = newtonIterations == 2 ? thq : Math.sqrt(thq * thqOld);
                thqOld = thq;
                if (theta < 0.99) {
                    faccon = theta / (1 - theta);
                    double dyth = faccon * dyno * Math.pow(theta, NEWTON_MAX - 1 - newtonIterations)
                            / newtonTolerance;
                    if (dyth >= 1) {
                        double qnewt = Math.max(1e-4, Math.min(20, dyth));
                        hShrink = 0.8 * Math.pow(qnewt, -1.0 / (4 + NEWTON_MAX - 1 - newtonIterations));
                        return Newton.SLOW;
                    }
                } else {
                    return Newton.FAILED;
                }
            }
            dynoOld = Math.max(dyno, UNIT_ROUNDOFF);
            for (int i = 0; i < n; i++) {
                double w1 = w[0][i] + realRhs[i];
                double w2 = w[1][i] + complexRe[i];
                double w3 = w[2][i] + complexIm[i];
                w[0][i] = w1;
                w[1][i] = w2;
                w[2][i] = w3;
                z[0][i] = T11 * w1 + T12 * w2 + T13 * w3;
                z[1][i] = T21 * w1 + T22 * w2 + T23 * w3;
                z[2][i] = w1 + w2;
            }
            // a single iteration is trusted only when its correction is already below the tolerance: faccon
            // carried over from earlier steps can be tiny while a stale Jacobian contracts poorly (HIRES at
            // rtol 1e-4 ended 300 % off without this)
            if (faccon * dyno <= newtonTolerance && (newtonIterations > 1 || dyno <= 1)) {
                return Newton.CONVERGED;
            }
        }
    }

    /**
     * RADAU5's error estimate: (I - h gamma0 J)^-1 applied to the embedded difference, which stays bounded for
     * stiff components; recomputed with one more f evaluation after a rejection or at a (re)start, where the
     * plain estimate is known to be too pessimistic.
     */
    private double errorNorm(double t, double[] y, double[] f0, double h, boolean refine) {
        for (int i = 0; i < n; i++) {
            ze[i] = (E1 * z[0][i] + E2 * z[1][i] + E3 * z[2][i]) / h;
            errorEstimate[i] = f0[i] + ze[i];
        }
        realLu.solve(errorEstimate);
        double err = Math.max(rms(errorEstimate), 1e-10);
        if (err >= 1 && refine) {
            for (int i = 0; i < n; i++) {
                work[i] = y[i] + errorEstimate[i];
            }
            derivatives(t, work, errorEstimate);
            for (int i = 0; i < n; i++) {
                errorEstimate[i] += ze[i];
            }
            realLu.solve(errorEstimate);
            double refined = rms(errorEstimate);
            err = Double.isFinite(refined) ? Math.max(refined, 1e-10) : err;
        }
        return Double.isFinite(err) ? err : 1e10;
    }

    private double rms(double[] v) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double r = v[i] / scale[i];
            sum += r * r;
        }
        return Math.sqrt(sum / Math.max(n, 1));
    }

    /** Newton starting values: the previous step's polynomial extrapolated, or zero at a (re)start. */
    private void startingValues(CollocationPolynomial previous, double hPrevious, double h, double t, double[] y) {
        if (previous == null) {
            for (int k = 0; k < 3; k++) {
                Arrays.fill(z[k], 0);
                Arrays.fill(w[k], 0);
            }
            return;
        }
        double[] nodes = {C1, C2, 1};
        for (int k = 0; k < 3; k++) {
            previous.evaluate(t + nodes[k] * h, z[k]);
            for (int i = 0; i < n; i++) {
                z[k][i] -= y[i];
            }
        }
        for (int i = 0; i < n; i++) {
            double z1 = z[0][i];
            double z2 = z[1][i];
            double z3 = z[2][i];
            w[0][i] = TI11 * z1 + TI12 * z2 + TI13 * z3;
            w[1][i] = TI21 * z1 + TI22 * z2 + TI23 * z3;
            w[2][i] = TI31 * z1 + TI32 * z2 + TI33 * z3;
        }
    }

    private void stage(double t, double[] y, double[] zk, double[] out) {
        for (int i = 0; i < n; i++) {
            work[i] = y[i] + zk[i];
        }
        derivatives(t, work, out);
    }

    private void computeJacobian(double t, double[] y, double[] f0) {
        jacobians++;
        if (!system.jacobian(t, y, jacobian)) {
            evaluations += differences.evaluate(t, y, f0, jacobian);
        }
    }

    /** Factors (mu_real/h) I - J and (alpha - i beta)/h I - J; false when either is singular. */
    private boolean factor(double h) {
        double[][] real = new double[n][n];
        double[][] re = new double[n][n];
        double[][] im = new double[n][n];
        double shift = MU_REAL / h;
        double alpha = MU_ALPHA / h;
        double beta = MU_BETA / h;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                real[i][j] = -jacobian[i][j];
                re[i][j] = -jacobian[i][j];
            }
            real[i][i] += shift;
            re[i][i] += alpha;
            im[i][i] = -beta;
        }
        realLu = RealLu.factor(real);
        complexLu = ComplexLu.factor(re, im);
        return realLu != null && complexLu != null;
    }

    /** Hairer's starting step guess for an order-3 error estimator (as in SciPy's select_initial_step). */
    private double initialStep(double t, double[] y, double[] f0, double span) {
        for (int i = 0; i < n; i++) {
            scale[i] = atol + rtol * Math.abs(y[i]);
        }
        double d0 = rms(y);
        double d1 = rms(f0);
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(h0, span);
        double[] y1 = new double[n];
        for (int i = 0; i < n; i++) {
            y1[i] = y[i] + h0 * f0[i];
        }
        double[] f1 = new double[n];
        derivatives(t + h0, y1, f1);
        for (int i = 0; i < n; i++) {
            f1[i] -= f0[i];
        }
        double d2 = rms(f1) / h0;
        if (!Double.isFinite(d2)) {
            return h0;
        }
        double h1 = d1 <= 1e-15 && d2 <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / Math.max(d1, d2), 0.25);
        return Math.min(Math.min(100 * h0, h1), span);
    }

    private void derivatives(double t, double[] y, double[] out) {
        evaluations++;
        system.derivatives(t, y, out);
    }

    private void checkCancel() {
        if (monitor != null && monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }

    private static void requireFinite(double[] v, double t, String what) throws SolverException {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new SolverException("Radau5: " + what + " is not finite (component " + i + " = " + v[i]
                        + ") at t = " + t);
            }
        }
    }

    private Trajectory finish(OutputRecorder recorder) {
        return recorder.trajectory(accepted, rejected, evaluations, jacobians);
    }
}
