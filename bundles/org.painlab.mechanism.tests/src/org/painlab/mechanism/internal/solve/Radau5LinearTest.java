package org.painlab.mechanism.internal.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.solve.Tolerances;
import org.painlab.mechanism.solve.Trajectory;

/** A linear stiff system against its exact solution, at every output time (dense output) and both Jacobians. */
class Radau5LinearTest {
    private static final double[] Y0 = {1, 3, -2};

    @Test
    void denseOutputFollowsTheExactSolution() throws SolverException {
        double[] times = new double[201];
        for (int i = 0; i < times.length; i++) {
            times[i] = 10.0 * i / 200;
        }
        for (boolean analytic : new boolean[] {true, false}) {
            Trajectory tr = new Radau5().solve(new StiffLinearSystem(analytic), 0, Y0, times, new Tolerances(1e-10,
                    1e-7, 10_000), List.of(), null);
            assertArrayEquals(times, tr.times());
            double worst = 0;
            for (int i = 0; i < times.length; i++) {
                double[] exact = StiffLinearSystem.exact(Y0, times[i]);
                for (int k = 0; k < 3; k++) {
                    worst = Math.max(worst, Math.abs(tr.states()[i][k] - exact[k]) / (1e-9 + Math.abs(exact[k])));
                }
            }
            // RADAU5 controls the local error at rtol' = 0.1 rtol^(2/3) = 4.6e-6; the global error stays below it
            assertTrue(worst < 1e-5, "largest scaled error " + worst + " (analytic Jacobian " + analytic + ")");
            // an eigenvalue of -1e6 over 10 time units: explicit methods need ~1e7 steps
            assertTrue(tr.steps() < 200, "steps " + tr.steps());
            // a linear problem: Newton converges at once with the exact Jacobian, which is then kept
            assertTrue(tr.jacobians() < tr.steps() / 2 + 3, "jacobians " + tr.jacobians() + ", steps " + tr.steps());
        }
    }

    @Test
    void finiteDifferencesCostFEvaluationsTheAnalyticJacobianSaves() throws SolverException {
        Tolerances tol = new Tolerances(1e-8, 1e-6, 10_000);
        Trajectory analytic = new Radau5().solve(new StiffLinearSystem(true), 0, Y0, new double[] {5}, tol,
                List.of(), null);
        Trajectory numeric = new Radau5().solve(new StiffLinearSystem(false), 0, Y0, new double[] {5}, tol,
                List.of(), null);
        assertTrue(numeric.evaluations() >= 3 * numeric.jacobians(), "each difference Jacobian costs n = 3 f");
        assertTrue(numeric.evaluations() > analytic.evaluations(), numeric.evaluations() + " vs "
                + analytic.evaluations());
        assertArrayEquals(analytic.states()[0], numeric.states()[0], 1e-7);
    }

    @Test
    void outputAtTheStartIsTheInitialState() throws SolverException {
        Trajectory tr = new Radau5().solve(new StiffLinearSystem(true), 0, Y0, new double[] {0, 0, 1},
                new Tolerances(1e-8, 1e-6, 10_000), List.of(), null);
        assertArrayEquals(Y0, tr.states()[0]);
        assertArrayEquals(Y0, tr.states()[1]);
        assertArrayEquals(StiffLinearSystem.exact(Y0, 1), tr.states()[2], 1e-5);
    }
}
