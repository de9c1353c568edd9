package org.painlab.mechanism.sim;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.internal.sim.CompiledModel;
import org.painlab.mechanism.internal.sim.SolverTrial;
import org.painlab.mechanism.internal.sim.StiffnessProbe;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.solve.SolverException;

/**
 * Runs a model's time course: compiles it, chooses a solver (or takes the one asked for), integrates through
 * its events and gives the requested columns. The automatic choice estimates stiffness at the start (the
 * spectral radius of the Jacobian: a clearly stiff run goes to the stiff solver at once); otherwise it integrates
 * the run once with each kind of solver and takes the cheaper by a deterministic count of work
 * (evaluations, Jacobians and Newton-matrix factorizations), and falls back to the stiff solver when the non-stiff
 * one gives up; the reason, with both trials' counts, is part of the result.
 *
 * @since 0.1
 */
public final class Simulator {
    /** Above this many stability-bound explicit steps a problem counts as stiff. */
    static final double STIFF_STEPS = 50_000;
    /** The explicit solver's trial stops once it has cost this many times the stiff one's: it has lost by then. */
    static final double TRIAL_MARGIN = 1.5;

    private final Solvers solvers;
    /** The last model compiled and its compiled form (never changed: each run works on an instance of it). */
    private volatile Compiled last;

    private record Compiled(Model model, CompiledModel compiled) {
    }

    public Simulator(Solvers solvers) {
        this.solvers = solvers;
    }

    /**
     * @throws ModelException the model cannot be compiled or a requested column is unknown
     * @throws UnsupportedFeatureException the model uses a feature the simulator does not implement
     * @throws SolverException no solver could integrate it (message names the time reached)
     */
    public TimeCourse run(Model model, SimulationSettings settings, List<Output> outputs, IProgressMonitor monitor)
            throws ModelException, UnsupportedFeatureException, SolverException {
        return prepare(model, settings, outputs, List.of()).run(new double[0], monitor);
    }

    /**
     * Compiles the model and chooses the solver once for many runs that set only {@code parameters} (see
     * {@link PreparedSimulation}); an initial assignment of one of them is dropped, as by
     * {@link Model#withParameter}.
     *
     * @throws ModelException the model cannot be compiled, a requested column or a parameter is unknown
     * @throws UnsupportedFeatureException the model uses a feature the simulator does not implement
     * @throws SolverException the solver asked for is not installed, or none is
     */
    public PreparedSimulation prepare(Model model, SimulationSettings settings, List<Output> outputs, List<String> parameters)
            throws ModelException, UnsupportedFeatureException, SolverException {
        Model m = model;
        for (String p : parameters) {
            var declared = model.parameter(p).orElseThrow(() -> new ModelException("model '" + model.id() + "' has no parameter '" + p + "'"));
            m = m.withParameter(p, declared.value());
        }
        CompiledModel cm = compile(m);
        int[] parameterSlots = parameters.stream().mapToInt(cm::indexOf).toArray();
        int[] slots = new int[outputs.size()];
        for (int j = 0; j < slots.length; j++) {
            slots[j] = cm.indexOf(outputs.get(j).id());
            if (slots[j] < 0) {
                throw new ModelException("model '" + model.id() + "' has no variable '" + outputs.get(j).id() + "'");
            }
        }
        if (!"auto".equals(settings.solver())) {
            Solvers.Entry chosen = solvers.find(settings.solver()).orElseThrow(() -> new SolverException("no solver '" + settings.solver()
                    + "' is installed; installed: " + solvers.all().stream().map(Solvers.Entry::id).toList()));
            return new PreparedSimulation(cm, parameters, parameterSlots, settings, outputs, slots, chosen, null, "asked for");
        }
        Solvers.Entry explicit = solvers.first(false).orElse(null);
        Solvers.Entry stiff = solvers.first(true).orElse(null);
        if (explicit == null && stiff == null) {
            throw new SolverException("no solver is installed (extension point " + Solvers.POINT + ")");
        }
        CompiledModel probe = cm.instance();
        double rho = StiffnessProbe.spectralRadius(probe, settings.start(), probe.initialState(settings.start()));
        double explicitSteps = rho * settings.duration() / 3.3;
        String estimate = String.format("spectral radius %.3g at t = %s: about %.3g explicit steps for stability", rho,
                fmt(settings.start()), explicitSteps);
        if (explicit == null || (stiff != null && explicitSteps > STIFF_STEPS)) {
            String reason = explicit == null ? "only a stiff solver is installed" : "stiff (" + estimate + ")";
            return new PreparedSimulation(cm, parameters, parameterSlots, settings, outputs, slots, stiff, null, reason);
        }
        if (stiff == null) {
            return new PreparedSimulation(cm, parameters, parameterSlots, settings, outputs, slots, explicit, null,
                    "non-stiff (" + estimate + "); no stiff solver installed");
        }
        // between the clear cases the cost decides: a trial of both over the run (the stiff one first, it bounds the other's budget)
        double[] times = settings.times();
        SolverTrial.Work implicit = SolverTrial.implicit(cm, SolverTrial.create(stiff), settings.start(), times, settings.tolerances());
        SolverTrial.Work nonStiff = SolverTrial.explicit(cm, SolverTrial.create(explicit), settings.start(), times, settings.tolerances(),
                Double.isFinite(implicit.cost()) ? implicit.cost() * TRIAL_MARGIN : Double.POSITIVE_INFINITY);
        String trial = "trial over the run: " + nonStiff.describe(explicit.id()) + "; " + implicit.describe(stiff.id());
        if (implicit.cost() < nonStiff.cost()) {
            return new PreparedSimulation(cm, parameters, parameterSlots, settings, outputs, slots, stiff, null,
                    "stiff enough for " + stiff.id() + " to be cheaper (" + trial + "; " + estimate + ")", implicit.result());
        }
        return new PreparedSimulation(cm, parameters, parameterSlots, settings, outputs, slots, explicit, stiff,
                "non-stiff (" + estimate + "; " + trial + ")", nonStiff.result());
    }

    /**
     * The compiled model; the same model object run again (repeated runs of one model, as a benchmark or a
     * caller's loop makes) is not compiled again. Keyed by identity: models are immutable, and comparing them
     * by value would cost about as much as compiling.
     */
    private CompiledModel compile(Model m) throws ModelException, UnsupportedFeatureException {
        Compiled c = last;
        if (c != null && c.model() == m) {
            return c.compiled();
        }
        CompiledModel cm = new CompiledModel(m);
        last = new Compiled(m, cm);
        return cm;
    }

    private static String fmt(double t) {
        return t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t);
    }
}
