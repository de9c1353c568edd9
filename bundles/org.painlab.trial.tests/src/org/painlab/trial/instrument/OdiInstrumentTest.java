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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OdiInstrumentTest {

    private final OdiInstrument odi = new OdiInstrument();

    @Test
    void itemsInOrder() {
        assertEquals(List.of("pain_intensity", "personal_care", "lifting", "walking", "sitting", "standing",
                "sleeping", "sex_life", "social_life", "travelling"), ids(odi));
        for (Item i : odi.items()) {
            assertEquals(0, i.min());
            assertEquals(5, i.max());
            assertEquals(1, i.step());
        }
    }

    @Test
    void allTenSections() {
        // 2+1+3+2+1+2+1+0+1+1 = 14 -> 14 / 50 * 100 = 28
        Score s = odi.score(answersFor(ids(odi), 2, 1, 3, 2, 1, 2, 1, 0, 1, 1));
        assertEquals(28.0, s.score(), 1e-12);
        assertEquals("moderate", s.band());
        assertEquals(List.of(), s.missingItems());
        assertEquals(3.0, s.subscores().get("lifting"));
        assertEquals(10.0, s.subscores().get("sections_answered"));
    }

    @Test
    void nineSectionsShrinkTheDenominator() {
        Map<String, Double> a = answersFor(ids(odi), 2, 1, 3, 2, 1, 2, 1, 0, 1, 1);
        a.remove("sex_life"); // sum still 14, over 45
        Score s = odi.score(a);
        assertEquals(14.0 / 45.0 * 100.0, s.score(), 1e-12);
        assertEquals(List.of("sex_life"), s.missingItems());
        assertEquals(9.0, s.subscores().get("sections_answered"));
    }

    @Test
    void eightSectionsStillScored() {
        Map<String, Double> a = answersFor(ids(odi), 5, 5, 5, 5, 5, 5, 5, 5, 5, 5);
        a.remove("sex_life");
        a.remove("travelling");
        Score s = odi.score(a);
        assertEquals(100.0, s.score(), 1e-12);
        assertEquals("bed-bound", s.band());
        assertEquals(List.of("sex_life", "travelling"), s.missingItems());
    }

    @Test
    void threeMissingIsNotScorable() {
        Map<String, Double> a = answersFor(ids(odi), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        a.remove("sex_life");
        a.remove("travelling");
        a.remove("lifting");
        NotScorableException e = assertThrows(NotScorableException.class, () -> odi.score(a));
        assertEquals(List.of("lifting", "sex_life", "travelling"), e.missingItems());
        assertTrue(e.getMessage().contains("at most 2"), e.getMessage());
        // a looser rule can be configured
        assertEquals(100.0 * 7 / 35, new OdiInstrument(3).score(a).score(), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"0, minimal", "10, minimal", "11, moderate", "20, moderate", "21, severe", "30, severe",
        "31, crippled", "40, crippled", "41, bed-bound", "50, bed-bound"})
    void bandBoundariesWithTenSections(int sum, String band) {
        // sum of 10 sections x 2 = percent; boundaries 20/22, 40/42, 60/62, 80/82
        double[] v = new double[10];
        int left = sum;
        for (int i = 0; i < 10; i++) {
            v[i] = Math.min(5, left);
            left -= (int) v[i];
        }
        Score s = odi.score(answersFor(ids(odi), v));
        assertEquals(sum * 2.0, s.score(), 1e-12);
        assertEquals(band, s.band());
    }

    @Test
    void bandHelperUsesInclusiveUpperLimits() {
        assertEquals("minimal", OdiInstrument.band(20));
        assertEquals("moderate", OdiInstrument.band(20.0001));
        assertEquals("moderate", OdiInstrument.band(40));
        assertEquals("severe", OdiInstrument.band(60));
        assertEquals("crippled", OdiInstrument.band(80));
        assertEquals("bed-bound", OdiInstrument.band(80.1));
    }

    @Test
    void allProblemsReportedTogether() {
        Map<String, Double> a = answersFor(ids(odi), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        a.put("lifting", 7.0);
        a.put("walking", 2.5);
        a.put("driving", 1.0);
        InvalidAnswerException e = assertThrows(InvalidAnswerException.class, () -> odi.score(a));
        assertEquals(3, e.problems().size());
        assertEquals("odi", e.instrumentId());
        assertEquals(List.of("driving", "lifting", "walking"),
                e.problems().stream().map(AnswerProblem::itemId).toList());
        assertEquals(7.0, e.problems().get(1).value());
        String msg = e.getMessage();
        assertTrue(msg.contains("'lifting' = 7: out of range: valid 0–5 in steps of 1"), msg);
        assertTrue(msg.contains("'walking' = 2.5: not on the step 1"), msg);
        assertTrue(msg.contains("'driving' = 1: unknown item id for odi"), msg);
    }

    @Test
    void toMapHasTheCliShape() {
        Map<String, Object> m = odi.score(answersFor(ids(odi), 2, 1, 3, 2, 1, 2, 1, 0, 1, 1)).toMap();
        assertEquals(List.of("instrument", "score", "subscores", "missing_items", "band"), List.copyOf(m.keySet()));
        assertEquals("odi", m.get("instrument"));
        assertEquals(28.0, (Double) m.get("score"), 1e-12);
        assertEquals(List.of(), m.get("missing_items"));
    }

    @Test
    void describeListsItemsInOrder() {
        Map<String, Object> d = odi.describe();
        assertEquals("odi", d.get("instrument"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) d.get("items");
        assertEquals(10, items.size());
        assertEquals("pain_intensity", items.get(0).get("id"));
        assertEquals(0.0, items.get(0).get("min"));
        assertEquals(5.0, items.get(0).get("max"));
    }
}
