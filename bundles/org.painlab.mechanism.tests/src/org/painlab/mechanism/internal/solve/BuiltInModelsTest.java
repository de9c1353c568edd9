package org.painlab.mechanism.internal.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.painlab.mechanism.solve.SolverEvent;
import org.painlab.mechanism.solve.SolverException;
import org.painlab.mechanism.solve.Tolerances;
import org.painlab.mechanism.solve.Trajectory;

/**
 * The three built-in models, their equations coded in the tests and their values read from the shipped SBML files,
 * integrated with Radau5: the behaviour each model is documented to show.
 */
class BuiltInModelsTest {
    private static final Tolerances TOL = new Tolerances(1e-10, 1e-6, 100_000);

    // ---- Reynolds et al. 2006 -------------------------------------------------------------------------------

    @Test
    void reynoldsHealthyOutcomeResolves() throws Exception {
        BuiltInModelFile file = new BuiltInModelFile("reynolds2006-inflammation.xml");
        double[] y0 = {file.get("Pth"), file.get("Nstar"), file.get("Dmg"), file.get("CA")};
        assertEquals(0.125, y0[ReynoldsSystem.CA], 0, "the paper's C_A(0)");
        Trajectory tr = new Radau5().solve(new ReynoldsSystem(file, file.get("k_pg")), 0, y0, new double[] {24, 500},
                TOL, List.of(), null);
        double[] day1 = tr.states()[0];
        assertTrue(day1[ReynoldsSystem.N] > 0.1 && day1[ReynoldsSystem.D] > 1, "an inflammatory response first");
        double[] end = tr.states()[1];
        assertEquals(0, end[ReynoldsSystem.P], 1e-6, "pathogen cleared");
        assertEquals(0, end[ReynoldsSystem.N], 2e-3, "phagocytes back to rest");
        assertEquals(0, end[ReynoldsSystem.D], 5e-3, "damage repaired");
        assertEquals(file.get("s_c") / file.get("mu_c"), end[ReynoldsSystem.CA], 0.05, "anti-inflammation at baseline");
    }

    @Test
    void reynoldsSepticOutcomePersists() throws Exception {
        BuiltInModelFile file = new BuiltInModelFile("reynolds2006-inflammation.xml");
        double[] y0 = {file.get("Pth"), file.get("Nstar"), file.get("Dmg"), file.get("CA")};
        Trajectory tr = new Radau5().solve(new ReynoldsSystem(file, 0.6), 0, y0, new double[] {250, 500}, TOL,
                List.of(), null);
        for (double[] y : tr.states()) {
            assertTrue(y[ReynoldsSystem.P] > 4, "pathogen persists: " + y[ReynoldsSystem.P]);
            assertTrue(y[ReynoldsSystem.N] > 0.9, "phagocytes stay activated");
            assertTrue(y[ReynoldsSystem.D] > 15, "damage stays high");
        }
        // a persistent state, not a slow decay
        assertEquals(tr.states()[0][ReynoldsSystem.D], tr.states()[1][ReynoldsSystem.D], 0.5);
    }

    // ---- Anderson et al. 2015 -------------------------------------------------------------------------------

    @Test
    void andersonInitialStateHoldsWithoutLps() throws Exception {
        BuiltInModelFile file = new BuiltInModelFile("anderson2015-microglia.xml");
        AndersonSystem quiet = new AndersonSystem(file, 0);
        double[] y0 = new double[6];
        for (int i = 0; i < 6; i++) {
            y0[i] = file.get(AndersonSystem.CYTOKINES[i]);
        }
        double[] d = new double[6];
        quiet.derivatives(0, y0, d);
        for (double v : d) {
            assertEquals(0, v, 1e-15);
        }
    }

    @Test
    void andersonTnfAdaptsToSustainedLpsWhileTgfAndIl10Rise() throws Exception {
        BuiltInModelFile file = new BuiltInModelFile("anderson2015-microglia.xml");
        double[] y0 = new double[6];
        for (int i = 0; i < 6; i++) {
            y0[i] = file.get(AndersonSystem.CYTOKINES[i]);
        }
        double[] times = new double[73];
        for (int i = 0; i < times.length; i++) {
            times[i] = i;
        }
        Trajectory tr = new Radau5().solve(new AndersonSystem(file, file.get("LPS")), 0, y0, times, TOL, List.of(),
                null);
        int peak = 0;
        for (int i = 0; i < times.length; i++) {
            if (tr.states()[i][AndersonSystem.TNF] > tr.states()[peak][AndersonSystem.TNF]) {
                peak = i;
            }
        }
        double tnfPeak = tr.states()[peak][AndersonSystem.TNF];
        // the paper's result: TNF-alpha peaks within hours and adapts under continued LPS
        assertTrue(times[peak] >= 2 && times[peak] <= 12, "TNF peak at " + times[peak] + " h");
        assertTrue(tr.states()[72][AndersonSystem.TNF] < 0.1 * tnfPeak, "TNF adapted by 72 h");
        assertTrue(tr.states()[48][AndersonSystem.TGFB] > 10 * y0[AndersonSystem.TGFB], "TGF-beta rises");
        assertTrue(tr.states()[48][AndersonSystem.IL10] > 10 * y0[AndersonSystem.IL10], "IL-10 rises");
        // the same trajectory at a much tighter tolerance: the default one is converged
        Trajectory tight = new Radau5().solve(new AndersonSystem(file, file.get("LPS")), 0, y0, times, new Tolerances(
                1e-12, 1e-10, 100_000), List.of(), null);
        for (int i = 0; i < times.length; i++) {
            for (int k = 0; k < 6; k++) {
                double ref = tight.states()[i][k];
                assertEquals(ref, tr.states()[i][k], 1e-4 * (1 + Math.abs(ref)), "t = " + i + " cytokine " + k);
            }
        }
    }

    // ---- neuroinflammation - central sensitization ----------------------------------------------------------

    /** A timed intervention: the model's event assignments at time. */
    private static SolverEvent at(double time, java.util.function.Consumer<double[]> assignments) {
        return new SolverEvent() {
            @Override
            public double g(double t, double[] y) {
                return t - time;
            }

            @Override
            public boolean fire(double t, double[] y) {
                assignments.accept(y);
                return false;
            }
        };
    }

    private static final double[] DAYS = {0, 0.5, 4, 7, 14, 28, 56, 90, 180};

    private static double[] pain(BuiltInModelFile file, double sexFemale, SolverEvent... interventions)
            throws SolverException {
        NeuroinflammationSystem model = new NeuroinflammationSystem(file, sexFemale);
        List<SolverEvent> events = new ArrayList<>(List.of(interventions));
        double injurySize = file.get("injury_size");
        events.add(at(file.get("injury_time"), y -> y[NeuroinflammationSystem.INJ] += injurySize));
        Trajectory tr = new Radau5().solve(model, 0, model.initialState(), DAYS, TOL, events, null);
        double[] pain = new double[DAYS.length];
        for (int i = 0; i < DAYS.length; i++) {
            pain[i] = model.pain(tr.states()[i]);
        }
        return pain;
    }

    @Test
    void injuryRaisesPainWhichOutlastsItAndResolves() throws Exception {
        BuiltInModelFile file = new BuiltInModelFile("neuroinflammation-sensitization.xml");
        assertTrue(file.ids("event").containsAll(List.of("injury", "glucocorticoid_snrb", "exercise_programme",
                "anticytokine_drug", "microglia_inhibitor")), "intervention hooks " + file.ids("event"));
        double[] pain = pain(file, 0);
        assertTrue(pain[0] < 1, "baseline pain " + pain[0]);
        assertEquals(pain[0], pain[1], 1e-6, "the initial state is a steady state before the injury");
        assertTrue(pain[3] > 6, "pain a week after injury " + pain[3]);
        // central sensitization keeps pain up after the injury signal has mostly healed (Inj at day 56 ~ 0.5 %)
        assertTrue(pain[6] > 2.5, "pain at day 56 " + pain[6]);
        assertTrue(pain[8] < 1.5, "resolved by day 180: " + pain[8]);
    }

    @Test
    void treatmentsLowerPain() throws Exception {
        BuiltInModelFile file = new BuiltInModelFile("neuroinflammation-sensitization.xml");
        double[] none = pain(file, 0);
        double gcDose = file.get("gc_dose");
        double drugDose = file.get("drug_dose");
        // SNRB the day before the injury (injury at day 1)
        double[] snrb = pain(file, 0, at(0, y -> y[NeuroinflammationSystem.GC] += gcDose));
        double[] exercise = pain(file, 0, at(14, y -> y[NeuroinflammationSystem.EXERCISE] = 1));
        double[] drug = pain(file, 0, at(14, y -> y[NeuroinflammationSystem.DRUG] += drugDose));
        assertTrue(snrb[2] < none[2] - 1, "SNRB lowers early pain: " + snrb[2] + " vs " + none[2]);
        assertTrue(exercise[6] < none[6] - 1, "exercise lowers pain at day 56: " + exercise[6] + " vs " + none[6]);
        assertTrue(drug[7] < none[7] - 0.5, "anti-cytokine drug lowers pain at day 90: " + drug[7] + " vs " + none[7]);
    }

    @Test
    void sexSwitchChangesTheDominantPathway() throws Exception {
        BuiltInModelFile file = new BuiltInModelFile("neuroinflammation-sensitization.xml");
        for (double sex : new double[] {0, 1}) {
            NeuroinflammationSystem model = new NeuroinflammationSystem(file, sex);
            double injurySize = file.get("injury_size");
            Trajectory tr = new Radau5().solve(model, 0, model.initialState(), new double[] {7}, TOL, List.of(at(file
                    .get("injury_time"), y -> y[NeuroinflammationSystem.INJ] += injurySize)), null);
            double[] y = tr.states()[0];
            double microglial = model.tnfFromMicroglia(y);
            double tcell = model.tnfFromTCells(y);
            if (sex == 0) {
                assertTrue(microglial > 3 * tcell, "male: microglia dominate " + microglial + " vs " + tcell);
            } else {
                assertTrue(tcell > 2 * microglial, "female: T cells dominate " + tcell + " vs " + microglial);
            }
        }
        // so a microglia inhibitor helps males far more than females (Sorge et al. 2015)
        double block = file.get("microglia_block_level");
        double[] maleNone = pain(file, 0);
        double[] maleBlocked = pain(file, 0, at(0, y -> y[NeuroinflammationSystem.MICROGLIA_BLOCK] = block));
        double[] femaleNone = pain(file, 1);
        double[] femaleBlocked = pain(file, 1, at(0, y -> y[NeuroinflammationSystem.MICROGLIA_BLOCK] = block));
        double maleEffect = maleNone[7] - maleBlocked[7];
        double femaleEffect = femaleNone[7] - femaleBlocked[7];
        assertTrue(maleEffect > 2 * femaleEffect && maleEffect > 1, "inhibitor effect at day 90: male " + maleEffect
                + ", female " + femaleEffect);
    }
}
