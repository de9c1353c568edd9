package org.painlab.mechanism.steady;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.hipparchus.complex.Complex;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.painlab.core.extension.ContributionException;
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.internal.sim.CompiledModel;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.model.Rule;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.solve.Solver;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.solve.Tolerances;
import org.painlab.mechanism.solve.Trajectory;

/**
 * Finds a steady state of a model's equations, f(x) = 0: damped Newton from the starting state (or a guess), and
 * when Newton fails, integration over growing spans until the derivatives vanish, polished by Newton. Events do
 * not fire: a steady state is one of the equations (set the parameters an intervention would change with the
 * values it would give them). Stability comes from the eigenvalues of the Jacobian (Hipparchus).
 *
 * @since 0.1
 */
public final class SteadyStateFinder {
    /** How to search. */
    public enum Method {
        /** Newton from the start; integration when Newton fails. */
        AUTO,
        /** Newton only. */
        NEWTON,
        /** Integrate until the derivatives vanish, then polish with Newton: the state the trajectory settles in. */
        INTEGRATE
    }

    /**
     * Search settings.
     *
     * @param method how to search
     * @param time the time at which f is evaluated (only models that read time depend on it)
     * @param tolerance a steady state has |f_i| <= tolerance * max(1, |x_i|) for every state
     * @param maxIterations most Newton iterations per attempt
     * @param maxTime longest integration (model time units)
     * @param guess starting values of some states (as the formulas read them), instead of the model's
     * @param solver solver id for the integration, or "auto" (the first stiff solver, else the first one)
     */
    public record Options(Method method, double time, double tolerance, int maxIterations, double maxTime, Map<String, Double> guess,
            String solver) {
        /** Checks the values. */
        public Options {
            if (!(tolerance > 0) || maxIterations < 1 || !(maxTime > 0) || !Double.isFinite(time)) {
                throw new IllegalArgumentException("steady state: tolerance and longest integration must be > 0, iterations >= 1: tolerance "
                        + tolerance + ", iterations " + maxIterations + ", time " + maxTime);
            }
            guess = Map.copyOf(guess);
            if (solver == null || solver.isBlank()) {
                solver = "auto";
            }
        }

        /** Newton then integration, tolerance 1e-9, 100 iterations, up to 1e8 time units. */
        public static Options defaults() {
            return new Options(Method.AUTO, 0, 1e-9, 100, 1e8, Map.of(), "auto");
        }
    }

    private final Solvers solvers;

    public SteadyStateFinder(Solvers solvers) {
        this.solvers = solvers;
    }

    /**
     * @throws ModelException the model cannot be compiled, or a guess names no state
     * @throws UnsupportedFeatureException the model uses a feature the simulator does not implement
     * @throws SteadyStateException no steady state was found (the message says how far the search got)
     */
    public SteadyState find(Model model, Options options, IProgressMonitor monitor)
            throws ModelException, UnsupportedFeatureException, SteadyStateException {
        CompiledModel cm = new CompiledModel(model);
        double t = options.time();
        double[] x = start(model, cm, options);
        boolean[] nonNegative = nonNegative(model, cm, x);
        int iterations = 0;
        double integrated = 0;
        String method;
        Newton n = null;
        if (options.method() != Method.INTEGRATE) {
            n = newton(cm, t, x, nonNegative, options);
            iterations += n.iterations;
        }
        if (n != null && n.converged) {
            x = n.x;
            method = "newton";
        } else if (options.method() == Method.NEWTON) {
            throw new SteadyStateException("model '" + model.id() + "': Newton did not converge in " + n.iterations
                    + " iterations (residual " + fmt(n.residual) + "); try method integrate or another guess");
        } else {
            Solver solver = solver(options.solver());
            double[] y = x.clone();
            double span = 1;
            double reached = t;
            Newton polished = null;
            while (reached - t < options.maxTime()) {
                double next = Math.min(t + options.maxTime(), reached + span);
                Trajectory tr;
                try {
                    tr = solver.solve(cm, reached, y, new double[] {next}, new Tolerances(1e-12, 1e-9, 1_000_000), List.of(), monitor);
                } catch (SolverException e) {
                    throw new SteadyStateException("model '" + model.id() + "': integration towards a steady state failed: " + e.getMessage(), e);
                }
                y = tr.states()[tr.states().length - 1];
                reached = next;
                span *= 10;
                double r = residual(cm, t, y);
                if (r <= Math.sqrt(options.tolerance())) {
                    polished = newton(cm, t, y, nonNegative, options);
                    iterations += polished.iterations;
                    if (polished.converged) {
                        break;
                    }
                    if (r <= options.tolerance()) {
                        polished = new Newton(y, 0, r, true);
                        break;
                    }
                }
            }
            integrated = reached - t;
            if (polished == null || !polished.converged) {
                throw new SteadyStateException("model '" + model.id() + "': no steady state: Newton "
                        + (n == null ? "not tried" : "did not converge (residual " + fmt(n.residual) + ")") + ", and after integrating for "
                        + fmt(integrated) + " time units the derivatives are still " + fmt(residual(cm, t, y)) + " (relative)");
            }
            x = polished.x;
            method = "integration to t = " + fmt(reached) + (polished.iterations > 0 ? ", then newton" : "");
        }
        return describe(model, cm, t, x, method, iterations, integrated);
    }

    private double[] start(Model model, CompiledModel cm, Options options) throws ModelException {
        double[] x = cm.initialState(options.time());
        double[] v = new double[cm.valueCount()];
        cm.values(options.time(), x, v);
        List<String> ids = cm.stateIds();
        for (Map.Entry<String, Double> g : options.guess().entrySet()) {
            int k = ids.indexOf(g.getKey());
            if (k < 0) {
                throw new ModelException("guess '" + g.getKey() + "': model '" + model.id() + "' has no state variable '" + g.getKey()
                        + "'; states: " + ids);
            }
            Species s = cm.species(g.getKey());
            x[k] = s == null || s.hasOnlySubstanceUnits() ? g.getValue() : g.getValue() * v[cm.indexOf(s.compartment())];
        }
        return x;
    }

    /** Species that start non-negative stay so: Newton is projected onto x >= 0 for them (populations, levels). */
    private static boolean[] nonNegative(Model model, CompiledModel cm, double[] x) {
        List<String> ids = cm.stateIds();
        boolean[] out = new boolean[ids.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = model.speciesById(ids.get(k)).isPresent() && x[k] >= 0;
        }
        return out;
    }

    private Solver solver(String id) throws SteadyStateException {
        Solvers.Entry e = "auto".equals(id) ? solvers.first(true).or(() -> solvers.first(false)).orElse(null)
                : solvers.find(id).orElse(null);
        if (e == null) {
            throw new SteadyStateException("auto".equals(id) ? "no solver is installed (extension point " + Solvers.POINT + ")"
                    : "no solver '" + id + "' is installed; installed: " + solvers.all().stream().map(Solvers.Entry::id).toList());
        }
        try {
            return e.solver();
        } catch (ContributionException ex) {
            throw new SteadyStateException("solver '" + e.id() + "' cannot be created: " + ex.getMessage(), ex);
        }
    }

    private record Newton(double[] x, int iterations, double residual, boolean converged) {
    }

    private static Newton newton(CompiledModel cm, double t, double[] x0, boolean[] nonNegative, Options o) {
        int n = x0.length;
        double[] x = x0.clone();
        double[] f = new double[n];
        cm.derivatives(t, x, f);
        double r = residual(f, x);
        int it = 0;
        while (it < o.maxIterations() && !(r <= o.tolerance())) {
            if (!finite(f)) {
                return new Newton(x, it, Double.NaN, false);
            }
            it++;
            double[][] j = jacobian(cm, t, x, f, false);
            RealVector dx = new SingularValueDecomposition(new Array2DRowRealMatrix(j, false)).getSolver()
                    .solve(new ArrayRealVector(f).mapMultiply(-1));
            double merit = norm2(f);
            double lambda = 1;
            double[] trial = new double[n];
            double[] ft = new double[n];
            boolean accepted = false;
            while (lambda >= 1.0 / 1024) {
                for (int k = 0; k < n; k++) {
                    trial[k] = x[k] + lambda * dx.getEntry(k);
                    if (nonNegative[k] && trial[k] < 0) {
                        trial[k] = 0;
                    }
                }
                cm.derivatives(t, trial, ft);
                // Armijo on ½|f|²: the full step near the solution, shorter ones far from it
                if (finite(ft) && norm2(ft) <= (1 - 1e-4 * lambda) * merit) {
                    accepted = true;
                    break;
                }
                lambda /= 2;
            }
            if (!accepted) {
                return new Newton(x, it, r, false);
            }
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(ft, 0, f, 0, n);
            r = residual(f, x);
        }
        return new Newton(x, it, r, r <= o.tolerance());
    }

    private static SteadyState describe(Model model, CompiledModel cm, double t, double[] x, String method, int iterations,
            double integrated) {
        List<String> ids = cm.stateIds();
        int n = ids.size();
        double[] f = new double[n];
        cm.derivatives(t, x, f);
        double[][] j = jacobian(cm, t, x, f, true);
        List<Integer> free = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String id = ids.get(k);
            boolean zeroRow = f[k] == 0 && Arrays.stream(j[k]).allMatch(d -> d == 0);
            boolean rateRule = model.rules().stream().anyMatch(rule -> rule.kind() == Rule.Kind.RATE && rule.variable().equals(id));
            boolean heldByModel = model.parameter(id).isPresent() || model.speciesById(id).map(Species::boundaryCondition).orElse(false)
                    || model.compartments().stream().anyMatch(c -> c.id().equals(id));
            if (zeroRow && !rateRule && heldByModel) {
                held.add(id);
            } else {
                free.add(k);
            }
        }
        double[][] reduced = new double[free.size()][free.size()];
        for (int a = 0; a < free.size(); a++) {
            for (int b = 0; b < free.size(); b++) {
                reduced[a][b] = j[free.get(a)][free.get(b)];
            }
        }
        Complex[] eig = eigenvalues(reduced);
        Arrays.sort(eig, Comparator.comparingDouble(Complex::getReal).reversed().thenComparingDouble(Complex::getImaginary));
        double[] re = new double[eig.length];
        double[] im = new double[eig.length];
        for (int k = 0; k < eig.length; k++) {
            re[k] = eig[k].getReal();
            im[k] = eig[k].getImaginary();
        }
        double scale = 0;
        for (double[] row : reduced) {
            for (double d : row) {
                scale = Math.max(scale, Math.abs(d));
            }
        }
        // the Jacobian comes from differences of f: a real part within its error of zero cannot be told from zero
        double zero = 1e-6 * Math.max(scale, 1e-12);
        SteadyState.Stability stability = re.length == 0 || Math.abs(re[0]) <= zero ? SteadyState.Stability.MARGINAL
                : re[0] < 0 ? SteadyState.Stability.STABLE : SteadyState.Stability.UNSTABLE;
        double[] v = new double[cm.valueCount()];
        cm.values(t, x, v);
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = v[cm.indexOf(ids.get(k))];
        }
        Map<String, Double> variables = new LinkedHashMap<>();
        for (Parameter p : model.parameters()) {
            if (!p.constant() && !ids.contains(p.id()) && cm.indexOf(p.id()) >= 0) {
                variables.put(p.id(), v[cm.indexOf(p.id())]);
            }
        }
        for (Species s : model.species()) {
            if (!ids.contains(s.id()) && cm.indexOf(s.id()) >= 0) {
                variables.put(s.id(), v[cm.indexOf(s.id())]);
            }
        }
        return new SteadyState(model.id(), ids, values, f, residual(f, x), method, iterations, integrated, held, re, im, stability,
                variables);
    }

    private static Complex[] eigenvalues(double[][] a) {
        if (a.length == 0) {
            return new Complex[0];
        }
        try {
            return new EigenDecompositionNonSymmetric(new Array2DRowRealMatrix(a, false)).getEigenvalues();
        } catch (MathRuntimeException e) {
            // eigenvectors of a defective matrix may fail; its eigenvalues are those of the perturbed matrix to rounding
            double[][] b = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                b[i] = a[i].clone();
                b[i][i] += 1e-12 * (i + 1) * Math.max(1, Math.abs(a[i][i]));
            }
            return new EigenDecompositionNonSymmetric(new Array2DRowRealMatrix(b, false)).getEigenvalues();
        }
    }

    /** Forward (Newton) or central (stability) differences; increments scaled to each state. */
    private static double[][] jacobian(CompiledModel cm, double t, double[] x, double[] f, boolean central) {
        int n = x.length;
        double[][] j = new double[n][n];
        double[] xp = x.clone();
        double[] fp = new double[n];
        double[] fm = new double[n];
        for (int c = 0; c < n; c++) {
            double h = (central ? 6e-6 : 1.5e-8) * Math.max(Math.abs(x[c]), 1e-3);
            xp[c] = x[c] + h;
            cm.derivatives(t, xp, fp);
            if (central) {
                xp[c] = x[c] - h;
                cm.derivatives(t, xp, fm);
            }
            xp[c] = x[c];
            for (int r = 0; r < n; r++) {
                j[r][c] = central ? (fp[r] - fm[r]) / (2 * h) : (fp[r] - f[r]) / h;
            }
        }
        return j;
    }

    private static double residual(CompiledModel cm, double t, double[] x) {
        double[] f = new double[x.length];
        cm.derivatives(t, x, f);
        return residual(f, x);
    }

    private static double residual(double[] f, double[] x) {
        double r = 0;
        for (int k = 0; k < f.length; k++) {
            double s = Math.abs(f[k]) / Math.max(1, Math.abs(x[k]));
            if (!(s <= r)) {
                r = s; // NaN propagates
            }
        }
        return r;
    }

    private static double norm2(double[] f) {
        double s = 0;
        for (double d : f) {
            s += d * d;
        }
        return s;
    }

    private static boolean finite(double[] f) {
        for (double d : f) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    private static String fmt(double x) {
        return String.format(java.util.Locale.ROOT, "%.3g", x);
    }
}
