package org.example.painlab.pcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.painlab.trial.instrument.InvalidAnswerException;
import org.painlab.trial.instrument.NotScorableException;
import org.painlab.trial.instrument.Score;

class PainCatastrophizingScaleTest {
    private final PainCatastrophizingScale pcs = new PainCatastrophizingScale();

    private static Map<String, Double> answers(int... values) {
        Map<String, Double> m = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put("pcs" + (i + 1), (double) values[i]);
        }
        return m;
    }

    @Test
    void thirteenItemsZeroToFourInFormOrder() {
        assertEquals(13, pcs.items().size());
        assertEquals("pcs1", pcs.items().get(0).id());
        assertEquals("pcs13", pcs.items().get(12).id());
        pcs.items().forEach(i -> {
            assertEquals(0.0, i.min());
            assertEquals(4.0, i.max());
            assertEquals(5, i.choices().size());
        });
    }

    @Test
    void totalAndSubscalesOfACompleteForm() {
        //                      1  2  3  4  5  6  7  8  9 10 11 12 13
        Score s = pcs.score(answers(3, 2, 4, 3, 2, 1, 0, 4, 4, 3, 4, 2, 1));
        assertEquals(33.0, s.score());
        assertEquals(15.0, s.subscores().get("rumination")); // 8-11: 4+4+3+4
        assertEquals(2.0, s.subscores().get("magnification")); // 6, 7, 13: 1+0+1
        assertEquals(16.0, s.subscores().get("helplessness")); // 1-5, 12: 3+2+4+3+2+2
        assertEquals("clinically relevant", s.band());
        assertEquals(List.of(), s.missingItems());
    }

    @Test
    void rangeEndsAreZeroAndFiftyTwo() {
        assertEquals(0.0, pcs.score(answers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).score());
        Score max = pcs.score(answers(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4));
        assertEquals(52.0, max.score());
        assertEquals(16.0, max.subscores().get("rumination"));
        assertEquals(12.0, max.subscores().get("magnification"));
        assertEquals(24.0, max.subscores().get("helplessness"));
        assertEquals("below 30", pcs.score(answers(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2)).band()); // 26
    }

    @Test
    void oneMissingItemIsProratedWithinItsSubscale() {
        Map<String, Double> a = answers(3, 2, 4, 3, 2, 1, 0, 4, 4, 3, 4, 2, 1);
        a.remove("pcs7"); // magnification: 6 and 13 answered, 1 + 1 -> mean 1, prorated 3
        Score s = pcs.score(a);
        assertEquals(3.0, s.subscores().get("magnification"), 1e-12);
        assertEquals(34.0, s.score(), 1e-12);
        assertEquals(List.of("pcs7"), s.missingItems());
    }

    @Test
    void twoMissingItemsAreNotScoredAndNamed() {
        Map<String, Double> a = answers(3, 2, 4, 3, 2, 1, 0, 4, 4, 3, 4, 2, 1);
        a.remove("pcs1");
        a.remove("pcs9");
        NotScorableException e = assertThrows(NotScorableException.class, () -> pcs.score(a));
        assertTrue(e.getMessage().contains("pcs1") && e.getMessage().contains("pcs9"), e.getMessage());
    }

    @Test
    void outOfRangeAnswerIsRefusedNamingTheItem() {
        Map<String, Double> a = answers(3, 2, 4, 3, 2, 1, 0, 4, 4, 3, 4, 2, 1);
        a.put("pcs5", 5.0);
        InvalidAnswerException e = assertThrows(InvalidAnswerException.class, () -> pcs.score(a));
        assertTrue(e.getMessage().contains("pcs5"), e.getMessage());
    }
}
