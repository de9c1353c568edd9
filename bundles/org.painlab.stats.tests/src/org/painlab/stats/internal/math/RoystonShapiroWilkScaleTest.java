package org.painlab.stats.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Shapiro-Wilk on values near the top of the double range (issue 9 item 4): W is scale-invariant,
 * so huge samples give the W and p of the same sample at an ordinary scale, never NaN.
 */
class RoystonShapiroWilkScaleTest {
    private static final double[] SAMPLE = {2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 3.9, 4.1, 6.2, 2.5, 3.0};

    private static double[] times(double[] x, double f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * f;
        }
        return y;
    }

    @Test
    void hugeValuesGiveTheWOfTheSameSampleAtOrdinaryScale() {
        RoystonShapiroWilk plain = RoystonShapiroWilk.of(SAMPLE);
        for (double f : new double[] {1e100, 1e300, 1e307, -1e306}) {
            RoystonShapiroWilk huge = RoystonShapiroWilk.of(times(SAMPLE, f));
            assertTrue(Double.isFinite(huge.w()) && Double.isFinite(huge.pValue()), "factor " + f + ": " + huge);
            assertEquals(plain.w(), huge.w(), 1e-12, "W at factor " + f);
            assertEquals(plain.pValue(), huge.pValue(), 1e-10, "p at factor " + f);
        }
    }

    @Test
    void aRangeThatOverflowsADoubleStillGivesW() {
        // x[n-1] - x[0] = 3.4e308 is not a double: this sample gave W = NaN before rescaling
        double[] x = {-1.7e308, -1e308, -2e307, 0, 3e307, 1.1e308, 1.7e308};
        RoystonShapiroWilk sw = RoystonShapiroWilk.of(x);
        RoystonShapiroWilk ordinary = RoystonShapiroWilk.of(times(x, 1e-300));
        assertTrue(Double.isFinite(sw.w()) && sw.w() > 0 && sw.w() <= 1, sw.toString());
        assertEquals(ordinary.w(), sw.w(), 1e-12);
        assertEquals(ordinary.pValue(), sw.pValue(), 1e-10);
    }

    @Test
    void ordinaryValuesAreUnchangedByTheGuard() {
        // below 1e100 nothing is rescaled: bit-for-bit the value R-tested before
        RoystonShapiroWilk sw = RoystonShapiroWilk.of(times(SAMPLE, 1e99));
        RoystonShapiroWilk plain = RoystonShapiroWilk.of(SAMPLE);
        assertEquals(plain.w(), sw.w(), 1e-12);
    }
}
