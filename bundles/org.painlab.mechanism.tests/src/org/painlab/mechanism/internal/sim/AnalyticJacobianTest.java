package org.painlab.mechanism.internal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.painlab.mechanism.ModelLibrary;
import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.Op;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.model.Rule;
import org.painlab.mechanism.sbml.Sbml;

/**
 * The analytic Jacobian of {@link CompiledModel} (symbolic derivatives of the formulas, chained through species
 * concentrations, assignment rules and reaction rates) against central differences of the right-hand side,
 * at perturbed states away from the start, on every built-in model and on SBML Test Suite cases with rules,
 * function definitions, local parameters and events; piecewise terms branch by branch.
 */
class AnalyticJacobianTest {
    /** Central differences and the analytic entries agree to this, relative to 1 + |entry|. */
    private static final double TOLERANCE = 1e-6;

    @Test
    void builtInModelsAgreeWithFiniteDifferences() throws Exception {
        ModelLibrary library = new ModelLibrary();
        List<ModelLibrary.Entry> all = library.all();
        int checked = 0;
        for (ModelLibrary.Entry e : all) {
            if (e.id().startsWith("test-")) {
                continue;
            }
            assertAgree(library.open(e.id()), e.id());
            checked++;
        }
        assertTrue(checked >= 3, "the three built-in models: " + all);
    }

    @Test
    void testSuiteCasesAgreeWithFiniteDifferences() throws Exception {
        String ref = System.getProperty("painlab.reference");
        if (ref == null) {
            throw new IllegalStateException("System property 'painlab.reference' is not set: run with -Dpainlab.reference=/work/shared/reference");
        }
        // rules, function definitions, local parameters, a variable compartment, piecewise, events
        for (String id : List.of("00010", "00021", "00054", "00056", "00089", "00349", "00625", "00883", "00928", "01045")) {
            Path p = Path.of(ref, "sbml", id, id + "-sbml-l3v2.xml");
            assertTrue(Files.isRegularFile(p), "missing " + p);
            assertAgree(Sbml.read(p), id);
        }
    }

    @Test
    void anOperationWithoutDerivativeLeavesFiniteDifferences() throws Exception {
        // dx/dt = -min(x, 1): min has no derivative rule, so the solver must keep difference quotients
        Model m = new Model("m", "m", List.of(), List.of(), List.of(), List.of(new Parameter("x", "x", 2, false)), List.of(),
                List.of(new Rule(Rule.Kind.RATE, "x", Expr.apply(Op.MINUS, Expr.apply(Op.MIN, Expr.name("x"), Expr.num(1))))),
                List.of(), List.of(), null);
        CompiledModel cm = new CompiledModel(m);
        assertFalse(cm.hasAnalyticJacobian());
        assertFalse(cm.jacobian(0, new double[] {2}, new double[1][1]));
        double[] d = new double[1];
        cm.derivatives(0, new double[] {0.5}, d);
        assertEquals(-0.5, d[0], 0);
    }

    @Test
    void piecewiseDifferentiatesBranchByBranch() throws Exception {
        // dx/dt = piecewise(-x, x > 1, -2x)
        Expr rate = Expr.apply(Op.PIECEWISE, Expr.apply(Op.MINUS, Expr.name("x")), Expr.apply(Op.GT, Expr.name("x"), Expr.num(1)),
                Expr.apply(Op.TIMES, Expr.num(-2), Expr.name("x")));
        Model m = new Model("m", "m", List.of(), List.of(), List.of(), List.of(new Parameter("x", "x", 2, false)), List.of(),
                List.of(new Rule(Rule.Kind.RATE, "x", rate)), List.of(), List.of(), null);
        CompiledModel cm = new CompiledModel(m);
        double[][] jac = new double[1][1];
        assertTrue(cm.jacobian(0, new double[] {2}, jac));
        assertEquals(-1, jac[0][0], 0);
        assertTrue(cm.jacobian(0, new double[] {0.5}, jac));
        assertEquals(-2, jac[0][0], 0);
    }

    @Test
    void hillTermWithParameterExponent() throws Exception {
        // dx/dt = 1 - x^n/(K^n + x^n), n a parameter: the prelude computes K^n once, the program x^n
        Expr xn = Expr.apply(Op.POWER, Expr.name("x"), Expr.name("n"));
        Expr hill = Expr.apply(Op.DIVIDE, xn, Expr.apply(Op.PLUS, Expr.apply(Op.POWER, Expr.name("K"), Expr.name("n")), xn));
        Model m = new Model("hill", "hill", List.of(), List.of(), List.of(),
                List.of(new Parameter("x", "x", 0.3, false), new Parameter("K", "K", 0.5, true), new Parameter("n", "n", 2.5, true)),
                List.of(), List.of(new Rule(Rule.Kind.RATE, "x", Expr.apply(Op.MINUS, Expr.num(1), hill))), List.of(), List.of(), null);
        CompiledModel cm = new CompiledModel(m);
        double[] y = cm.initialState(0);
        double[] d = new double[1];
        cm.derivatives(0, y, d);
        double x = 0.3;
        assertEquals(1 - Math.pow(x, 2.5) / (Math.pow(0.5, 2.5) + Math.pow(x, 2.5)), d[0], 1e-15);
        double[][] jac = new double[1][1];
        assertTrue(cm.jacobian(0, y, jac));
        double kn = Math.pow(0.5, 2.5), xn5 = Math.pow(x, 2.5);
        double expected = -2.5 * Math.pow(x, 1.5) * kn / ((kn + xn5) * (kn + xn5));
        assertEquals(expected, jac[0][0], 1e-14);
        // a parameter set on an instance reaches the prelude
        CompiledModel other = cm.instance();
        other.setDeclaredValue(other.indexOf("n"), 1);
        other.derivatives(0, other.initialState(0), d);
        assertEquals(1 - x / (0.5 + x), d[0], 1e-15);
        cm.derivatives(0, y, d);
        assertEquals(1 - xn5 / (kn + xn5), d[0], 1e-15, "the first instance keeps its own value");
    }

    private static void assertAgree(Model model, String what) throws Exception {
        CompiledModel cm = new CompiledModel(model);
        int n = cm.dimension();
        assertTrue(cm.hasAnalyticJacobian(), what + " can be differentiated");
        double[] start = cm.initialState(0);
        Random random = new Random(42);
        for (int trial = 0; trial < 3; trial++) {
            double[] y = start.clone();
            for (int k = 0; k < n; k++) {
                y[k] = y[k] * (1 + 0.3 * random.nextDouble()) + 0.1 * random.nextDouble();
            }
            double t = 0.5 + trial;
            double[][] jac = new double[n][n];
            assertTrue(cm.jacobian(t, y, jac));
            double[] up = new double[n], down = new double[n];
            for (int j = 0; j < n; j++) {
                double h = 1e-6 * Math.max(1e-3, Math.abs(y[j]));
                double[] yy = y.clone();
                yy[j] = y[j] + h;
                cm.derivatives(t, yy, up);
                yy[j] = y[j] - h;
                cm.derivatives(t, yy, down);
                for (int i = 0; i < n; i++) {
                    double fd = (up[i] - down[i]) / (2 * h);
                    assertEquals(fd, jac[i][j], TOLERANCE * (1 + Math.abs(fd)), what + ": d f" + i + " / d y" + j + " at " + Map.of("t", t));
                }
            }
        }
    }
}
