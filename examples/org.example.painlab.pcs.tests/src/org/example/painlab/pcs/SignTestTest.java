package org.example.painlab.pcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.painlab.stats.Alternative;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;

/**
 * Checked against R 4.2.2: {@code d <- x - y; binom.test(sum(d > 0), sum(d != 0), 0.5, alternative)}
 * (the R script is in the plug-in developer guide). Relative tolerance 1e-12.
 */
class SignTestTest {
    private static final double TOL = 1e-12;
    private static final List<Double> X = List.of(7.1, 5.2, 6.3, 8.0, 4.4, 6.9, 7.7, 5.0, 6.1, 7.4, 5.5, 6.6);
    private static final List<Double> Y = List.of(5.0, 5.2, 4.1, 6.2, 4.9, 5.5, 6.0, 5.3, 4.0, 6.8, 4.4, 6.0);

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * TOL, "expected " + expected + " was " + actual);
    }

    private static TestResult run(Alternative alt) {
        return new SignTest().run(TestInput.of(Map.of("x", X, "y", Y)), TestOptions.defaults().withAlternative(alt));
    }

    @Test
    void pairedCaseMatchesRBinomTest() {
        TestResult two = run(Alternative.TWO_SIDED);
        assertEquals(9.0, two.statistic());
        assertEquals(11, ((Number) two.extra("n_nonzero")).intValue());
        assertEquals(1, ((Number) two.extra("zeros_dropped")).intValue());
        assertRelative(0.065429687500000042, two.pValue());
        assertRelative(0.81818181818181823, two.estimate().values().iterator().next());
        assertRelative(0.994140625, run(Alternative.LESS).pValue());
        assertRelative(0.032714843750000021, run(Alternative.GREATER).pValue());
    }

    @Test
    void tailsMatchRForLargerN() {
        assertRelative(0.00015652179718017578, SignTest.pValue(3, 25, Alternative.TWO_SIDED));
        assertRelative(0.0620231950983633, SignTest.pValue(470, 1000, Alternative.TWO_SIDED));
        assertEquals(1.0, SignTest.pValue(5, 10, Alternative.TWO_SIDED));
    }

    @Test
    void oneSampleAgainstMuUsesXMinusMu() {
        TestResult r = new SignTest().run(TestInput.of(Map.of("x", X, "mu", 6.0)), TestOptions.defaults());
        assertEquals(8.0, r.statistic()); // 8 of the 12 values lie above 6
        assertRelative(0.3876953125, r.pValue()); // R: binom.test(8, 12)
    }

    @Test
    void unpairedLengthsAreRefusedNamingTheFields() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SignTest()
                .run(TestInput.of(Map.of("x", List.of(1.0, 2.0), "y", List.of(1.0))), TestOptions.defaults()));
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("'y'"), e.getMessage());
    }
}
