package org.painlab.stats.internal.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The linear-time sort of data with few distinct values gives exactly what {@link Arrays#sort(double[])} gives
 * (bit for bit: -0.0 before 0.0), and falls back to it for many distinct values or NaN; a tally's counts and tie
 * term are those of the sorted sample.
 */
class TallyTest {

    private static void assertSortsAsArraysSort(double[] values, String what) {
        double[] expected = values.clone();
        Arrays.sort(expected);
        double[] before = values.clone();
        double[] sorted = Tally.sortedCopy(values);
        assertEquals(expected.length, sorted.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(sorted[i]),
                    what + ", position " + i);
        }
        assertArrayEquals(before, values, what + ": the input is not modified");
    }

    @Test
    void sortsLikeArraysSort() {
        SplittableRandom rnd = new SplittableRandom(3);
        assertSortsAsArraysSort(new double[0], "empty");
        assertSortsAsArraysSort(new double[] {2.5}, "one value");
        double[] scores = new double[100_000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.round(rnd.nextGaussian() * 15 + 50) / 10.0;
        }
        assertSortsAsArraysSort(scores, "scores to one decimal");
        double[] zeros = new double[1000];
        for (int i = 0; i < zeros.length; i++) {
            zeros[i] = rnd.nextBoolean() ? -0.0 : rnd.nextInt(3) - 1;
        }
        assertSortsAsArraysSort(zeros, "-0.0 and 0.0 mixed");
        double[] exactlyFew = new double[20_000];
        for (int i = 0; i < exactlyFew.length; i++) {
            exactlyFew[i] = i % 4096;
        }
        assertSortsAsArraysSort(exactlyFew, "4096 distinct values");
        double[] many = new double[20_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = rnd.nextGaussian();
        }
        assertSortsAsArraysSort(many, "continuous values");
        double[] withNaN = scores.clone();
        withNaN[500] = Double.NaN;
        assertSortsAsArraysSort(withNaN, "a NaN among them");
    }

    @Test
    void tallyCountsAndTieTermAreThoseOfTheSortedSample() {
        double[] sorted = {-1, -0.0, 0.0, 0.0, 2, 2, 2, 7};
        Tally t = Tally.ofSorted(sorted);
        assertArrayEquals(new double[] {-1, -0.0, 2, 7}, t.values());
        assertArrayEquals(new long[] {1, 3, 3, 1}, t.counts());
        assertEquals(8, t.total());
        assertEquals(2 * (27 - 3), t.tieCubeSum());
        Tally other = Tally.ofSorted(new double[] {0.0, 2, 5});
        Tally pooled = Tally.pooled(t, other);
        assertArrayEquals(new double[] {-1, -0.0, 2, 5, 7}, pooled.values());
        assertArrayEquals(new long[] {1, 4, 4, 1, 1}, pooled.counts());
        assertEquals(11, pooled.total());
    }
}
