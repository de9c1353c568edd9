package org.painlab.mechanism.internal.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.mechanism.internal.sim.CompiledModel.CompiledEvent;
import org.painlab.mechanism.solve.Solver;
import org.painlab.mechanism.solve.SolverEvent;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.solve.Tolerances;
import org.painlab.mechanism.solve.Trajectory;

/**
 * Integrates a compiled model through its events with SBML semantics: the solver stops at a located trigger,
 * every event whose trigger went from false to true fires (assignments from the values before any of them),
 * triggers made true by those assignments fire next, and the solver restarts. An output time at an event
 * shows the state after it.
 */
public final class EventLoop {
    /** Guards against events that keep triggering each other at one instant. */
    private static final int MAX_CASCADE = 1000;

    /** States at the output times and the work done. */
    public record Result(double[][] states, int steps, int evaluations) {
    }

    private final CompiledModel model;
    private final List<CompiledEvent> events;
    private final double[] values;

    public EventLoop(CompiledModel model) {
        this.model = model;
        this.events = model.events();
        this.values = new double[model.valueCount()];
    }

    public Result run(Solver solver, double t0, double[] outputTimes, Tolerances tolerances, IProgressMonitor monitor)
            throws SolverException {
        double[] y = model.initialState(t0);
        boolean[] on = new boolean[events.size()];
        for (int j = 0; j < on.length; j++) {
            on[j] = events.get(j).initialValue();
        }
        double t = t0;
        cascade(t, y, on);
        double[][] rows = new double[outputTimes.length][];
        int next = 0;
        int steps = 0, evaluations = 0, stalls = 0;
        while (next < outputTimes.length) {
            if (outputTimes[next] <= t) {
                rows[next++] = y.clone();
                continue;
            }
            double[] remaining = Arrays.copyOfRange(outputTimes, next, outputTimes.length);
            Stop stop = new Stop();
            double restart = t;
            boolean[] onAtRestart = on.clone();
            List<SolverEvent> solverEvents = new ArrayList<>();
            for (int j = 0; j < events.size(); j++) {
                solverEvents.add(solverEvent(j, restart, onAtRestart, stop));
            }
            Trajectory tr = solver.solve(model, t, y, remaining, tolerances, solverEvents, monitor);
            steps += tr.steps();
            evaluations += tr.evaluations();
            for (int i = 0; i < tr.times().length; i++) {
                if (stop.y != null && tr.times()[i] >= stop.t) {
                    break; // shown after the event
                }
                rows[next++] = tr.states()[i];
            }
            if (stop.y == null) {
                if (next < outputTimes.length) {
                    throw new SolverException("the solver ended at t = " + (next == 0 ? t : outputTimes[next - 1])
                            + " before the last output time " + outputTimes[outputTimes.length - 1]);
                }
                break;
            }
            stalls = stop.t <= t ? stalls + 1 : 0;
            if (stalls > MAX_CASCADE) {
                throw new SolverException("events keep stopping the integration at t = " + t);
            }
            t = stop.t;
            y = stop.y;
            // the located event is on even if its condition is still exactly at the switching point
            cascade(t, y, on, stop.event);
        }
        return new Result(rows, steps, evaluations);
    }

    /** Where the solver stopped. */
    private static final class Stop {
        double t;
        double[] y;
        int event = -1;
    }

    private SolverEvent solverEvent(int j, double restart, boolean[] onAtRestart, Stop stop) {
        CompiledEvent e = events.get(j);
        double[] v = new double[model.valueCount()];
        return new SolverEvent() {
            @Override
            public double g(double t, double[] y) {
                model.values(t, y, v);
                double g = e.switching().eval(v, t);
                // a state resting exactly on the threshold (an equilibrium at S1 = 0.5 for S1 < 0.5) would give
                // a switching function that is zero on a whole interval, which root finders cannot bracket:
                // the boundary counts as on, as for >=
                return g == 0 ? Double.MIN_NORMAL : g;
            }

            @Override
            public boolean fire(double t, double[] y) {
                // a root found again right where the last segment stopped is the event already handled
                if (onAtRestart[j] && Math.abs(t - restart) <= 1e-9 * Math.max(1, Math.abs(t))) {
                    return false;
                }
                stop.t = t;
                stop.y = y.clone();
                stop.event = j;
                return true;
            }
        };
    }

    private static double nearRoot(double[] y) {
        double m = 0;
        for (double x : y) {
            m = Math.max(m, Math.abs(x));
        }
        return 1e-9 * (1 + m);
    }

    private void cascade(double t, double[] y, boolean[] on) throws SolverException {
        cascade(t, y, on, -1);
    }

    private void cascade(double t, double[] y, boolean[] on, int located) throws SolverException {
        if (located >= 0) {
            // the solver saw this trigger cross from false to true
            on[located] = false;
        }
        for (int round = 0; round < MAX_CASCADE; round++) {
            model.values(t, y, values);
            List<CompiledEvent> fired = new ArrayList<>();
            for (int j = 0; j < events.size(); j++) {
                boolean now = events.get(j).trigger().eval(values, t) != 0;
                if (j == located) {
                    // the root is located to a tolerance and may lie on either side of the switch: the solver
                    // saw the crossing, so the event fires; afterwards its trigger stays on unless the
                    // assignments moved the state clearly back (a reset S1 = 1 for S1 < 0.1), so that a root a
                    // rounding error away is not taken for a second crossing
                    now = round == 0 || now || events.get(j).switching().eval(values, t) >= -nearRoot(y);
                }
                if (now && !on[j]) {
                    fired.add(events.get(j));
                }
                on[j] = now;
            }
            if (fired.isEmpty()) {
                return;
            }
            model.fire(fired, t, y);
        }
        throw new SolverException("events keep triggering each other at t = " + t);
    }
}
