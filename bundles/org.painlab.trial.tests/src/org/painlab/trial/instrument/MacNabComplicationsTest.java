package org.painlab.trial.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painlab.trial.instrument.TestSupport.answers;
import static org.painlab.trial.instrument.TestSupport.answersFor;
import static org.painlab.trial.instrument.TestSupport.ids;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MacNabComplicationsTest {

    private final MacNabInstrument macnab = new MacNabInstrument();
    private final ComplicationsInstrument complications = new ComplicationsInstrument();

    @Test
    void macnabGrades() {
        String[] names = {"excellent", "good", "fair", "poor"};
        for (int g = 1; g <= 4; g++) {
            Score s = macnab.score(answers("grade", g));
            assertEquals(g, s.score());
            assertEquals(names[g - 1], s.band());
        }
        assertThrows(InvalidAnswerException.class, () -> macnab.score(answers("grade", 0)));
        assertThrows(InvalidAnswerException.class, () -> macnab.score(answers("grade", 5)));
        assertThrows(InvalidAnswerException.class, () -> macnab.score(answers("grade", 1.5)));
        assertThrows(NotScorableException.class, () -> macnab.score(Map.of()));
    }

    @Test
    void excellentPlusGoodRate() {
        List<Score> scores = List.of(1, 1, 2, 3, 4, 2, 2, 3).stream()
                .map(g -> macnab.score(answers("grade", g))).toList();
        assertEquals(5.0 / 8.0 * 100.0, MacNabInstrument.excellentPlusGoodRate(scores), 1e-12);
        assertEquals(100.0, MacNabInstrument.excellentPlusGoodRate(List.of(scores.get(0))), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> MacNabInstrument.excellentPlusGoodRate(List.of()));
        Score vas = new VasInstrument().score(answers("vas", 1));
        assertThrows(IllegalArgumentException.class, () -> MacNabInstrument.excellentPlusGoodRate(List.of(vas)));
    }

    @Test
    void complicationsCountSeriousOnly() {
        assertEquals(List.of("residual_low_back_pain", "recurrent_pain", "ldh_relapse", "epidural_haematoma",
                "dural_tear", "discitis", "root_injury"), ids(complications));
        Score s = complications.score(answersFor(ids(complications), 1, 1, 1, 0, 1, 0, 1));
        assertEquals(2, s.score());
        assertEquals(7, s.subscores().size());
        assertEquals(1.0, s.subscores().get("residual_low_back_pain"));
        assertEquals(0.0, s.subscores().get("epidural_haematoma"));
        assertEquals(0, complications.score(answersFor(ids(complications), 1, 1, 1, 0, 0, 0, 0)).score());
        assertEquals(4, complications.score(answersFor(ids(complications), 0, 0, 0, 1, 1, 1, 1)).score());
    }

    @Test
    void complicationsMissingRules() {
        // outcome items may be missing
        Score s = complications.score(answers("epidural_haematoma", 0, "dural_tear", 1, "discitis", 0,
                "root_injury", 0));
        assertEquals(1, s.score());
        assertEquals(List.of("residual_low_back_pain", "recurrent_pain", "ldh_relapse"), s.missingItems());
        // a serious complication may not
        NotScorableException e = assertThrows(NotScorableException.class,
                () -> complications.score(answers("epidural_haematoma", 0, "dural_tear", 1, "discitis", 0)));
        assertEquals(List.of("root_injury"), e.missingItems());
        InvalidAnswerException bad = assertThrows(InvalidAnswerException.class,
                () -> complications.score(answersFor(ids(complications), 2, 0, 0, 0, 0, 0, 0)));
        assertTrue(bad.getMessage().contains("'residual_low_back_pain' = 2"), bad.getMessage());
    }
}
