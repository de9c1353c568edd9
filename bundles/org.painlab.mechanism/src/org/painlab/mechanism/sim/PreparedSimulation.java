package org.painlab.mechanism.sim;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.core.extension.ContributionException;
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.internal.sim.CompiledModel;
import org.painlab.mechanism.internal.sim.EventLoop;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.solve.SolverException;

/**
 * A model compiled once for many time courses that differ only in the values of some parameters (scans,
 * sensitivity analyses, fitting): the solver is chosen once, each run copies the compiled model's values
 * and sets the parameters there, so {@link #run} may be called from several threads at once. Made by
 * {@link Simulator#prepare}.
 *
 * @since 0.1
 */
public final class PreparedSimulation {
    private final CompiledModel compiled;
    private final List<String> parameters;
    private final int[] parameterSlots;
    private final SimulationSettings settings;
    private final List<Output> outputs;
    private final int[] slots;
    private final Solvers.Entry chosen;
    private final Solvers.Entry fallback;
    private final String reason;
    /** The chosen solver's trial run at the model's own values (the automatic choice), or null. */
    private final EventLoop.Result trial;

    PreparedSimulation(CompiledModel compiled, List<String> parameters, int[] parameterSlots, SimulationSettings settings,
            List<Output> outputs, int[] slots, Solvers.Entry chosen, Solvers.Entry fallback, String reason) {
        this(compiled, parameters, parameterSlots, settings, outputs, slots, chosen, fallback, reason, null);
    }

    PreparedSimulation(CompiledModel compiled, List<String> parameters, int[] parameterSlots, SimulationSettings settings,
            List<Output> outputs, int[] slots, Solvers.Entry chosen, Solvers.Entry fallback, String reason, EventLoop.Result trial) {
        this.compiled = compiled;
        this.parameters = List.copyOf(parameters);
        this.parameterSlots = parameterSlots.clone();
        this.settings = settings;
        this.outputs = List.copyOf(outputs);
        this.slots = slots.clone();
        this.chosen = chosen;
        this.fallback = fallback;
        this.reason = reason;
        this.trial = parameterSlots.length == 0 ? trial : null;
    }

    /** The parameters whose values each run is given, in order. */
    public List<String> parameters() {
        return parameters;
    }

    /** Id of the solver each run uses first. */
    public String solver() {
        return chosen.id();
    }

    /** Id of the solver a run switches to when the first gives up, or null. */
    public String fallback() {
        return fallback == null ? null : fallback.id();
    }

    /** Why the solver was chosen (at the model's own parameter values). */
    public String reason() {
        return reason;
    }

    /**
     * The time course with {@code values} for {@link #parameters()} (every other parameter keeps its value).
     *
     * @throws SolverException no solver could integrate it (message names the time reached)
     */
    public TimeCourse run(double[] values, IProgressMonitor monitor) throws SolverException {
        if (values.length != parameterSlots.length) {
            throw new IllegalArgumentException("expected " + parameterSlots.length + " parameter value(s) " + parameters + ", got "
                    + values.length);
        }
        CompiledModel cm = compiled.instance();
        for (int i = 0; i < values.length; i++) {
            cm.setDeclaredValue(parameterSlots[i], values[i]);
        }
        if (trial != null) {
            // nothing to set: the run is the chosen solver's trial, already integrated; the initial assignments are
            // evaluated on this instance as the integration did on its own
            cm.initialState(settings.start());
            return columns(cm, trial, chosen, reason);
        }
        if (fallback != null) {
            try {
                return assemble(cm, chosen, reason, monitor);
            } catch (SolverException e) {
                String why = reason + "; " + chosen.id() + " gave up (" + e.getMessage() + "): switched to " + fallback.id();
                return assemble(compiledAgain(values), fallback, why, monitor);
            }
        }
        return assemble(cm, chosen, reason, monitor);
    }

    private CompiledModel compiledAgain(double[] values) {
        CompiledModel cm = compiled.instance();
        for (int i = 0; i < values.length; i++) {
            cm.setDeclaredValue(parameterSlots[i], values[i]);
        }
        return cm;
    }

    private TimeCourse assemble(CompiledModel cm, Solvers.Entry solver, String why, IProgressMonitor monitor) throws SolverException {
        double[] times = settings.times();
        EventLoop.Result r;
        try {
            r = new EventLoop(cm).run(solver.solver(), settings.start(), times, settings.tolerances(), monitor);
        } catch (ContributionException e) {
            throw new SolverException("solver '" + solver.id() + "' cannot be created: " + e.getMessage());
        }
        return columns(cm, r, solver, why);
    }

    private TimeCourse columns(CompiledModel cm, EventLoop.Result r, Solvers.Entry solver, String why) {
        double[] times = settings.times();
        double[][] values = new double[times.length][outputs.size()];
        // a state shown as the solver holds it (a species' amount, a rate-rule variable) is read off the state
        // vector; only other columns need the model's values at each output time
        int[] direct = new int[slots.length];
        boolean all = true;
        for (int j = 0; j < slots.length; j++) {
            Species s = cm.species(outputs.get(j).id());
            int k = cm.stateIndex(outputs.get(j).id());
            direct[j] = k >= 0 && (s == null ? !outputs.get(j).amount() : outputs.get(j).amount()) ? k : -1;
            all &= direct[j] >= 0;
        }
        double[] v = all ? null : new double[cm.valueCount()];
        for (int i = 0; i < times.length; i++) {
            double[] y = r.states()[i];
            if (!all) {
                cm.values(times[i], y, v);
            }
            for (int j = 0; j < slots.length; j++) {
                if (direct[j] >= 0) {
                    values[i][j] = y[direct[j]];
                    continue;
                }
                double x = v[slots[j]];
                Species s = cm.species(outputs.get(j).id());
                if (s != null && s.hasOnlySubstanceUnits() != outputs.get(j).amount()) {
                    int c = cm.indexOf(s.compartment());
                    x = outputs.get(j).amount() ? x * v[c] : x / v[c];
                }
                values[i][j] = x;
            }
        }
        return new TimeCourse(outputs.stream().map(Output::id).toList(), times, values, solver.id(), why, r.steps(),
                r.evaluations());
    }
}
