package org.painlab.trial.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.painlab.trial.instrument.ComplicationsInstrument;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.instrument.JoaInstrument;
import org.painlab.trial.instrument.MacNabInstrument;
import org.painlab.trial.instrument.OdiInstrument;
import org.painlab.trial.instrument.Score;
import org.painlab.trial.instrument.Sf36Instrument;
import org.painlab.trial.instrument.VasInstrument;

class DemoTrialGeneratorTest {

    private static final Map<String, Instrument> INSTRUMENTS = Map.of(
            "vas", new VasInstrument(), "odi", new OdiInstrument(), "joa", new JoaInstrument(),
            "sf36", new Sf36Instrument(), "macnab", new MacNabInstrument(),
            "complications", new ComplicationsInstrument());

    private static final Map<String, Set<String>> PLAN = Map.of(
            "admission", Set.of("vas", "odi", "joa", "sf36"),
            "pre_surgery", Set.of("vas"),
            "day3", Set.of("vas"),
            "month3", Set.of("vas", "odi", "joa", "sf36", "macnab", "complications"));

    @Test
    void deterministicForASeed() {
        DemoTrial a = DemoTrialGenerator.generate(42);
        DemoTrial b = DemoTrialGenerator.generate(42);
        assertEquals(a, b);
        assertNotEquals(a.subjects(), DemoTrialGenerator.generate(43).subjects());
    }

    @Test
    void designAndFlags() {
        DemoTrial t = DemoTrialGenerator.generate(DemoTrialGenerator.DEFAULT_SEED);
        assertTrue(t.simulated());
        assertTrue(t.description().contains("SIMULATED"));
        assertEquals(77, t.subjects().size());
        Set<String> ids = new HashSet<>();
        int s = 0;
        for (int i = 0; i < 77; i++) {
            DemoSubject subject = t.subjects().get(i);
            assertEquals(i + 1, subject.seq());
            assertTrue(subject.simulated());
            assertTrue(subject.subjectId().startsWith("SIM-"));
            assertTrue(ids.add(subject.subjectId()));
            assertTrue(subject.arm().equals("S") || subject.arm().equals("P"));
            if (subject.arm().equals("S")) {
                s++;
            }
            DemoBaseline b = subject.baseline();
            assertTrue(b.age() >= 18 && b.age() <= 80);
            assertTrue(b.bmi() >= 18.5 && b.bmi() <= 30);
            assertTrue(List.of("L2-3", "L3-4", "L4-5", "L5-S1").contains(b.level()));
            assertTrue(b.pfirrmann() >= 1 && b.pfirrmann() <= 5);
            assertNotNull(b.pfirrmannRoman());
            assertTrue(b.legPainDays() >= 90);
            assertTrue(b.operationMinutes() > 0 && b.bloodLossMl() > 0 && b.lengthOfStayDays() > 0);
            assertTrue(List.of("M", "F").contains(b.sex()));
        }
        // 1:1 permuted blocks of 4 and 6: imbalance at most 3
        assertTrue(Math.abs(2 * s - 77) <= 6, "S = " + s);
    }

    @Test
    void everyAnswerSetScoresWithTheBuiltInInstruments() {
        for (long seed : new long[] {DemoTrialGenerator.DEFAULT_SEED, 1, 2, 3, 4, 5}) {
            DemoTrial t = DemoTrialGenerator.generate(seed);
            for (DemoSubject subject : t.subjects()) {
                for (Map.Entry<String, Map<String, Map<String, Double>>> visit : subject.visits().entrySet()) {
                    assertEquals(PLAN.get(visit.getKey()), visit.getValue().keySet(),
                            subject.subjectId() + " " + visit.getKey());
                    for (Map.Entry<String, Map<String, Double>> form : visit.getValue().entrySet()) {
                        Score score = INSTRUMENTS.get(form.getKey()).score(form.getValue()); // throws if invalid
                        assertTrue(Double.isFinite(score.score()));
                    }
                }
                assertEquals(subject.lostToFollowUp(), !subject.visits().containsKey("month3"));
                assertEquals(List.of("admission", "pre_surgery", "day3"),
                        List.copyOf(subject.visits().keySet()).subList(0, 3));
            }
        }
    }

    @Test
    void snrbLowersPreSurgeryPain() {
        DemoTrial t = DemoTrialGenerator.generate(DemoTrialGenerator.DEFAULT_SEED);
        double[] drop = new double[2];
        int[] n = new int[2];
        for (DemoSubject s : t.subjects()) {
            int k = s.arm().equals("S") ? 0 : 1;
            double adm = s.visits().get("admission").get("vas").get("vas");
            double pre = s.visits().get("pre_surgery").get("vas").get("vas");
            drop[k] += adm - pre;
            n[k]++;
        }
        double dropS = drop[0] / n[0];
        double dropP = drop[1] / n[1];
        assertTrue(dropS > dropP + 1.5, dropS + " vs " + dropP);
    }

    @Test
    void consortCountsAddUp() {
        DemoTrial t = DemoTrialGenerator.generate(DemoTrialGenerator.DEFAULT_SEED);
        Map<String, Object> c = t.consortCounts();
        int screened = (Integer) c.get("screened");
        int excluded = (Integer) c.get("excluded");
        assertEquals(77, c.get("randomized"));
        assertEquals(screened, excluded + 77);
        assertTrue(excluded >= 8 && excluded <= 14);
        @SuppressWarnings("unchecked")
        Map<String, Integer> allocated = (Map<String, Integer>) c.get("allocated");
        @SuppressWarnings("unchecked")
        Map<String, Integer> lost = (Map<String, Integer>) c.get("lost_to_follow_up");
        @SuppressWarnings("unchecked")
        Map<String, Integer> analysed = (Map<String, Integer>) c.get("analysed");
        assertEquals(77, allocated.get("S") + allocated.get("P"));
        int totalLost = lost.get("S") + lost.get("P");
        assertTrue(totalLost >= 2 && totalLost <= 4, "lost " + totalLost);
        assertEquals(77 - totalLost, analysed.get("S") + analysed.get("P"));
        int randomizedScreenings = 0;
        for (DemoScreening s : t.screenings()) {
            assertTrue(s.simulated());
            if (s.randomized()) {
                randomizedScreenings++;
                assertNull(s.exclusion());
            } else {
                assertNotNull(s.exclusion());
                if (s.exclusion() == ExclusionReason.BMI_OUT_OF_RANGE) {
                    assertTrue(s.bmi() < 18.5 || s.bmi() > 30, "bmi " + s.bmi());
                }
            }
        }
        assertEquals(77, randomizedScreenings);
        assertFalse(((Map<?, ?>) c.get("excluded_by_reason")).isEmpty());
    }

    @Test
    void visitsAreUnmodifiable() {
        DemoSubject s = DemoTrialGenerator.generate(1).subjects().get(0);
        assertThrows(UnsupportedOperationException.class, () -> s.visits().remove("admission"));
        assertThrows(UnsupportedOperationException.class,
                () -> s.visits().get("admission").get("odi").put("lifting", 1.0));
    }

    @Test
    void subjectCountValidated() {
        assertThrows(IllegalArgumentException.class, () -> DemoTrialGenerator.generate(1, 2));
        assertEquals(120, DemoTrialGenerator.generate(1, 120).subjects().size());
    }
}
