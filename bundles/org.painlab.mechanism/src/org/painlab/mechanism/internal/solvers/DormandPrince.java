package org.painlab.mechanism.internal.solvers;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.painlab.mechanism.solve.OdeSystem;
import org.painlab.mechanism.solve.Solver;
import org.painlab.mechanism.solve.SolverEvent;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.solve.Tolerances;
import org.painlab.mechanism.solve.Trajectory;

/**
 * The non-stiff solver: Hipparchus' adaptive Dormand-Prince 5(4), its dense output giving the requested
 * times, its event detectors locating {@link SolverEvent}s (upward crossings only).
 */
public final class DormandPrince implements Solver {
    /** Stops the integration from inside f when it is not finite. */
    private static final class NotFinite extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final double t;

        NotFinite(double t) {
            super(null, null, false, false);
            this.t = t;
        }
    }

    /** Everything one call collects. */
    private static final class Run implements ODEStepHandler {
        final double[] outputTimes;
        final double[][] states;
        final IProgressMonitor monitor;
        int next;
        int steps;
        double reached;
        boolean stopped;

        Run(double[] outputTimes, IProgressMonitor monitor) {
            this.outputTimes = outputTimes;
            this.states = new double[outputTimes.length][];
            this.monitor = monitor;
        }

        @Override
        public void handleStep(ODEStateInterpolator interpolator) {
            if (monitor != null && monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            steps++;
            double end = interpolator.getCurrentState().getTime();
            while (next < outputTimes.length && outputTimes[next] <= end) {
                states[next] = interpolator.getInterpolatedState(outputTimes[next]).getPrimaryState();
                next++;
            }
            reached = end;
        }
    }

    @Override
    public Trajectory solve(OdeSystem system, double t0, double[] y0, double[] outputTimes, Tolerances tolerances,
            List<SolverEvent> events, IProgressMonitor monitor) throws SolverException {
        int dim = system.dimension();
        // with no state variable (only time-dependent rules) events still need an integration to locate
        // them: one dummy component that stays 0
        int n = Math.max(1, dim);
        Run run = new Run(outputTimes, monitor);
        while (run.next < outputTimes.length && outputTimes[run.next] <= t0) {
            run.states[run.next++] = y0.clone();
        }
        double tEnd = outputTimes.length == 0 ? t0 : outputTimes[outputTimes.length - 1];
        if (dim == 0 && events.isEmpty()) {
            // nothing changes: every output is the (empty) state
            run.next = 0;
            while (run.next < outputTimes.length) {
                run.states[run.next++] = y0.clone();
            }
        }
        if (tEnd <= t0 || run.next == outputTimes.length) {
            return constant(run, y0);
        }
        double span = tEnd - t0;
        int[] evaluations = new int[1];
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] d = new double[n];
                if (dim > 0) {
                    system.derivatives(t, y, d);
                }
                evaluations[0]++;
                for (double x : d) {
                    if (!Double.isFinite(x)) {
                        throw new NotFinite(t);
                    }
                }
                return d;
            }
        };
        DormandPrince54Integrator integrator = new DormandPrince54Integrator(span * 1e-14, span, tolerances.absolute(),
                tolerances.relative());
        integrator.setMaxEvaluations(saturated(tolerances.maxSteps() * 7L));
        integrator.addStepHandler(run);
        for (SolverEvent e : events) {
            integrator.addEventDetector(detector(e, span, run, dim));
        }
        try {
            integrator.integrate(ode, new ODEState(t0, dim == 0 ? new double[1] : y0.clone()), tEnd);
        } catch (NotFinite e) {
            throw new SolverException("Dormand-Prince: the derivatives are not finite at t = " + e.t);
        } catch (MathRuntimeException e) {
            throw new SolverException("Dormand-Prince stopped at t = " + run.reached + ": " + e.getMessage());
        }
        int reachedCount = run.next;
        double[] times = new double[reachedCount];
        double[][] states = new double[reachedCount][];
        System.arraycopy(outputTimes, 0, times, 0, reachedCount);
        for (int i = 0; i < reachedCount; i++) {
            states[i] = Arrays.copyOf(run.states[i], dim);
        }
        return new Trajectory(times, states, run.steps, 0, evaluations[0], 0);
    }

    private static int saturated(long v) {
        return (int) Math.min(Integer.MAX_VALUE, v);
    }

    private static Trajectory constant(Run run, double[] y0) {
        double[] times = new double[run.next];
        double[][] states = new double[run.next][];
        for (int i = 0; i < run.next; i++) {
            times[i] = run.outputTimes[i];
            states[i] = y0.clone();
        }
        return new Trajectory(times, states, 0, 0, 0, 0);
    }

    private static ODEEventDetector detector(SolverEvent e, double span, Run run, int dim) {
        double accuracy = Math.max(1e-13, span * 1e-12);
        BracketingNthOrderBrentSolver root = new BracketingNthOrderBrentSolver(1e-14, accuracy, 1e-15, 5);
        AdaptableInterval check = AdaptableInterval.of(span / 200);
        ODEEventHandler handler = new ODEEventHandler() {
            private double[] reset;

            @Override
            public Action eventOccurred(ODEStateAndDerivative s, ODEEventDetector d, boolean increasing) {
                if (!increasing) {
                    return Action.CONTINUE;
                }
                double[] y = Arrays.copyOf(s.getPrimaryState(), dim);
                double[] before = y.clone();
                if (e.fire(s.getTime(), y)) {
                    run.stopped = true;
                    return Action.STOP;
                }
                if (!Arrays.equals(before, y)) {
                    reset = dim == 0 ? new double[1] : y;
                    return Action.RESET_STATE;
                }
                return Action.CONTINUE;
            }

            @Override
            public ODEState resetState(ODEEventDetector d, ODEStateAndDerivative s) {
                double[] y = reset;
                reset = null;
                return new ODEState(s.getTime(), y);
            }
        };
        return new ODEEventDetector() {
            @Override
            public AdaptableInterval getMaxCheckInterval() {
                return check;
            }

            @Override
            public int getMaxIterationCount() {
                return 200;
            }

            @Override
            public BracketingNthOrderBrentSolver getSolver() {
                return root;
            }

            @Override
            public ODEEventHandler getHandler() {
                return handler;
            }

            @Override
            public double g(ODEStateAndDerivative s) {
                double[] y = s.getPrimaryState();
                return e.g(s.getTime(), y.length == dim ? y : Arrays.copyOf(y, dim));
            }
        };
    }
}
