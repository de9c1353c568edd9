package org.painlab.trial.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The hand-written scan of {@link Numbers#isNumber} accepts exactly what the documented pattern accepts. */
class NumbersTest {
    private static final Pattern DOCUMENTED = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    @Test
    void scanAgreesWithThePattern() {
        List<String> texts = List.of("", " ", "0", "7", "-3", "+2", "7.", ".5", "-.5", "+.5", ".", "-.", "+", "-", "1e5", "1E-5",
                "1e+5", "1e", "1e+", "e5", ".e5", "5.e3", "1.5e3.2", "1..2", "--1", "+-1", "1-", "NaN", "Infinity", "-Infinity",
                "0x10", "1d", "2f", "1_000", "1,5", "\u0661", "12345678901234567890", " 7.3 ", "\t-0.0\n", "7.3x", "x7.3",
                "1e5 e", "00.00", "-0", "3.", "3.e", "3.e1", "4e05");
        for (String t : texts) {
            assertEquals(DOCUMENTED.matcher(t.strip()).matches(), Numbers.isNumber(t), "isNumber(\"" + t + "\")");
            if (DOCUMENTED.matcher(t.strip()).matches()) {
                assertEquals(Double.parseDouble(t.strip()) == 0.0 ? 0.0 : Double.parseDouble(t.strip()), Numbers.parseNumber(t),
                        "parseNumber(\"" + t + "\")");
            } else {
                assertThrows(NumberFormatException.class, () -> Numbers.parseNumber(t), "parseNumber(\"" + t + "\")");
            }
        }
    }

    @Test
    void negativeZeroReadsAsZero() {
        assertEquals(0L, Double.doubleToRawLongBits(Numbers.parseNumber("-0.0")));
    }
}
