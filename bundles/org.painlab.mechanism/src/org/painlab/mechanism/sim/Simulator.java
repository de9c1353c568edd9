package org.painlab.mechanism.sim;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.core.extension.ContributionException;
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.internal.sim.CompiledModel;
import org.painlab.mechanism.internal.sim.EventLoop;
import org.painlab.mechanism.internal.sim.StiffnessProbe;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.solve.SolverException;

/**
 * Runs a model's time course: compiles it, chooses a solver (or takes the one asked for), integrates through
 * its events and gives the requested columns. The automatic choice estimates stiffness at the start and
 * falls back to a stiff solver when the non-stiff one gives up; the reason is part of the result.
 *
 * @since 0.1
 */
public final class Simulator {
    /** Above this many stability-bound explicit steps a problem counts as stiff. */
    static final double STIFF_STEPS = 50_000;

    private final Solvers solvers;

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
        CompiledModel cm = new CompiledModel(model);
        int[] slots = new int[outputs.size()];
        for (int j = 0; j < slots.length; j++) {
            slots[j] = cm.indexOf(outputs.get(j).id());
            if (slots[j] < 0) {
                throw new ModelException("model '" + model.id() + "' has no variable '" + outputs.get(j).id() + "'");
            }
        }
        double[] times = settings.times();
        Solvers.Entry chosen;
        String reason;
        if (!"auto".equals(settings.solver())) {
            chosen = solvers.find(settings.solver()).orElseThrow(() -> new SolverException("no solver '" + settings.solver()
                    + "' is installed; installed: " + solvers.all().stream().map(Solvers.Entry::id).toList()));
            reason = "asked for";
        } else {
            Solvers.Entry explicit = solvers.first(false).orElse(null);
            Solvers.Entry stiff = solvers.first(true).orElse(null);
            if (explicit == null && stiff == null) {
                throw new SolverException("no solver is installed (extension point " + Solvers.POINT + ")");
            }
            double rho = StiffnessProbe.spectralRadius(cm, settings.start(), cm.initialState(settings.start()));
            double explicitSteps = rho * settings.duration() / 3.3;
            String estimate = String.format("spectral radius %.3g at t = %s: about %.3g explicit steps for stability", rho,
                    fmt(settings.start()), explicitSteps);
            if (explicit == null || (stiff != null && explicitSteps > STIFF_STEPS)) {
                chosen = stiff;
                reason = explicit == null ? "only a stiff solver is installed" : "stiff (" + estimate + ")";
            } else {
                chosen = explicit;
                reason = "non-stiff (" + estimate + ")" + (stiff == null ? "; no stiff solver installed" : "");
            }
            if (chosen == explicit && stiff != null) {
                try {
                    return assemble(cm, settings, times, outputs, slots, chosen, reason, monitor);
                } catch (SolverException e) {
                    reason = reason + "; " + chosen.id() + " gave up (" + e.getMessage() + "): switched to " + stiff.id();
                    chosen = stiff;
                }
            }
        }
        return assemble(cm, settings, times, outputs, slots, chosen, reason, monitor);
    }

    private static String fmt(double t) {
        return t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t);
    }

    private static TimeCourse assemble(CompiledModel cm, SimulationSettings settings, double[] times, List<Output> outputs,
            int[] slots, Solvers.Entry solver, String reason, IProgressMonitor monitor) throws SolverException {
        EventLoop.Result r;
        try {
            r = new EventLoop(cm).run(solver.solver(), settings.start(), times, settings.tolerances(), monitor);
        } catch (ContributionException e) {
            throw new SolverException("solver '" + solver.id() + "' cannot be created: " + e.getMessage());
        }
        double[][] values = new double[times.length][outputs.size()];
        double[] v = new double[cm.valueCount()];
        for (int i = 0; i < times.length; i++) {
            cm.values(times[i], r.states()[i], v);
            for (int j = 0; j < slots.length; j++) {
                double x = v[slots[j]];
                Species s = cm.species(outputs.get(j).id());
                if (s != null && s.hasOnlySubstanceUnits() != outputs.get(j).amount()) {
                    int c = cm.indexOf(s.compartment());
                    x = outputs.get(j).amount() ? x * v[c] : x / v[c];
                }
                values[i][j] = x;
            }
        }
        return new TimeCourse(outputs.stream().map(Output::id).toList(), times, values, solver.id(), reason, r.steps(),
                r.evaluations());
    }
}
