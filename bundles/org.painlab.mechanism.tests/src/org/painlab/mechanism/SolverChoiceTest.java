package org.painlab.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.sim.Output;
import org.painlab.mechanism.sim.SimulationSettings;
import org.painlab.mechanism.sim.Simulator;
import org.painlab.mechanism.sim.TimeCourse;

/**
 * The automatic solver choice weighs cost: the neuroinflammation model (mildly stiff: the probe alone counts it
 * non-stiff) goes to radau5, which integrates it with a fraction of dopri5's work; a non-stiff model stays with
 * dopri5; the choice and its reason are the same on every run (a stored run re-runs with the same solver).
 */
class SolverChoiceTest {
    private static final Pattern EVALUATIONS = Pattern.compile("dopri5 (\\d+) steps, (\\d+) evaluations");
    private static final Pattern WORK = Pattern.compile("radau5 (\\d+) steps, (\\d+) evaluations and (\\d+) Jacobians, about (\\d+)"
            + " evaluations' work");

    private static TimeCourse run(Model m, double duration, String solver) throws Exception {
        return new Simulator(new Solvers()).run(m, new SimulationSettings(0, duration, (int) duration,
                SimulationSettings.DEFAULT_TOLERANCES, solver), List.of(new Output("pain", false)), null);
    }

    @Test
    void theNeuroinflammationModelGoesToRadau5BecauseItIsCheaperThere() throws Exception {
        Model m = new ModelLibrary().open("neuroinflammation-sensitization");
        TimeCourse auto = run(m, 180, "auto");
        // for docs/mechanism.md: the reason as a user sees it
        System.out.println("solver choice: neuroinflammation-sensitization over 180 days: " + auto.reason());
        assertEquals("radau5", auto.solver(), auto.reason());
        assertTrue(auto.reason().startsWith("stiff enough for radau5 to be cheaper (trial over the run: "), auto.reason());
        // the counts in the reason are the solvers' own: the explicit trial either finished with more work or hit its budget
        Matcher w = WORK.matcher(auto.reason());
        assertTrue(w.find(), auto.reason());
        double radauWork = Double.parseDouble(w.group(4));
        TimeCourse radau = run(m, 180, "radau5");
        TimeCourse dopri = run(m, 180, "dopri5");
        assertEquals(radau.evaluations(), Integer.parseInt(w.group(2)), "the trial is the run radau5 makes");
        assertTrue(radauWork < dopri.evaluations(), "radau5's work " + radauWork + " vs dopri5's " + dopri.evaluations() + " evaluations");
        Matcher e = EVALUATIONS.matcher(auto.reason());
        assertTrue(!e.find() || Integer.parseInt(e.group(2)) > radauWork, auto.reason());
        for (int i = 0; i < auto.times().length; i++) {
            assertEquals(radau.values()[i][0], auto.values()[i][0], 0, "the chosen run is radau5's");
        }
        assertEquals(auto.reason(), run(m, 180, "auto").reason(), "deterministic");
    }

    @Test
    void aNonStiffModelStaysWithDopri5AndTheReasonGivesBothTrials() throws Exception {
        TimeCourse tc = new Simulator(new Solvers()).run(Models.logistic(1.3, 50, 2), new SimulationSettings(0, 12, 24,
                SimulationSettings.DEFAULT_TOLERANCES, "auto"), List.of(new Output("N", false)), null);
        assertEquals("dopri5", tc.solver());
        assertTrue(tc.reason().startsWith("non-stiff (spectral radius"), tc.reason());
        Matcher e = EVALUATIONS.matcher(tc.reason());
        Matcher w = WORK.matcher(tc.reason());
        assertTrue(e.find() && w.find(), tc.reason());
        assertTrue(Integer.parseInt(e.group(2)) <= Double.parseDouble(w.group(4)), tc.reason());
    }
}
