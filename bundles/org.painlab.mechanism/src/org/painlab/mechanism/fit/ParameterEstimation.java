package org.painlab.mechanism.fit;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sim.Interventions;
import org.painlab.mechanism.sim.Output;
import org.painlab.mechanism.sim.PreparedSimulation;
import org.painlab.mechanism.sim.SimulationSettings;
import org.painlab.mechanism.sim.Simulator;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.solve.Tolerances;

/**
 * Estimates model parameters from observed courses by weighted least squares: Levenberg-Marquardt (Hipparchus)
 * over the parameters (log scale for positive ones, clamped to their bounds), residuals (observed − model) / SE with
 * SE = SD/sqrt(n) when every observation has one, else unweighted; the Jacobian by central differences of the
 * simulated model. Standard errors come from the Jacobian at the estimate, scaled by the residual variance
 * (SSE / (n − p)), with t-based 95% intervals (back-transformed for log-scale parameters).
 *
 * @since 0.1
 */
public final class ParameterEstimation {
    /** Longest even output grid for one course (the observation times must lie on it). */
    static final int MAX_GRID = 100_000;
    /** Fewest output intervals of a course's fitted curve (for plots). */
    static final int CURVE_POINTS = 200;

    /**
     * What to fit.
     *
     * @param model the model with fixed parameters already set
     * @param parameters the parameters to estimate
     * @param observable the model variable compared with the data (e.g. pain)
     * @param scale the data's unit per model unit (e.g. 10 for VAS in mm against a 0-10 model output)
     * @param courses the observed courses, each with its interventions
     * @param start model time at which every simulation starts
     * @param timeOffset model time = data time + offset
     * @param tolerances simulation tolerances
     * @param solver solver id or auto
     * @param maxEvaluations most evaluations of the model over all courses (each a simulation per course), per start
     * @param starts how many Levenberg-Marquardt searches: the first from the initial values, the others from points
     *        drawn with {@code seed} within the bounds (within a factor of 10 of the initial value, or ±max(1, |initial|),
     *        on a side without a bound); the best is reported
     * @param seed the seed of the drawn starting points
     */
    public record Problem(Model model, List<FitParameter> parameters, String observable, double scale, List<ObservedCourse> courses,
            double start, double timeOffset, Tolerances tolerances, String solver, int maxEvaluations, int starts, long seed) {
        /** Copies the lists. */
        public Problem {
            parameters = List.copyOf(parameters);
            courses = List.copyOf(courses);
            if (starts < 1) {
                throw new IllegalArgumentException("starts: " + starts + " must be at least 1");
            }
        }

        /** One start, from the initial values. */
        public Problem(Model model, List<FitParameter> parameters, String observable, double scale, List<ObservedCourse> courses,
                double start, double timeOffset, Tolerances tolerances, String solver, int maxEvaluations) {
            this(model, parameters, observable, scale, courses, start, timeOffset, tolerances, solver, maxEvaluations, 1, 1);
        }
    }

    /**
     * An estimated parameter.
     *
     * @param parameter what was fitted
     * @param value the estimate
     * @param se its standard error (NaN when it cannot be told: fewer observations than parameters, or not identifiable)
     * @param ciLow lower end of the 95% interval
     * @param ciHigh upper end
     */
    public record Estimate(FitParameter parameter, double value, double se, double ciLow, double ciHigh) {
    }

    /**
     * The model against one course at the estimate.
     *
     * @param course the observations
     * @param predicted the model at the observed times
     * @param curveTimes times of the dense curve (data time)
     * @param curve the model on them
     */
    public record CourseFit(ObservedCourse course, double[] predicted, double[] curveTimes, double[] curve) {
        /** observed − predicted. */
        public double[] residuals() {
            double[] r = new double[predicted.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = course.observed()[i] - predicted[i];
            }
            return r;
        }
    }

    /**
     * A fit.
     *
     * @param estimates one per fitted parameter, in order
     * @param correlations correlations of the estimates (NaN where undefined)
     * @param converged whether Levenberg-Marquardt met its convergence criteria
     * @param message how it ended
     * @param weighted whether residuals were divided by the observations' standard errors
     * @param sse the objective at the estimate: sum of squared (weighted) residuals
     * @param initialSse the objective at the initial values
     * @param n observations
     * @param aic n ln(SSE/n) + 2p
     * @param bic n ln(SSE/n) + p ln n
     * @param iterations Levenberg-Marquardt iterations
     * @param evaluations model evaluations (each simulates every course; Jacobians included)
     * @param courses the model against each course
     * @param startObjectives the objective each start ended at (one entry per start, the first from the initial values)
     * @param bestStart index of the start reported
     * @param solver the solver of the simulations and why it was chosen
     */
    public record Result(List<Estimate> estimates, double[][] correlations, boolean converged, String message, boolean weighted,
            double sse, double initialSse, int n, double aic, double bic, int iterations, int evaluations, List<CourseFit> courses,
            double[] startObjectives, int bestStart, String solver) {
    }

    /** How one Levenberg-Marquardt search ended. */
    private record Attempt(Evaluation ev, double[] point, double sse, boolean converged, String message, int iterations) {
    }

    private final Solvers solvers;

    public ParameterEstimation(Solvers solvers) {
        this.solvers = solvers;
    }

    /**
     * @throws FitException naming a bad setting, observation time or a simulation that failed
     * @throws OperationCanceledException when the monitor is cancelled
     */
    public Result fit(Problem p, IProgressMonitor monitor) throws FitException {
        Model model = p.model();
        boolean known = model.speciesById(p.observable()).isPresent() || model.parameter(p.observable()).isPresent()
                || model.compartments().stream().anyMatch(c -> c.id().equals(p.observable()));
        if (!known) {
            throw new FitException("observable '" + p.observable() + "': model '" + model.id() + "' has no variable '" + p.observable() + "'");
        }
        if (p.courses().isEmpty()) {
            throw new FitException("no observations to fit");
        }
        if (!(p.scale() != 0) || !Double.isFinite(p.scale())) {
            throw new FitException("scale " + p.scale() + ": must be a finite number other than 0");
        }
        List<Grid> grids = new ArrayList<>();
        for (ObservedCourse c : p.courses()) {
            grids.add(Grid.of(c, p.start(), p.timeOffset(), p.tolerances(), p.solver()));
        }
        int n = p.courses().stream().mapToInt(c -> c.times().length).sum();
        double[] sigma = new double[n];
        boolean weighted = true;
        int k = 0;
        for (ObservedCourse c : p.courses()) {
            for (double se : c.standardErrors()) {
                weighted &= se > 0;
                sigma[k++] = se;
            }
        }
        if (!weighted) {
            java.util.Arrays.fill(sigma, 1);
        }
        double[] target = new double[n];
        k = 0;
        for (ObservedCourse c : p.courses()) {
            for (double y : c.observed()) {
                target[k] = y / sigma[k];
                k++;
            }
        }
        Simulator simulator = new Simulator(solvers);
        String[] solverOrder = solverOrder(p, grids, simulator);
        int dim = p.parameters().size();
        double[] initial = new double[dim];
        for (int j = 0; j < dim; j++) {
            initial[j] = p.parameters().get(j).toSearch(p.parameters().get(j).initial());
        }
        SubMonitor progress = SubMonitor.convert(monitor, p.starts() * (p.maxEvaluations() + dim * 2 + 2));
        java.util.Random draw = new java.util.Random(p.seed());
        double[] objectives = new double[p.starts()];
        Attempt best = null;
        int bestStart = 0;
        int evaluations = 0;
        double initialSse = Double.NaN;
        try {
            for (int s = 0; s < p.starts(); s++) {
                double[] x0 = s == 0 ? initial : drawnStart(p.parameters(), initial, draw);
                Evaluation ev = new Evaluation(p, grids, sigma, target, simulator, solverOrder, monitor, progress, s);
                Attempt a;
                try {
                    a = search(p, ev, x0);
                } catch (SimulationFailure e) {
                    if (s == 0) {
                        throw e;
                    }
                    // a drawn start may lie where the model cannot be simulated: that start is given up, not the fit
                    evaluations += ev.evaluations;
                    objectives[s] = Double.NaN;
                    continue;
                }
                evaluations += ev.evaluations;
                objectives[s] = a.sse();
                if (s == 0) {
                    initialSse = ev.initialSse;
                }
                if (best == null || a.sse() < best.sse()) {
                    best = a;
                    bestStart = s;
                }
            }
            String message = best.message();
            if (p.starts() > 1) {
                message = "best of " + p.starts() + " starts (start " + (bestStart + 1) + (bestStart == 0 ? ", the initial values" : "")
                        + "): " + message;
            }
            return result(p, best.ev(), best.point(), best.converged(), message, best.iterations(), weighted, n, initialSse,
                    evaluations, objectives, bestStart, solverOrder[2]);
        } catch (SimulationFailure e) {
            throw e.cause;
        }
    }

    /** One Levenberg-Marquardt search from search point {@code x0}. */
    private static Attempt search(Problem p, Evaluation ev, double[] x0) throws FitException {
        LeastSquaresProblem problem = new LeastSquaresBuilder().start(x0).target(ev.target)
                .model(ev::scaled, ev::jacobian).lazyEvaluation(true).parameterValidator(ev::clamp)
                .maxEvaluations(p.maxEvaluations()).maxIterations(p.maxEvaluations()).build();
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-8)
                .withParameterRelativeTolerance(1e-8).withOrthoTolerance(1e-10);
        double[] point;
        boolean converged;
        String message;
        int iterations;
        try {
            LeastSquaresOptimizer.Optimum opt = lm.optimize(problem);
            point = ev.clamp(opt.getPoint()).toArray();
            converged = true;
            iterations = opt.getIterations();
            message = "converged after " + iterations + " iterations";
        } catch (MathIllegalStateException e) {
            if (ev.best == null) {
                throw new FitException("the fit stopped before any evaluation: " + e.getMessage(), e);
            }
            point = ev.best;
            converged = false;
            iterations = -1;
            message = "did not converge: " + e.getMessage() + "; the best point found is reported";
        }
        double[] scaled = ev.scaled(point);
        double sse = 0;
        for (int i = 0; i < scaled.length; i++) {
            sse += (ev.target[i] - scaled[i]) * (ev.target[i] - scaled[i]);
        }
        return new Attempt(ev, point, sse, converged, message, iterations);
    }

    /** A starting point drawn within the bounds (a factor of 10 or ±max(1, |initial|) where a side is unbounded). */
    private static double[] drawnStart(List<FitParameter> parameters, double[] initial, java.util.Random draw) {
        double[] x = new double[initial.length];
        for (int j = 0; j < x.length; j++) {
            FitParameter fp = parameters.get(j);
            double reach = fp.logScale() ? Math.log(10) : Math.max(1, Math.abs(initial[j]));
            double lo = Double.isFinite(fp.searchLower()) ? fp.searchLower() : initial[j] - reach;
            double hi = Double.isFinite(fp.searchUpper()) ? fp.searchUpper() : initial[j] + reach;
            x[j] = lo + draw.nextDouble() * (hi - lo);
        }
        return x;
    }

    /**
     * The solver of every simulation of the fit, chosen once (at the initial values, on the first course) rather than
     * for each evaluation: {first, fallback or null, the reason}.
     */
    private static String[] solverOrder(Problem p, List<Grid> grids, Simulator simulator) throws FitException {
        if (!"auto".equals(p.solver())) {
            return new String[] {p.solver(), null, p.solver() + " (asked for)"};
        }
        Grid g = grids.get(0);
        Species s = p.model().speciesById(p.observable()).orElse(null);
        try {
            PreparedSimulation prepared = simulator.prepare(Interventions.apply(p.model(), g.course().interventions()), g.settings(),
                    List.of(new Output(p.observable(), s != null && s.hasOnlySubstanceUnits())), List.of());
            return new String[] {prepared.solver(), prepared.fallback(), prepared.solver() + ": " + prepared.reason()};
        } catch (ModelException | UnsupportedFeatureException | SolverException e) {
            throw new FitException("simulation of '" + p.model().id() + "' for " + g.course().course() + " / " + g.course().arm()
                    + " failed at the initial values: " + e.getMessage(), e);
        }
    }

    private static Result result(Problem p, Evaluation ev, double[] point, boolean converged, String message, int iterations,
            boolean weighted, int n, double initialSse, int evaluationsBefore, double[] objectives, int bestStart, String solver) {
        int dim = point.length;
        double[] scaled = ev.scaled(point);
        double sse = 0;
        for (int i = 0; i < n; i++) {
            sse += (ev.target[i] - scaled[i]) * (ev.target[i] - scaled[i]);
        }
        RealMatrix j = new Array2DRowRealMatrix(ev.jacobian(point), false);
        double[][] cov = new double[dim][dim];
        boolean identifiable = false;
        int dof = n - dim;
        if (dof > 0) {
            SingularValueDecomposition svd = new SingularValueDecomposition(j);
            double[] s = svd.getSingularValues();
            identifiable = s.length == dim && s[dim - 1] > 1e-10 * s[0];
            if (identifiable) {
                RealMatrix v = svd.getV();
                double s2 = sse / dof;
                for (int a = 0; a < dim; a++) {
                    for (int b = 0; b < dim; b++) {
                        double sum = 0;
                        for (int q = 0; q < dim; q++) {
                            sum += v.getEntry(a, q) * v.getEntry(b, q) / (s[q] * s[q]);
                        }
                        cov[a][b] = s2 * sum;
                    }
                }
            }
        }
        double tq = dof > 0 ? new TDistribution(dof).inverseCumulativeProbability(0.975) : Double.NaN;
        List<Estimate> estimates = new ArrayList<>();
        double[][] corr = new double[dim][dim];
        for (int a = 0; a < dim; a++) {
            FitParameter fp = p.parameters().get(a);
            double value = fp.fromSearch(point[a]);
            double seSearch = identifiable ? Math.sqrt(cov[a][a]) : Double.NaN;
            double se = fp.logScale() ? value * seSearch : seSearch;
            double lo = fp.fromSearch(point[a] - tq * seSearch);
            double hi = fp.fromSearch(point[a] + tq * seSearch);
            estimates.add(new Estimate(fp, value, se, lo, hi));
            for (int b = 0; b < dim; b++) {
                corr[a][b] = identifiable ? cov[a][b] / Math.sqrt(cov[a][a] * cov[b][b]) : Double.NaN;
            }
        }
        if (dof <= 0) {
            message += "; no standard errors: " + n + " observations for " + dim + " parameters";
        } else if (!identifiable) {
            message += "; no standard errors: the parameters are not identifiable from these data (singular Jacobian)";
        }
        List<CourseFit> fits = new ArrayList<>();
        for (int c = 0; c < ev.grids.size(); c++) {
            Grid g = ev.grids.get(c);
            double[] curve = ev.lastCurves[c];
            double[] predicted = new double[g.index.length];
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = curve[g.index[i]];
            }
            double[] times = g.settings.times();
            for (int i = 0; i < times.length; i++) {
                times[i] -= p.timeOffset();
            }
            fits.add(new CourseFit(p.courses().get(c), predicted, times, curve.clone()));
        }
        double aic = n * Math.log(sse / n) + 2 * dim;
        double bic = n * Math.log(sse / n) + dim * Math.log(n);
        return new Result(estimates, corr, converged, message, weighted, sse, initialSse, n, aic, bic,
                iterations, evaluationsBefore, fits, objectives, bestStart, solver);
    }

    /** A course's even output grid: the observation times lie on it, and it is fine enough to plot. */
    private record Grid(SimulationSettings settings, int[] index, ObservedCourse course) {
        static Grid of(ObservedCourse c, double start, double offset, Tolerances tol, String solver) throws FitException {
            double[] t = c.times();
            double end = start;
            for (double x : t) {
                double mt = x + offset;
                if (mt < start - 1e-9 * Math.max(1, Math.abs(start))) {
                    throw new FitException(c.course() + " / " + c.arm() + ": time " + x + " (model time " + mt
                            + ") is before the simulation start " + start + "; give an earlier start");
                }
                end = Math.max(end, mt);
            }
            double span = end - start;
            int steps = 0;
            if (span == 0) {
                steps = 1;
            } else {
                for (int s = 1; s <= MAX_GRID && steps == 0; s++) {
                    boolean on = true;
                    for (double x : t) {
                        double q = (x + offset - start) / span * s;
                        on &= Math.abs(q - Math.rint(q)) <= 1e-7 * Math.max(1, q);
                    }
                    if (on) {
                        steps = s;
                    }
                }
                if (steps == 0) {
                    throw new FitException(c.course() + " / " + c.arm() + ": the observation times " + java.util.Arrays.toString(t)
                            + " do not lie on an even grid of at most " + MAX_GRID + " steps from the start " + start);
                }
            }
            int factor = Math.max(1, (int) Math.ceil((double) CURVE_POINTS / steps));
            if ((long) steps * factor > MAX_GRID) {
                factor = 1;
            }
            int[] index = new int[t.length];
            for (int i = 0; i < t.length; i++) {
                index[i] = span == 0 ? 0 : (int) Math.rint((t[i] + offset - start) / span * steps) * factor;
            }
            try {
                return new Grid(new SimulationSettings(start, span, steps * factor, tol, solver), index, c);
            } catch (IllegalArgumentException e) {
                throw new FitException(c.course() + " / " + c.arm() + ": " + e.getMessage(), e);
            }
        }
    }

    /** A simulation failed inside the optimizer's callbacks: carried out of Hipparchus and rethrown. */
    private static final class SimulationFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient FitException cause;

        SimulationFailure(FitException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    /** The model's predictions for one fit: holds the best point seen and the last curves, so one per fit call. */
    private static final class Evaluation {
        final Problem p;
        final List<Grid> grids;
        final double[] sigma;
        final double[] target;
        final Simulator simulator;
        final String[] solverOrder;
        final IProgressMonitor monitor;
        final SubMonitor progress;
        final int startIndex;
        final Output output;
        final double[][] lastCurves;
        double[] best;
        double bestSse = Double.POSITIVE_INFINITY;
        double initialSse = Double.NaN;
        int evaluations;

        Evaluation(Problem p, List<Grid> grids, double[] sigma, double[] target, Simulator simulator, String[] solverOrder,
                IProgressMonitor monitor, SubMonitor progress, int startIndex) {
            this.p = p;
            this.grids = grids;
            this.sigma = sigma;
            this.target = target;
            this.simulator = simulator;
            this.solverOrder = solverOrder;
            this.monitor = monitor;
            this.progress = progress;
            this.startIndex = startIndex;
            Species s = p.model().speciesById(p.observable()).orElse(null);
            this.output = new Output(p.observable(), s != null && s.hasOnlySubstanceUnits());
            this.lastCurves = new double[grids.size()][];
        }

        RealVector clamp(RealVector x) {
            double[] y = x.toArray();
            for (int j = 0; j < y.length; j++) {
                FitParameter fp = p.parameters().get(j);
                y[j] = Math.min(fp.searchUpper(), Math.max(fp.searchLower(), y[j]));
            }
            return new ArrayRealVector(y, false);
        }

        /** Model predictions divided by the observations' SEs, at search point x. */
        double[] scaled(double[] x) {
            if (monitor != null && monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            evaluations++;
            Model m = p.model();
            StringBuilder at = new StringBuilder();
            for (int j = 0; j < x.length; j++) {
                FitParameter fp = p.parameters().get(j);
                double v = fp.fromSearch(x[j]);
                m = m.withParameter(fp.id(), v);
                at.append(j == 0 ? "" : ", ").append(fp.id()).append('=').append(v);
            }
            double[] out = new double[target.length];
            int k = 0;
            for (int c = 0; c < grids.size(); c++) {
                Grid g = grids.get(c);
                TimeCourse tc;
                try {
                    tc = simulate(Interventions.apply(m, g.course().interventions()), g.settings());
                } catch (ModelException | UnsupportedFeatureException | SolverException e) {
                    throw new SimulationFailure(new FitException("simulation of '" + p.model().id() + "' for " + g.course().course() + " / "
                            + g.course().arm() + " failed at " + at + ": " + e.getMessage(), e));
                }
                double[] curve = new double[tc.times().length];
                for (int i = 0; i < curve.length; i++) {
                    curve[i] = p.scale() * tc.values()[i][0];
                }
                for (int i : g.index()) {
                    if (!Double.isFinite(curve[i])) {
                        throw new SimulationFailure(new FitException("'" + p.observable() + "' of '" + p.model().id() + "' is " + curve[i]
                                + " at model time " + tc.times()[i] + " for " + g.course().arm() + " at " + at));
                    }
                    out[k] = curve[i] / sigma[k];
                    k++;
                }
                lastCurves[c] = curve;
            }
            double sse = 0;
            for (int i = 0; i < out.length; i++) {
                sse += (target[i] - out[i]) * (target[i] - out[i]);
            }
            if (Double.isNaN(initialSse)) {
                initialSse = sse;
            }
            if (sse < bestSse) {
                bestSse = sse;
                best = x.clone();
            }
            progress.worked(1);
            progress.subTask(String.format(java.util.Locale.ROOT, "%sevaluation %d, best objective %.4g",
                    p.starts() > 1 ? "start " + (startIndex + 1) + " of " + p.starts() + ", " : "", evaluations, bestSse));
            return out;
        }

        /** With the chosen solver; with the fallback when it gives up. */
        private TimeCourse simulate(Model m, SimulationSettings s) throws ModelException, UnsupportedFeatureException, SolverException {
            SimulationSettings first = new SimulationSettings(s.start(), s.duration(), s.steps(), s.tolerances(), solverOrder[0]);
            try {
                return simulator.run(m, first, List.of(output), monitor);
            } catch (SolverException e) {
                if (solverOrder[1] == null) {
                    throw e;
                }
                return simulator.run(m, new SimulationSettings(s.start(), s.duration(), s.steps(), s.tolerances(), solverOrder[1]),
                        List.of(output), monitor);
            }
        }

        /** d scaled / d x by central differences (one-sided at a bound). */
        double[][] jacobian(double[] x) {
            int dim = x.length;
            double[][] j = new double[target.length][dim];
            double[][] keep = lastCurves.clone();
            for (int c = 0; c < dim; c++) {
                FitParameter fp = p.parameters().get(c);
                double h = fp.logScale() ? 1e-4 : 1e-4 * Math.max(Math.max(Math.abs(x[c]), Math.abs(fp.initial())), 1e-8);
                double up = Math.min(fp.searchUpper(), x[c] + h);
                double down = Math.max(fp.searchLower(), x[c] - h);
                double[] xp = x.clone();
                xp[c] = up;
                double[] fp1 = scaled(xp);
                xp[c] = down;
                double[] fm = scaled(xp);
                for (int r = 0; r < target.length; r++) {
                    j[r][c] = (fp1[r] - fm[r]) / (up - down);
                }
            }
            System.arraycopy(keep, 0, lastCurves, 0, keep.length);
            return j;
        }
    }
}
