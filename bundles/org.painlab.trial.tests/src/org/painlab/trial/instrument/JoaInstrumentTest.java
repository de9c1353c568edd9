package org.painlab.trial.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painlab.trial.instrument.TestSupport.answers;
import static org.painlab.trial.instrument.TestSupport.answersFor;
import static org.painlab.trial.instrument.TestSupport.ids;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JoaInstrumentTest {

    private final JoaInstrument joa = new JoaInstrument();

    @Test
    void itemsAndRanges() {
        assertEquals(14, joa.items().size());
        assertEquals(List.of("low_back_pain", "leg_pain_tingling", "gait", "straight_leg_raising",
                "sensory_disturbance", "motor_disturbance", "turning_over_in_bed", "standing", "washing",
                "leaning_forward", "sitting_1h", "lifting_heavy_object", "walking", "bladder"), ids(joa));
        double max = 0;
        for (Item i : joa.items()) {
            max += i.max();
        }
        assertEquals(29, max);
        Item bladder = joa.item("bladder").orElseThrow();
        assertEquals(-6, bladder.min());
        assertEquals(3, bladder.step());
    }

    @Test
    void workedExample() {
        // subjective 1+0+1 = 2; signs 0+1+1 = 2; ADL 1+1+2+0+1+0+1 = 6; bladder 0 -> 10
        Score s = joa.score(answersFor(ids(joa), 1, 0, 1, 0, 1, 1, 1, 1, 2, 0, 1, 0, 1, 0));
        assertEquals(10, s.score());
        assertEquals(Map.of("subjective", 2.0, "clinical_signs", 2.0, "daily_activities", 6.0, "bladder", 0.0),
                s.subscores());
        assertEquals(List.of("subjective", "clinical_signs", "daily_activities", "bladder"),
                List.copyOf(s.subscores().keySet()));
        assertNull(s.band());
    }

    @Test
    void extremes() {
        assertEquals(29, joa.score(answersFor(ids(joa), 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0)).score());
        Score min = joa.score(answersFor(ids(joa), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -6));
        assertEquals(-6, min.score());
        assertEquals(-6, min.subscores().get("bladder"));
        assertEquals(-3 + 9, joa.score(answersFor(ids(joa), 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -3)).score());
    }

    @Test
    void bladderMustBeZeroMinusThreeOrMinusSix() {
        InvalidAnswerException e = assertThrows(InvalidAnswerException.class,
                () -> joa.score(answersFor(ids(joa), 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, -4)));
        assertEquals("bladder", e.problems().get(0).itemId());
        assertTrue(e.getMessage().contains("one of -6, -3, 0"), e.getMessage());
        assertThrows(InvalidAnswerException.class,
                () -> joa.score(answersFor(ids(joa), 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3)));
    }

    @Test
    void outOfRangeItemsAreNamed() {
        InvalidAnswerException e = assertThrows(InvalidAnswerException.class,
                () -> joa.score(answersFor(ids(joa), 4, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0)));
        assertEquals(List.of("low_back_pain", "straight_leg_raising"),
                e.problems().stream().map(AnswerProblem::itemId).toList());
        assertTrue(e.getMessage().contains("'straight_leg_raising' = 3: out of range: valid 0–2"), e.getMessage());
    }

    @Test
    void anyMissingItemIsNotScorable() {
        Map<String, Double> a = answersFor(ids(joa), 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0);
        a.remove("washing");
        NotScorableException e = assertThrows(NotScorableException.class, () -> joa.score(a));
        assertEquals(List.of("washing"), e.missingItems());
    }

    @Test
    void recoveryRate() {
        assertEquals(14.0 / 19.0 * 100.0, JoaInstrument.recoveryRate(10, 24), 1e-12);
        assertEquals(100.0, JoaInstrument.recoveryRate(10, 29), 1e-12);
        assertEquals(0.0, JoaInstrument.recoveryRate(10, 10), 1e-12);
        assertEquals(-4.0 / 17.0 * 100.0, JoaInstrument.recoveryRate(12, 8), 1e-12);
        assertEquals(100.0, JoaInstrument.recoveryRate(-6, 29), 1e-12);
        assertEquals(50.0, JoaInstrument.recoveryRate(28, 28.5), 1e-12);
    }

    @Test
    void recoveryRateFromScores() {
        Score pre = joa.score(answersFor(ids(joa), 1, 0, 1, 0, 1, 1, 1, 1, 2, 0, 1, 0, 1, 0)); // 10
        Score post = joa.score(answersFor(ids(joa), 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0)); // 27
        assertEquals(17.0 / 19.0 * 100.0, JoaInstrument.recoveryRate(pre, post), 1e-12);
        Score vas = new VasInstrument().score(answers("vas", 3));
        assertThrows(IllegalArgumentException.class, () -> JoaInstrument.recoveryRate(pre, vas));
    }

    @Test
    void recoveryRateUndefinedAtMaximum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JoaInstrument.recoveryRate(29, 29));
        assertTrue(e.getMessage().contains("pre-treatment score is 29"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JoaInstrument.recoveryRate(30, 29));
        assertThrows(IllegalArgumentException.class, () -> JoaInstrument.recoveryRate(10, -7));
        assertThrows(IllegalArgumentException.class, () -> JoaInstrument.recoveryRate(Double.NaN, 10));
    }
}
