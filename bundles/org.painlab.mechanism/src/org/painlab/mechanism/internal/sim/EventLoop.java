package org.painlab.mechanism.internal.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * <p>
 * A delayed event is queued when its trigger fires (its delay and, with useValuesFromTriggerTime, its values
 * computed then) and executes when the integration reaches its time, which ends a solver segment; a
 * non-persistent event's queued executions are dropped when its trigger turns false (located by the solver
 * too). Events due at the same instant execute together as before unless one has a priority: then one at a
 * time, the highest priority (evaluated at that instant) first, events without one last, ties in the order they
 * triggered, and the triggers are checked again after each (SBML Level 3).
 */
public final class EventLoop {
    /** Guards against events that keep triggering each other at one instant. */
    private static final int MAX_CASCADE = 1000;

    /** States at the output times and the work done (accepted and rejected steps, f evaluations, Jacobians). */
    public record Result(double[][] states, int steps, int rejected, int evaluations, int jacobians) {
    }

    private final CompiledModel model;
    private final List<CompiledEvent> events;
    private final double[] values;
    /** Executions of delayed events waiting for their time, and those due now. */
    private final List<Execution> pending = new ArrayList<>();
    private final List<Execution> ready = new ArrayList<>();
    private long triggered;

    /** One execution of an event: when, the values computed at its trigger (or null), the order it triggered in. */
    private record Execution(int event, double time, double[] assigned, long order) {
    }

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
        pending.clear();
        ready.clear();
        cascade(t, y, on, -1, -1);
        double[][] rows = new double[outputTimes.length][];
        int next = 0;
        int steps = 0, rejected = 0, evaluations = 0, jacobians = 0, stalls = 0;
        while (next < outputTimes.length) {
            if (outputTimes[next] <= t) {
                rows[next++] = y.clone();
                continue;
            }
            double due = Double.POSITIVE_INFINITY;
            for (Execution x : pending) {
                due = Math.min(due, x.time());
            }
            // the segment ends where the first queued execution is due, if that comes before the last output time
            boolean toDue = due <= outputTimes[outputTimes.length - 1];
            double[] remaining;
            if (toDue) {
                int end = next;
                while (end < outputTimes.length && outputTimes[end] < due) {
                    end++;
                }
                remaining = Arrays.copyOf(Arrays.copyOfRange(outputTimes, next, end), end - next + 1);
                remaining[end - next] = due;
            } else {
                remaining = Arrays.copyOfRange(outputTimes, next, outputTimes.length);
            }
            Stop stop = new Stop();
            double restart = t;
            boolean[] onAtRestart = on.clone();
            List<SolverEvent> solverEvents = new ArrayList<>();
            for (int j = 0; j < events.size(); j++) {
                solverEvents.add(solverEvent(j, restart, onAtRestart, stop));
                if (!events.get(j).persistent() && waiting(j)) {
                    solverEvents.add(falling(j, stop));
                }
            }
            Trajectory tr = solver.solve(model, t, y, remaining, tolerances, solverEvents, monitor);
            steps += tr.steps();
            rejected += tr.rejectedSteps();
            evaluations += tr.evaluations();
            jacobians += tr.jacobians();
            int rowsInSegment = toDue ? remaining.length - 1 : remaining.length;
            for (int i = 0; i < tr.times().length && i < rowsInSegment; i++) {
                if (stop.y != null && tr.times()[i] >= stop.t) {
                    break; // shown after the event
                }
                rows[next++] = tr.states()[i];
            }
            if (stop.y == null && toDue) {
                if (tr.times().length < remaining.length) {
                    throw new SolverException("the solver ended before t = " + due + ", when a delayed event is due");
                }
                stalls = due <= t ? stalls + 1 : 0;
                if (stalls > MAX_CASCADE) {
                    throw new SolverException("delayed events keep executing at t = " + t);
                }
                t = due;
                y = tr.states()[tr.times().length - 1].clone();
                cascade(t, y, on, -1, -1);
                continue;
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
            cascade(t, y, on, stop.event, stop.fallen);
        }
        return new Result(rows, steps, rejected, evaluations, jacobians);
    }

    /** Where the solver stopped. */
    private static final class Stop {
        double t;
        double[] y;
        int event = -1;
        /** A non-persistent event whose trigger was located turning false. */
        int fallen = -1;
    }

    private boolean waiting(int j) {
        return pending.stream().anyMatch(x -> x.event() == j);
    }

    /** Locates a non-persistent event's trigger turning false while executions of it are queued. */
    private SolverEvent falling(int j, Stop stop) {
        CompiledEvent e = events.get(j);
        double[] v = new double[model.valueCount()];
        return new SolverEvent() {
            @Override
            public double g(double t, double[] y) {
                model.values(t, y, v);
                double g = -e.switching().eval(v, t);
                return g == 0 ? -Double.MIN_NORMAL : g;
            }

            @Override
            public boolean fire(double t, double[] y) {
                stop.t = t;
                stop.y = y.clone();
                stop.fallen = j;
                return true;
            }
        };
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

    private void cascade(double t, double[] y, boolean[] on, int located, int fallen) throws SolverException {
        if (located >= 0) {
            // the solver saw this trigger cross from false to true
            on[located] = false;
        }
        boolean[] atRoot = new boolean[events.size()];
        for (int round = 0; round < MAX_CASCADE; round++) {
            model.values(t, y, values);
            for (int j = 0; j < events.size(); j++) {
                CompiledEvent e = events.get(j);
                boolean now = e.trigger().eval(values, t) != 0;
                if (atRoot[j]) {
                    // joined at its root below: on, as the located one
                    now = now || e.switching().eval(values, t) >= -nearRoot(y);
                }
                if (j == located) {
                    // the root is located to a tolerance and may lie on either side of the switch: the solver
                    // saw the crossing, so the event fires; afterwards its trigger stays on unless the
                    // assignments moved the state clearly back (a reset S1 = 1 for S1 < 0.1), so that a root a
                    // rounding error away is not taken for a second crossing
                    now = round == 0 || now || e.switching().eval(values, t) >= -nearRoot(y);
                }
                if (round == 0 && located >= 0 && j != located && !now && !on[j] && about(j, t, y)) {
                    // located a rounding error before or after the located one: the same instant (SBML's
                    // simultaneous events), so it joins now rather than stopping the solver again at once
                    now = true;
                    atRoot[j] = true;
                }
                if (j == fallen) {
                    // likewise the solver saw this trigger turn false
                    now = round > 0 && now && e.switching().eval(values, t) > nearRoot(y);
                }
                if (now && !on[j]) {
                    trigger(j, t, y);
                }
                if (!now && on[j] && !e.persistent()) {
                    int cancelled = j;
                    pending.removeIf(x -> x.event() == cancelled);
                    ready.removeIf(x -> x.event() == cancelled);
                }
                on[j] = now;
            }
            for (var it = pending.iterator(); it.hasNext();) {
                Execution x = it.next();
                if (x.time() <= t) {
                    ready.add(x);
                    it.remove();
                }
            }
            if (ready.isEmpty()) {
                return;
            }
            execute(t, y);
        }
        throw new SolverException("events keep triggering each other at t = " + t);
    }

    /**
     * Whether event j's trigger is at its switching point and turns true a moment later along the solution
     * (a state resting on the threshold does not).
     */
    private boolean about(int j, double t, double[] y) {
        CompiledEvent e = events.get(j);
        if (Math.abs(e.switching().eval(values, t)) > nearRoot(y)) {
            return false;
        }
        double[] f = new double[y.length];
        model.derivatives(t, y, f);
        double h = 1e-7 * Math.max(1, Math.abs(t));
        double[] ahead = y.clone();
        for (int i = 0; i < y.length; i++) {
            ahead[i] += h * f[i];
        }
        double[] v = new double[model.valueCount()];
        model.values(t + h, ahead, v);
        return e.trigger().eval(v, t + h) != 0;
    }

    private void trigger(int j, double t, double[] y) throws SolverException {
        CompiledEvent e = events.get(j);
        double[] assigned = e.useValuesFromTriggerTime() ? model.assignmentValues(e, t, y) : null;
        double delay = e.delay() == null ? 0 : model.evaluate(e.delay(), t, y);
        if (!(delay >= 0) || Double.isInfinite(delay)) {
            throw new SolverException("event '" + e.id() + "' triggered at t = " + t + " has delay " + delay
                    + " (must be finite and not negative)");
        }
        Execution x = new Execution(j, t + delay, assigned, triggered++);
        (delay == 0 ? ready : pending).add(x);
    }

    /**
     * Executes the due events: all together (values from the state before any of them) when none has a
     * priority, otherwise the first by priority alone.
     */
    private void execute(double t, double[] y) {
        ready.sort(Comparator.comparingLong(Execution::order));
        List<Execution> now = new ArrayList<>();
        if (ready.stream().noneMatch(x -> events.get(x.event()).priority() != null)) {
            now.addAll(ready);
        } else {
            Execution best = null;
            double bestPriority = Double.NEGATIVE_INFINITY;
            for (Execution x : ready) {
                CompiledEvent e = events.get(x.event());
                double p = e.priority() == null ? Double.NEGATIVE_INFINITY : model.evaluate(e.priority(), t, y);
                if (best == null || p > bestPriority) {
                    best = x;
                    bestPriority = p;
                }
            }
            now.add(best);
        }
        ready.removeAll(now);
        List<CompiledEvent> fired = new ArrayList<>();
        List<double[]> computed = new ArrayList<>();
        for (Execution x : now) {
            CompiledEvent e = events.get(x.event());
            fired.add(e);
            computed.add(x.assigned() != null ? x.assigned() : model.assignmentValues(e, t, y));
        }
        model.assign(fired, computed, t, y);
    }
}
