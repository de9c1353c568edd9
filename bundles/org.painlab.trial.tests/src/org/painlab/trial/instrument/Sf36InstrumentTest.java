package org.painlab.trial.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class Sf36InstrumentTest {

    private final Sf36Instrument sf36 = new Sf36Instrument();

    private static double[] recodes(int item, int codes) {
        double[] out = new double[codes];
        for (int c = 1; c <= codes; c++) {
            out[c - 1] = Sf36Instrument.recode(item, c);
        }
        return out;
    }

    @Test
    void recodingOfEachItemGroup() {
        for (int q : new int[] {1, 2, 20, 22, 34, 36}) {
            assertArrayEquals(new double[] {100, 75, 50, 25, 0}, recodes(q, 5), "item " + q);
        }
        for (int q = 3; q <= 12; q++) {
            assertArrayEquals(new double[] {0, 50, 100}, recodes(q, 3), "item " + q);
        }
        for (int q = 13; q <= 19; q++) {
            assertArrayEquals(new double[] {0, 100}, recodes(q, 2), "item " + q);
        }
        for (int q : new int[] {21, 23, 26, 27, 30}) {
            assertArrayEquals(new double[] {100, 80, 60, 40, 20, 0}, recodes(q, 6), "item " + q);
        }
        for (int q : new int[] {24, 25, 28, 29, 31}) {
            assertArrayEquals(new double[] {0, 20, 40, 60, 80, 100}, recodes(q, 6), "item " + q);
        }
        for (int q : new int[] {32, 33, 35}) {
            assertArrayEquals(new double[] {0, 25, 50, 75, 100}, recodes(q, 5), "item " + q);
        }
        assertThrows(IllegalArgumentException.class, () -> Sf36Instrument.recode(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Sf36Instrument.recode(37, 1));
        assertThrows(IllegalArgumentException.class, () -> Sf36Instrument.recode(3, 4));
    }

    @Test
    void itemRangesFollowTheRecodeTables() {
        assertEquals(36, sf36.items().size());
        for (int q = 1; q <= 36; q++) {
            Item item = sf36.items().get(q - 1);
            assertEquals("q" + q, item.id());
            assertEquals(1, item.min());
            int codes = (int) item.max();
            Sf36Instrument.recode(q, codes); // valid
            int fq = q;
            assertThrows(IllegalArgumentException.class, () -> Sf36Instrument.recode(fq, codes + 1));
            assertEquals(codes, item.choices().size());
        }
    }

    /** The worked respondent of the class documentation, recoded by hand. */
    static Map<String, Double> workedRespondent() {
        int[] a = new int[37];
        a[1] = 3; // good -> 50
        a[2] = 2; // somewhat better -> 75
        int[] pf = {1, 2, 2, 3, 3, 2, 3, 3, 3, 3}; // 0 50 50 100 100 50 100 100 100 100 -> 75
        for (int i = 0; i < 10; i++) {
            a[3 + i] = pf[i];
        }
        a[13] = 1; a[14] = 1; a[15] = 2; a[16] = 2; // 0 0 100 100 -> 50
        a[17] = 2; a[18] = 2; a[19] = 1;             // 100 100 0 -> 66.67
        a[20] = 2;                                    // 75
        a[21] = 4; a[22] = 3;                         // 40, 50 -> pain 45
        a[23] = 3; a[27] = 4; a[29] = 4; a[31] = 3;   // 60 40 60 40 -> energy 50
        a[24] = 5; a[25] = 6; a[26] = 2; a[28] = 5; a[30] = 3; // 80 100 80 80 60 -> EWB 80
        a[32] = 4;                                    // 75 -> social (75 + 75) / 2 = 75
        a[33] = 4; a[34] = 2; a[35] = 3; a[36] = 3;   // 75 75 50 50, with q1 50 -> GH 60
        Map<String, Double> m = new HashMap<>();
        for (int q = 1; q <= 36; q++) {
            m.put("q" + q, (double) a[q]);
        }
        return m;
    }

    @Test
    void fullyWorkedRespondent() {
        Score s = sf36.score(workedRespondent());
        Map<String, Double> sub = s.subscores();
        assertEquals(List.of("physical_functioning", "role_physical", "role_emotional", "energy_fatigue",
                "emotional_wellbeing", "social_functioning", "pain", "general_health", "health_change",
                "pcs_us1998", "mcs_us1998"), List.copyOf(sub.keySet()));
        assertEquals(75.0, sub.get("physical_functioning"), 1e-12);
        assertEquals(50.0, sub.get("role_physical"), 1e-12);
        assertEquals(200.0 / 3, sub.get("role_emotional"), 1e-12);
        assertEquals(50.0, sub.get("energy_fatigue"), 1e-12);
        assertEquals(80.0, sub.get("emotional_wellbeing"), 1e-12);
        assertEquals(75.0, sub.get("social_functioning"), 1e-12);
        assertEquals(45.0, sub.get("pain"), 1e-12);
        assertEquals(60.0, sub.get("general_health"), 1e-12);
        assertEquals(75.0, sub.get("health_change"), 1e-12);
        // score: mean of the eight scales = (75 + 50 + 66.667 + 50 + 80 + 75 + 45 + 60) / 8
        assertEquals((75 + 50 + 200.0 / 3 + 50 + 80 + 75 + 45 + 60) / 8, s.score(), 1e-12);
        // PCS/MCS: z = (scale - mean1998) / sd1998, aggregate with 1990 coefficients, T = 50 + 10 agg
        double zPf = (75 - 83.29094) / 23.75883;
        double zRp = (50 - 82.50964) / 25.52028;
        double zBp = (45 - 71.32527) / 23.66224;
        double zGh = (60 - 70.84570) / 20.97821;
        double zVt = (50 - 58.31411) / 20.01923;
        double zSf = (75 - 84.30250) / 22.91921;
        double zRe = (200.0 / 3 - 87.39733) / 21.43778;
        double zMh = (80 - 74.98685) / 17.75604;
        double pcs = 50 + 10 * (0.42402 * zPf + 0.35119 * zRp + 0.31754 * zBp + 0.24954 * zGh + 0.02877 * zVt
                - 0.00753 * zSf - 0.19206 * zRe - 0.22069 * zMh);
        double mcs = 50 + 10 * (-0.22999 * zPf - 0.12329 * zRp - 0.09731 * zBp - 0.01571 * zGh + 0.23534 * zVt
                + 0.26876 * zSf + 0.43407 * zRe + 0.48581 * zMh);
        assertEquals(pcs, sub.get("pcs_us1998"), 1e-9);
        assertEquals(mcs, sub.get("mcs_us1998"), 1e-9);
        // pinned values (computed independently in Python from the same constants)
        assertEquals(40.36896469557082, sub.get("pcs_us1998"), 1e-9);
        assertEquals(48.642832276869775, sub.get("mcs_us1998"), 1e-9);
        assertTrue(s.norms().contains("US 1998"));
        assertEquals(List.of(), s.missingItems());
    }

    @Test
    void bestPossibleRespondent() {
        // A respondent whose scale scores are all 100 is above the US mean on every scale.
        Map<String, Double> best = new HashMap<>();
        for (int q = 1; q <= 36; q++) {
            Item item = sf36.items().get(q - 1);
            double bestCode = Sf36Instrument.recode(q, 1) == 100 ? 1 : item.max();
            best.put("q" + q, bestCode);
        }
        Score s = sf36.score(best);
        for (String k : Sf36Instrument.SCALE_KEYS) {
            assertEquals(100.0, s.subscores().get(k), 1e-12, k);
        }
        assertEquals(100.0, s.score(), 1e-12);
        assertEquals(59.01449586055862, s.subscores().get("pcs_us1998"), 1e-9);
        assertEquals(62.27665660192909, s.subscores().get("mcs_us1998"), 1e-9);
    }

    @Test
    void scalesAverageTheAnsweredItems() {
        Map<String, Double> a = workedRespondent();
        a.remove("q3"); // PF: the nine others 0.. -> (750 - 0) / 9
        a.remove("q2");
        Score s = sf36.score(a);
        assertEquals(750.0 / 9, s.subscores().get("physical_functioning"), 1e-12);
        assertFalse(s.subscores().containsKey("health_change"));
        assertEquals(List.of("q2", "q3"), s.missingItems());
    }

    @Test
    void halfScaleRule() {
        Map<String, Double> a = workedRespondent();
        a.remove("q17");
        a.remove("q18"); // role_emotional: 1 of 3 answered, needs 2
        NotScorableException e = assertThrows(NotScorableException.class, () -> sf36.score(a));
        assertTrue(e.getMessage().contains("role_emotional has 1 of 3 items answered, needs 2"), e.getMessage());
        assertEquals(List.of("q17", "q18"), e.missingItems());

        // RAND's plain rule: any answered item is enough
        Score any = new Sf36Instrument(Sf36Instrument.MissingItemRule.ANY_ITEM).score(a);
        assertEquals(0.0, any.subscores().get("role_emotional"), 1e-12);

        // exactly half is enough: PF 5 of 10, pain 1 of 2
        Map<String, Double> b = workedRespondent();
        for (int q = 3; q <= 7; q++) {
            b.remove("q" + q); // left: q8..q12 = 50 100 100 100 100
        }
        b.remove("q21");
        Score half = sf36.score(b);
        assertEquals(90.0, half.subscores().get("physical_functioning"), 1e-12);
        assertEquals(50.0, half.subscores().get("pain"), 1e-12);
    }

    @Test
    void invalidCodesAreAllReported() {
        Map<String, Double> a = workedRespondent();
        a.put("q3", 4.0);
        a.put("q13", 0.0);
        a.put("q21", 7.0);
        a.put("q37", 1.0);
        InvalidAnswerException e = assertThrows(InvalidAnswerException.class, () -> sf36.score(a));
        assertEquals(List.of("q37", "q3", "q13", "q21"), e.problems().stream().map(AnswerProblem::itemId).toList());
        assertTrue(e.getMessage().contains("'q3' = 4: out of range: valid 1–3"), e.getMessage());
    }
}
