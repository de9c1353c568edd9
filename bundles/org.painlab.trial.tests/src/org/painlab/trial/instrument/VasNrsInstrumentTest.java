package org.painlab.trial.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painlab.trial.instrument.TestSupport.answers;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VasNrsInstrumentTest {

    private final VasInstrument vas = new VasInstrument();
    private final NrsInstrument nrs = new NrsInstrument();

    @Test
    void vasScoreIsTheValue() {
        Score s = vas.score(answers("vas", 7.3));
        assertEquals("vas", s.instrumentId());
        assertEquals(7.3, s.score());
        assertEquals("severe", s.band());
        assertTrue(s.subscores().isEmpty());
        assertTrue(s.missingItems().isEmpty());
        assertNull(s.norms());
    }

    @ParameterizedTest
    @CsvSource({"0, none", "0.1, mild", "0.5, mild", "1, mild", "3, mild", "3.9, mild", "4, moderate",
        "5.5, moderate", "6.9, moderate", "7, severe", "9.9, severe", "10, severe"})
    void vasBands(double v, String band) {
        assertEquals(band, vas.score(answers("vas", v)).band());
    }

    @ParameterizedTest
    @CsvSource({"0, none", "1, mild", "3, mild", "4, moderate", "6, moderate", "7, severe", "10, severe"})
    void nrsBands(double v, String band) {
        Score s = nrs.score(answers("nrs", v));
        assertEquals(v, s.score());
        assertEquals(band, s.band());
    }

    @Test
    void vasDecimalRoundOffIsOnTheGrid() {
        assertEquals(0.3, vas.score(answers("vas", 0.1 + 0.2)).score());
    }

    @ParameterizedTest
    @CsvSource({"10.1, out of range", "-0.1, out of range", "7.35, not on the step 0.1", "NaN, not a finite number"})
    void vasInvalidValues(double v, String rule) {
        InvalidAnswerException e = assertThrows(InvalidAnswerException.class, () -> vas.score(answers("vas", v)));
        assertEquals(1, e.problems().size());
        assertEquals("vas", e.problems().get(0).itemId());
        assertTrue(e.problems().get(0).rule().startsWith(rule), e.problems().get(0).rule());
        assertTrue(e.getMessage().contains("0–10 in steps of 0.1"), e.getMessage());
    }

    @Test
    void nrsRejectsDecimals() {
        InvalidAnswerException e = assertThrows(InvalidAnswerException.class, () -> nrs.score(answers("nrs", 4.5)));
        assertTrue(e.getMessage().contains("'nrs' = 4.5"), e.getMessage());
        assertTrue(e.getMessage().contains("0–10 in steps of 1"), e.getMessage());
    }

    @Test
    void missingVasIsNotScorable() {
        NotScorableException e = assertThrows(NotScorableException.class, () -> vas.score(Map.of()));
        assertEquals(java.util.List.of("vas"), e.missingItems());
        assertThrows(NotScorableException.class, () -> vas.score(answers("vas", null)));
    }

    @Test
    void unknownItemIsReported() {
        InvalidAnswerException e = assertThrows(InvalidAnswerException.class,
                () -> vas.score(answers("vas", 3, "pain", 4)));
        assertEquals("pain", e.problems().get(0).itemId());
        assertTrue(e.getMessage().contains("unknown item id"), e.getMessage());
    }

    @Test
    void bandHelperRejectsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> VasInstrument.band(11));
        assertThrows(IllegalArgumentException.class, () -> VasInstrument.band(Double.NaN));
    }
}
