package org.painlab.mechanism.internal.sim;

import java.util.Locale;

import org.painlab.core.extension.ContributionException;
import org.painlab.mechanism.solve.Solver;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.solve.Tolerances;

/**
 * A trial integration of the whole run with each kind of solver, to compare their cost when the stiffness probe
 * alone cannot tell (a mildly stiff model, where the explicit method's step is held down by stability over part
 * of the span only). Cost is counted in right-hand-side evaluations, deterministically (so a stored run is
 * re-run with the same solver): the explicit method's evaluations; the implicit method's evaluations plus
 * {@value #JACOBIAN} per analytic Jacobian and {@code 1 + n²/20} per attempted step for its two LU
 * factorizations and Newton solves (calibrated on the built-in models, where one radau5 step of the 13-state
 * neuroinflammation model costs about as much as ten evaluations).
 */
public final class SolverTrial {
    /** An analytic Jacobian costs about this many evaluations (measured 2.1-2.8 on the built-ins). */
    static final double JACOBIAN = 3;

    /**
     * The work of one trial.
     *
     * @param steps accepted steps
     * @param evaluations f evaluations
     * @param jacobians Jacobian evaluations
     * @param cost in evaluations; infinite when the trial stopped at its budget
     * @param failure why it stopped, or null
     * @param result the trial's integration (the run itself, when this solver is chosen), or null when it stopped
     */
    public record Work(int steps, int evaluations, int jacobians, double cost, String failure, EventLoop.Result result) {
        /** For the reason shown. */
        public String describe(String solver) {
            if (failure != null) {
                return solver + " " + failure;
            }
            return jacobians == 0 ? String.format(Locale.ROOT, "%s %d steps, %d evaluations", solver, steps, evaluations)
                    : String.format(Locale.ROOT, "%s %d steps, %d evaluations and %d Jacobians, about %.0f evaluations' work", solver, steps,
                            evaluations, jacobians, cost);
        }
    }

    private SolverTrial() {
    }

    /** Runs the implicit solver over the output times of a run. */
    public static Work implicit(CompiledModel model, Solver solver, double start, double[] times, Tolerances tolerances) {
        try {
            EventLoop.Result r = new EventLoop(model.instance()).run(solver, start, times, tolerances, null);
            int n = model.dimension();
            double perStep = 1 + n * (double) n / 20;
            double cost = r.evaluations() + (model.hasAnalyticJacobian() ? JACOBIAN * r.jacobians() : 0)
                    + (r.steps() + r.rejected()) * perStep;
            return new Work(r.steps(), r.evaluations(), r.jacobians(), cost, null, r);
        } catch (SolverException e) {
            return new Work(0, 0, 0, Double.POSITIVE_INFINITY, "failed (" + e.getMessage() + ")", null);
        }
    }

    /** Runs the explicit solver over the output times of a run, stopping once it has cost {@code budget} evaluations. */
    public static Work explicit(CompiledModel model, Solver solver, double start, double[] times, Tolerances tolerances, double budget) {
        // Dormand-Prince spends 6-7 evaluations a step; the budget is in steps
        int maxSteps = (int) Math.max(1, Math.min(tolerances.maxSteps(), Math.ceil(budget / 6)));
        try {
            EventLoop.Result r = new EventLoop(model.instance()).run(solver, start, times,
                    new Tolerances(tolerances.absolute(), tolerances.relative(), maxSteps), null);
            return new Work(r.steps(), r.evaluations(), 0, r.evaluations(), null, r);
        } catch (SolverException e) {
            return new Work(0, 0, 0, Double.POSITIVE_INFINITY, maxSteps < tolerances.maxSteps()
                    ? String.format(Locale.ROOT, "needs more than %d steps (stopped there)", maxSteps) : "failed (" + e.getMessage() + ")",
                    null);
        }
    }

    /** Creates a contributed solver for a trial. */
    public static Solver create(org.painlab.mechanism.Solvers.Entry entry) throws SolverException {
        try {
            return entry.solver();
        } catch (ContributionException e) {
            throw new SolverException("solver '" + entry.id() + "' cannot be created: " + e.getMessage());
        }
    }
}
