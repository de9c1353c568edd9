package org.painlab.trial.internal.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void referenceOutputs() {
        // outputs of the reference splitmix64.c for seeds 0 and 1234567
        SplitMix64 r = new SplitMix64(0);
        assertEquals(0xe220a8397b1dcdafL, r.nextLong());
        assertEquals(0x6e789e6aa1b965f4L, r.nextLong());
        assertEquals(0x06c45d188009454fL, r.nextLong());
        SplitMix64 s = new SplitMix64(1234567);
        assertEquals(6457827717110365317L, s.nextLong());
        assertEquals(3203168211198807973L, s.nextLong());
        assertEquals("9817491932198370423", Long.toUnsignedString(s.nextLong()));
    }

    @Test
    void boundedIntsAreInRangeAndRoughlyUniform() {
        SplitMix64 r = new SplitMix64(9);
        int[] c = new int[6];
        for (int i = 0; i < 60_000; i++) {
            c[r.nextInt(6)]++;
        }
        for (int k : c) {
            assertTrue(Math.abs(k - 10_000) < 500, java.util.Arrays.toString(c));
        }
        assertThrows(IllegalArgumentException.class, () -> r.nextInt(0));
    }

    @Test
    void doublesAndGaussians() {
        SplitMix64 r = new SplitMix64(1);
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < 100_000; i++) {
            double u = r.nextDouble();
            assertTrue(u >= 0 && u < 1);
            double g = r.nextGaussian();
            sum += g;
            sq += g * g;
        }
        assertEquals(0, sum / 100_000, 0.02);
        assertEquals(1, sq / 100_000, 0.02);
    }

    @Test
    void derivedSeedsDependOnName() {
        assertNotEquals(SplitMix64.derive(1, "A"), SplitMix64.derive(1, "B"));
        assertNotEquals(SplitMix64.derive(1, "A"), SplitMix64.derive(2, "A"));
        assertEquals(SplitMix64.derive(1, "A"), SplitMix64.derive(1, "A"));
    }
}
