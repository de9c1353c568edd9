package org.painlab.mechanism.internal.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.painlab.mechanism.solve.OdeSystem;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.solve.Tolerances;
import org.painlab.mechanism.solve.Trajectory;

/**
 * Stiff problems of the Test Set for IVP Solvers (Mazzia and Magherini, University of Bari,
 * https://archimede.uniba.it/~testset/, problem descriptions rober, vdpol, hires, orego), compared with the
 * reference solutions published there (computed by the test set's authors with RADAU5 in quadruple precision).
 */
class Radau5ReferenceTest {
    private final Radau5 radau = new Radau5();

    /** ROBER: Robertson's chemical kinetics, stiffness ratio ~1e11 over t in [0, 1e11]. */
    @Test
    void robertsonMatchesTheTestSetReference() throws SolverException {
        OdeSystem rober = new OdeSystem() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
                dydt[2] = 3e7 * y[1] * y[1];
                dydt[1] = -dydt[0] - dydt[2];
            }
        };
        Trajectory tr = radau.solve(rober, 0, new double[] {1, 0, 0}, new double[] {40, 1e5, 1e11},
                new Tolerances(1e-14, 1e-8, 100_000), List.of(), null);
        assertEquals(3, tr.times().length);
        double[] reference = {0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050};
        // y1 and y2 are tiny at 1e11: relative error of each component, tolerance 1e-5 at rtol 1e-8
        assertRelative(reference, tr.states()[2], 1e-5);
        for (double[] y : tr.states()) {
            assertEquals(1.0, y[0] + y[1] + y[2], 1e-10, "mass is conserved");
        }
        // rober to 1e11 in hundreds of steps, not millions: the solver is stiff
        assertTrue(tr.steps() < 2000, "steps " + tr.steps());
        assertTrue(tr.jacobians() <= tr.steps() + tr.rejectedSteps(), "jacobians " + tr.jacobians());
    }

    /** VDPOL: Van der Pol in Lienard scaled time with eps = 1e-6 (mu = 1000), t in [0, 2]. */
    @Test
    void vanDerPolMu1000MatchesTheTestSetReference() throws SolverException {
        double eps = 1e-6;
        OdeSystem vdpol = new OdeSystem() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = y[1];
                dydt[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / eps;
            }

            @Override
            public boolean jacobian(double t, double[] y, double[][] dfdy) {
                dfdy[0][0] = 0;
                dfdy[0][1] = 1;
                dfdy[1][0] = (-2 * y[0] * y[1] - 1) / eps;
                dfdy[1][1] = (1 - y[0] * y[0]) / eps;
                return true;
            }
        };
        Trajectory tr = radau.solve(vdpol, 0, new double[] {2, 0}, new double[] {2}, new Tolerances(1e-8, 1e-8,
                100_000), List.of(), null);
        assertRelative(new double[] {0.1706167732170483e1, -0.8928097010247975e0}, tr.states()[0], 1e-7);
    }

    /** HIRES: High Irradiance RESponse of photomorphogenesis, 8 equations, t in [0, 321.8122]. */
    @Test
    void hiresMatchesTheTestSetReference() throws SolverException {
        Trajectory tr = radau.solve(new Hires(), 0, new double[] {1, 0, 0, 0, 0, 0, 0, 0.0057},
                new double[] {321.8122}, new Tolerances(1e-10, 1e-10, 100_000), List.of(), null);
        double[] reference = {0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4,
            0.1175651343283149e-2, 0.2386356198831331e-2, 0.6238968252742796e-2, 0.2849998395185769e-2,
            0.2850001604814231e-2};
        assertRelative(reference, tr.states()[0], 1e-6);
        // loose tolerance still gives the right answer to about two digits
        Trajectory loose = radau.solve(new Hires(), 0, new double[] {1, 0, 0, 0, 0, 0, 0, 0.0057},
                new double[] {321.8122}, new Tolerances(1e-4, 1e-4, 100_000), List.of(), null);
        assertRelative(reference, loose.states()[0], 3e-2);
        assertTrue(loose.steps() < 60, "steps at 1e-4: " + loose.steps());
    }

    /** OREGO: the Oregonator (Belousov-Zhabotinskii), periodic and stiff, t in [0, 360]. */
    @Test
    void oregonatorMatchesTheTestSetReference() throws SolverException {
        OdeSystem orego = new OdeSystem() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                double s = 77.27;
                double w = 0.161;
                double q = 8.375e-6;
                dydt[0] = s * (y[1] - y[0] * y[1] + y[0] - q * y[0] * y[0]);
                dydt[1] = (-y[1] - y[0] * y[1] + y[2]) / s;
                dydt[2] = w * (y[0] - y[2]);
            }
        };
        Trajectory tr = radau.solve(orego, 0, new double[] {1, 2, 3}, new double[] {360}, new Tolerances(1e-10,
                1e-10, 100_000), List.of(), null);
        assertRelative(new double[] {0.1000814870318523e1, 0.1228178521549917e4, 0.1320554942846706e3},
                tr.states()[0], 1e-5);
    }

    static void assertRelative(double[] expected, double[] actual, double tolerance) {
        for (int i = 0; i < expected.length; i++) {
            double rel = Math.abs(actual[i] - expected[i]) / Math.abs(expected[i]);
            assertTrue(rel <= tolerance, "component " + i + ": " + actual[i] + " vs reference " + expected[i]
                    + " (relative error " + rel + " > " + tolerance + ")");
        }
    }

    /** The HIRES right-hand side of the test set. */
    static final class Hires implements OdeSystem {
        @Override
        public int dimension() {
            return 8;
        }

        @Override
        public void derivatives(double t, double[] y, double[] f) {
            f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
            f[1] = 1.71 * y[0] - 8.75 * y[1];
            f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
            f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
            f[4] = -1.745 * y[4] + 0.43 * (y[5] + y[6]);
            f[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
            f[6] = 280 * y[5] * y[7] - 1.81 * y[6];
            f[7] = -f[6];
        }
    }
}
