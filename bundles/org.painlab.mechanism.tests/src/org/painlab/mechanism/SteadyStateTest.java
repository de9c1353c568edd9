package org.painlab.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.sim.Output;
import org.painlab.mechanism.sim.SimulationSettings;
import org.painlab.mechanism.sim.Simulator;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.solve.Tolerances;
import org.painlab.mechanism.steady.SteadyState;
import org.painlab.mechanism.steady.SteadyStateException;
import org.painlab.mechanism.steady.SteadyStateFinder;
import org.painlab.mechanism.steady.SteadyStateFinder.Method;
import org.painlab.mechanism.steady.SteadyStateFinder.Options;

/** Steady states: known closed forms, the Reynolds 2006 healthy and septic outcomes, and a model without one. */
class SteadyStateTest {
    private final SteadyStateFinder finder = new SteadyStateFinder(new Solvers());

    private static Options options(Method m, Map<String, Double> guess) {
        return new Options(m, 0, 1e-10, 100, 1e8, guess, "auto");
    }

    @Test
    void newtonFindsBothStatesOfLogisticGrowthWithHarvestAndTheirStability() throws Exception {
        // dx/dt = x (1 - x/10) - 0.2 x: x = 8 with eigenvalue -0.8, x = 0 with +0.8
        Model m = SteadyModels.harvest(1, 10, 0.2, 5);
        SteadyState high = finder.find(m, options(Method.NEWTON, Map.of()), null);
        assertEquals(8, high.value("x"), 1e-9);
        assertEquals(-0.8, high.largestRealPart(), 1e-6);
        assertEquals(SteadyState.Stability.STABLE, high.stability());
        assertEquals("newton", high.method());
        SteadyState zero = finder.find(m, options(Method.NEWTON, Map.of("x", 0.1)), null);
        assertEquals(0, zero.value("x"), 1e-9);
        assertEquals(0.8, zero.largestRealPart(), 1e-6);
        assertEquals(SteadyState.Stability.UNSTABLE, zero.stability());
        // integration from x = 0.1 leaves the unstable state and settles in the stable one
        SteadyState settled = finder.find(m, options(Method.INTEGRATE, Map.of("x", 0.1)), null);
        assertEquals(8, settled.value("x"), 1e-9);
        assertTrue(settled.method().startsWith("integration to t = "), settled.method());
        assertTrue(settled.integratedTime() > 0);
    }

    @Test
    void aLinearChainHasItsClosedFormSteadyStateAndEigenvalues() throws Exception {
        SteadyState s = finder.find(SteadyModels.chain(2, 0.5, 3, 0.25), options(Method.AUTO, Map.of()), null);
        assertEquals(4, s.value("x"), 1e-9);
        assertEquals(48, s.value("y"), 1e-8);
        assertEquals(2, s.eigenReal().length);
        assertEquals(-0.25, s.eigenReal()[0], 1e-6);
        assertEquals(-0.5, s.eigenReal()[1], 1e-6);
        assertEquals(0, s.eigenImag()[0], 1e-9);
        assertTrue(s.residual() <= 1e-10, "residual " + s.residual());
    }

    @Test
    void reynoldsHealthyOutcomeIsTheStableStateWithoutPathogen() throws Exception {
        Model m = new ModelLibrary().open("reynolds2006-inflammation").withParameter("k_pg", 0.3);
        SteadyState s = finder.find(m, options(Method.INTEGRATE, Map.of()), null);
        assertEquals(0, s.value("Pth"), 1e-8);
        assertEquals(0, s.value("Nstar"), 1e-8);
        assertEquals(0, s.value("Dmg"), 1e-6);
        assertEquals(0.125, s.value("CA"), 1e-8, "C_A = s_c / mu_c");
        assertEquals(SteadyState.Stability.STABLE, s.stability());
        // at P = N* = D = 0 the damage equation decouples (f_s has zero slope at 0): its eigenvalue -mu_d = -0.02 is the slowest
        assertEquals(-0.02, s.largestRealPart(), 1e-6);
    }

    @Test
    void reynoldsSepticOutcomeIsAStableStateWithPersistentPathogenAndAgreesWithTheTimeCourse() throws Exception {
        Model m = new ModelLibrary().open("reynolds2006-inflammation").withParameter("k_pg", 0.6);
        SteadyState s = finder.find(m, options(Method.INTEGRATE, Map.of()), null);
        // docs/mechanism-models.md: P 4.9, N* 0.98, D 17.5 (rounded)
        assertEquals(4.9, s.value("Pth"), 0.05);
        assertEquals(0.98, s.value("Nstar"), 0.005);
        assertEquals(17.5, s.value("Dmg"), 0.05);
        assertEquals(SteadyState.Stability.STABLE, s.stability());
        assertTrue(s.largestRealPart() < 0);
        TimeCourse tc = new Simulator(new Solvers()).run(m, new SimulationSettings(0, 5000, 10, new Tolerances(1e-12, 1e-10, 1_000_000),
                "radau5"), List.of(new Output("Pth", true), new Output("Dmg", true)), null);
        assertEquals(s.value("Pth"), tc.values()[10][0], 1e-6 * s.value("Pth"));
        assertEquals(s.value("Dmg"), tc.values()[10][1], 1e-6 * s.value("Dmg"));
        // Newton from near the septic state finds the same state
        SteadyState newton = finder.find(m, options(Method.NEWTON, Map.of("Pth", 5.0, "Nstar", 1.0, "Dmg", 17.0, "CA", 0.5)), null);
        assertEquals(s.value("Pth"), newton.value("Pth"), 1e-7);
    }

    @Test
    void theNeuroinflammationModelStartsAtItsUninjuredSteadyState() throws Exception {
        SteadyState s = finder.find(new ModelLibrary().open("neuroinflammation-sensitization"), options(Method.AUTO, Map.of()), null);
        assertEquals(0.40, s.variables().get("pain"), 0.005, "baseline pain (docs/mechanism-models.md)");
        assertTrue(s.held().contains("exercise"), "a parameter only events change is held: " + s.held());
        assertEquals(SteadyState.Stability.STABLE, s.stability());
    }

    @Test
    void aModelWithoutSteadyStateIsReported() {
        SteadyStateException e = assertThrows(SteadyStateException.class,
                () -> finder.find(SteadyModels.drift(), new Options(Method.AUTO, 0, 1e-9, 20, 1e4, Map.of(), "auto"), null));
        assertTrue(e.getMessage().contains("no steady state") && e.getMessage().contains("drift"), e.getMessage());
        assertThrows(SteadyStateException.class, () -> finder.find(SteadyModels.drift(), options(Method.NEWTON, Map.of()), null));
        Exception bad = assertThrows(Exception.class, () -> finder.find(SteadyModels.drift(), options(Method.AUTO, Map.of("z", 1.0)), null));
        assertTrue(bad.getMessage().contains("'z'"), bad.getMessage());
    }
}
