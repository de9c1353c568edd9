package org.painlab.core.ui.internal.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The filter row's expressions, cell by cell. */
class CellFilterTest {

    @Test
    void textContainsIgnoringCase() {
        assertTrue(CellFilter.parse("sham").test("SHAM procedure"));
        assertFalse(CellFilter.parse("sham").test("SNRB"));
        assertTrue(CellFilter.parse("  ").test(null), "blank matches everything");
    }

    @Test
    void equalityIsExactAndNumericForNumbers() {
        assertTrue(CellFilter.parse("= S").test("s"));
        assertFalse(CellFilter.parse("= S").test("SNRB"));
        assertTrue(CellFilter.parse("=3").test(3.0));
        assertTrue(CellFilter.parse("!= S").test("P"));
        assertFalse(CellFilter.parse("<> S").test("S"));
    }

    @Test
    void comparisonsAndRangesNeedNumbers() {
        assertTrue(CellFilter.parse(">3").test(3.5));
        assertFalse(CellFilter.parse(">3").test(3.0));
        assertTrue(CellFilter.parse(">=3").test(3.0));
        assertTrue(CellFilter.parse("<=3").test("2"));
        assertFalse(CellFilter.parse("<3").test(null), "a missing value is not below 3");
        assertTrue(CellFilter.parse("1..5").test(5.0));
        assertTrue(CellFilter.parse("5..1").test(1.0), "bounds in either order");
        assertFalse(CellFilter.parse("1..5").test(5.01));
        assertFalse(CellFilter.parse("1..5").test("abc"));
    }

    @Test
    void isoDatesCompareAsDatesWithTheWholeLastDay() {
        Instant jan31 = Instant.parse("2026-01-31T23:59:00Z");
        assertTrue(CellFilter.parse("2026-01-01..2026-01-31").test(jan31));
        assertFalse(CellFilter.parse("2026-01-01..2026-01-30").test(jan31));
        assertTrue(CellFilter.parse(">=2026-01-31").test(jan31));
        assertFalse(CellFilter.parse("<2026-01-31").test(jan31));
    }

    @Test
    void csvNeutralisesFormulasButNotNumbers() {
        assertEquals("'=1+2", CsvTableWriter.neutralise("=1+2"));
        assertEquals("'@SUM(A1)", CsvTableWriter.neutralise("@SUM(A1)"));
        assertEquals("'+x", CsvTableWriter.neutralise("+x"));
        assertEquals("-3.5", CsvTableWriter.neutralise("-3.5"));
        assertEquals("'\tx", CsvTableWriter.neutralise("\tx"));
        assertEquals("plain", CsvTableWriter.neutralise("plain"));
    }

    @Test
    void cellTextShowsWholeNumbersWithoutDecimals() {
        assertEquals("42", CellText.of(42.0));
        assertEquals("3.14", CellText.of(3.14159));
        assertEquals("", CellText.of(null));
        assertEquals("2026-01-31 23:59:00Z", CellText.of(Instant.parse("2026-01-31T23:59:00.250Z")));
        assertTrue(CellText.compare(null, 1.0) > 0, "missing values sort last");
        assertTrue(CellText.compare(2.0, 10.0) < 0, "numbers sort numerically");
    }
}
