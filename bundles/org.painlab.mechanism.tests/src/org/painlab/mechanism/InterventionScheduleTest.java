package org.painlab.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.model.Event;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.sim.Interventions;
import org.painlab.mechanism.sim.Output;
import org.painlab.mechanism.sim.SimulationSettings;
import org.painlab.mechanism.sim.Simulator;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.solve.Tolerances;

/** Dosing schedules ID@t0+every*count: their doses, and a model given them against the closed form. */
class InterventionScheduleTest {
    @Test
    void aScheduleGivesCountDosesEveryIntervalFromTheFirst() {
        List<Interventions.Timed> doses = Interventions.parse("anticytokine_drug@1+7*4");
        assertEquals(List.of(1.0, 8.0, 15.0, 22.0), doses.stream().map(Interventions.Timed::time).toList());
        assertTrue(doses.stream().allMatch(d -> d.eventId().equals("anticytokine_drug")));
        assertEquals(List.of(-1.0, 0.5, 2.0), Interventions.parse("gc@-1+1.5*3").stream().map(Interventions.Timed::time).toList());
        assertEquals(List.of(1000.0, 1002.0), Interventions.parse("x@1e+3+2*2").stream().map(Interventions.Timed::time).toList());
        assertEquals(List.of(new Interventions.Timed("x", 2.5)), Interventions.parse("x@2.5"));
    }

    @Test
    void badSchedulesAreNamed() {
        for (String bad : List.of("x@1+0*3", "x@1+7*0", "x@1+a*2", "x@1+7*two", "x@", "@3", "x@1*3", "x@1+7*5000")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Interventions.parse(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void repeatedDosesFollowTheClosedForm() throws Exception {
        // test-decay: A' = -k A, A(0) = 10, each dose_event adds 5; doses at 1, 3, 5
        Model m = new ModelLibrary().open("test-decay").withParameter("k", 0.3);
        Model dosed = Interventions.apply(m, Interventions.parse("dose_event@1+2*3"));
        TimeCourse tc = new Simulator(new Solvers()).run(dosed, new SimulationSettings(0, 8, 80, new Tolerances(1e-12, 1e-10, 100_000), "auto"),
                List.of(new Output("A", true)), null);
        for (int i = 0; i <= 80; i++) {
            double t = tc.times()[i];
            double expected = 10 * Math.exp(-0.3 * t);
            for (double d : new double[] {1, 3, 5}) {
                if (t >= d - 1e-12) {
                    expected += 5 * Math.exp(-0.3 * (t - d));
                }
            }
            assertEquals(expected, tc.values()[i][0], 1e-7, "A at t = " + t);
        }
        // the same time twice: simultaneous SBML events, each assignment computed from the state before either fires, so one dose
        Model twice = Interventions.apply(m, List.of(new Interventions.Timed("dose_event", 1), new Interventions.Timed("dose_event", 1)));
        TimeCourse t2 = new Simulator(new Solvers()).run(twice, new SimulationSettings(0, 2, 2, new Tolerances(1e-12, 1e-10, 100_000), "auto"),
                List.of(new Output("A", true)), null);
        assertEquals(10 * Math.exp(-0.3) + 5, t2.values()[1][0], 1e-7);
    }

    @Test
    void aPlacedDoseKeepsTheDelayTheModelDeclaresForIt() throws Exception {
        // the model says a dose acts 0.5 after it is given, adding to the amount there is then; placed at 1 and 3 it
        // acts at 1.5 and 3.5 (with values from the trigger time it would set A to A(1) + 5 at 1.5)
        Model m = new ModelLibrary().open("test-decay").withParameter("k", 0.3);
        List<Event> delayed = m.events().stream().map(e -> !"dose_event".equals(e.id()) ? e
                : new Event(e.id(), e.name(), e.trigger(), e.initialValue(), e.persistent(), Expr.num(0.5), e.assignments(),
                        false, e.priority())).toList();
        Model withDelay = new Model(m.id(), m.name(), m.functions(), m.compartments(), m.species(), m.parameters(),
                m.initialAssignments(), m.rules(), m.reactions(), delayed, m.conversionFactor());
        Model dosed = Interventions.apply(withDelay, Interventions.parse("dose_event@1+2*2"));
        TimeCourse tc = new Simulator(new Solvers()).run(dosed, new SimulationSettings(0, 5, 50, new Tolerances(1e-12, 1e-10, 100_000), "auto"),
                List.of(new Output("A", true)), null);
        for (int i = 0; i <= 50; i++) {
            double t = tc.times()[i];
            double expected = 10 * Math.exp(-0.3 * t);
            for (double d : new double[] {1.5, 3.5}) {
                if (t >= d - 1e-12) {
                    expected += 5 * Math.exp(-0.3 * (t - d));
                }
            }
            assertEquals(expected, tc.values()[i][0], 1e-7, "A at t = " + t);
        }
    }
}
