package org.painlab.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.Op;
import org.painlab.mechanism.model.Event;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.sim.Interventions;
import org.painlab.mechanism.sim.Output;
import org.painlab.mechanism.sim.SimulationSettings;
import org.painlab.mechanism.sim.Simulator;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.solve.Tolerances;

/** Time courses against analytic solutions, event location and the automatic solver choice. */
class SimulationTest {
    private static final Tolerances TIGHT = new Tolerances(1e-12, 1e-10, 1_000_000);

    private static TimeCourse run(Model m, double duration, int steps, String solver, Output... out) throws Exception {
        return new Simulator(new Solvers()).run(m, new SimulationSettings(0, duration, steps, TIGHT, solver), List.of(out), null);
    }

    @Test
    void exponentialDecayMatchesTheAnalyticSolution() throws Exception {
        double k = 0.7;
        TimeCourse tc = run(Models.decay(k), 10, 20, "dopri5", new Output("A", false), new Output("A", true));
        for (int i = 0; i < tc.times().length; i++) {
            double exact = 3 * Math.exp(-k * tc.times()[i]);
            // tolerance: the requested relative 1e-10 accumulates over ~20 output intervals
            assertEquals(exact, tc.values()[i][0], 1e-8, "concentration at t = " + tc.times()[i]);
            assertEquals(2 * exact, tc.values()[i][1], 2e-8, "amount (compartment size 2) at t = " + tc.times()[i]);
        }
        assertEquals("dopri5", tc.solver());
    }

    @Test
    void logisticGrowthMatchesTheAnalyticSolution() throws Exception {
        double r = 1.3, capacity = 50, n0 = 2;
        TimeCourse tc = run(Models.logistic(r, capacity, n0), 12, 24, "auto", new Output("N", false));
        for (int i = 0; i < tc.times().length; i++) {
            double t = tc.times()[i];
            double exact = capacity / (1 + (capacity - n0) / n0 * Math.exp(-r * t));
            assertEquals(exact, tc.values()[i][0], 1e-7 * capacity, "N at t = " + t);
        }
        assertEquals("dopri5", tc.solver());
        assertTrue(tc.reason().startsWith("non-stiff"), tc.reason());
    }

    @Test
    void bouncingBallBouncesAtTheRightTimes() throws Exception {
        // first impact at sqrt(2h/g); it then leaves with 0.8 of the impact speed and flies 2 * 0.8 v / g
        double g = 9.81, t1 = Math.sqrt(2 * 10 / g), v1 = g * t1, t2 = t1 + 2 * 0.8 * v1 / g;
        TimeCourse tc = new Simulator(new Solvers()).run(Models.ball(), new SimulationSettings(0, 4, 400, TIGHT, "dopri5"),
                List.of(new Output("h", false), new Output("v", false)), null);
        int i = 143; // t = 1.43, just after the first bounce at 1.4278
        assertEquals(1.43, tc.times()[i], 1e-12);
        double dt = 1.43 - t1;
        assertEquals(0.8 * v1 * dt - g * dt * dt / 2, tc.values()[i][0], 1e-7, "height just after the first bounce");
        assertEquals(0.8 * v1 - g * dt, tc.values()[i][1], 1e-7, "velocity just after the first bounce");
        int j = (int) Math.ceil(t2 * 100);
        double dt2 = tc.times()[j] - t2;
        assertEquals(0.64 * v1 - g * dt2, tc.values()[j][1], 1e-6, "velocity after the second bounce at " + t2);
    }

    @Test
    void aTimedDoseHappensAtItsTime() throws Exception {
        // decay with a dose of +1 concentration unit at t = 2.5 (between output times) and at t = 5 (on one)
        Event dose = new Event("dose", "dose", Expr.num(0), false, true, null,
                List.of(new Event.Assignment("A", Expr.apply(Op.PLUS, Expr.name("A"), Expr.num(1)))));
        double k = 0.5;
        Model m = Interventions.apply(Models.decay(k).withEvents(List.of(dose)),
                List.of(new Interventions.Timed("dose", 2.5), new Interventions.Timed("dose", 5)));
        TimeCourse tc = run(m, 6, 12, "dopri5", new Output("A", false));
        double at25 = 3 * Math.exp(-k * 2.5) + 1;
        assertEquals(3 * Math.exp(-k * 2), tc.values()[4][0], 1e-8, "before the dose");
        assertEquals(at25 * Math.exp(-k * 0.5), tc.values()[6][0], 1e-8, "0.5 after the dose at 2.5");
        double at5 = at25 * Math.exp(-k * 2.5) + 1;
        assertEquals(at5, tc.values()[10][0], 1e-8, "an output time at a dose shows the state after it");
    }

    @Test
    void stiffProblemsGoToTheStiffSolverWithTheReason() throws Exception {
        // a fast and a slow decay (eigenvalues -1e4 and -1) over 100 time units
        Model m = new Model("stiff", "stiff", List.of(), List.of(), List.of(),
                List.of(new org.painlab.mechanism.model.Parameter("a", "a", 1, false),
                        new org.painlab.mechanism.model.Parameter("b", "b", 1, false)),
                List.of(), List.of(new org.painlab.mechanism.model.Rule(org.painlab.mechanism.model.Rule.Kind.RATE, "a",
                        Expr.apply(Op.TIMES, Expr.num(-1e4), Expr.apply(Op.MINUS, Expr.name("a"), Expr.name("b")))),
                        new org.painlab.mechanism.model.Rule(org.painlab.mechanism.model.Rule.Kind.RATE, "b",
                                Expr.apply(Op.MINUS, Expr.name("b")))),
                List.of(), List.of(), null);
        TimeCourse tc = new Simulator(new Solvers()).run(m, new SimulationSettings(0, 100, 10,
                new Tolerances(1e-8, 1e-6, 1_000_000), "auto"), List.of(new Output("b", false)), null);
        assertEquals("radau5", tc.solver(), "the built-in stiff solver comes first by its order");
        assertTrue(tc.reason().startsWith("stiff (spectral radius 1.00e+04"), tc.reason());
        assertEquals(Math.exp(-100), tc.values()[10][0], 1e-6);
    }

    @Test
    void negativeDelayIsAnErrorNamingTheEvent() {
        Event delayed = new Event("late", "late", Expr.apply(Op.GT, new Expr.Time(), Expr.num(1)), true, true, Expr.num(-2), List.of());
        SolverException e = assertThrows(SolverException.class,
                () -> run(Models.decay(1).withEvents(List.of(delayed)), 5, 5, "auto", new Output("A", false)));
        assertTrue(e.getMessage().startsWith("event 'late' triggered at t = "), e.getMessage());
        assertTrue(e.getMessage().endsWith("has delay -2.0 (must be finite and not negative)"), e.getMessage());
    }
}
