package org.painlab.stats.internal.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Mid-ranks and tie groups equal their definition (values below + (values equal + 1) / 2), whether the data
 * have few distinct values (ranked by hashing) or many (ranked by sorting), with -0.0 tied to 0.0.
 */
class RanksTest {

    private static void assertDefinition(double[] x, String what) {
        Ranks r = Ranks.of(x);
        double[] sorted = x.clone();
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] += 0.0;
        }
        Arrays.sort(sorted);
        for (int i = 0; i < x.length; i++) {
            int below = 0;
            int equal = 0;
            for (double v : x) {
                below += v < x[i] ? 1 : 0;
                equal += v == x[i] ? 1 : 0;
            }
            assertEquals(below + (equal + 1) / 2.0, r.ranks()[i], what + ", value " + i);
        }
        int groups = 0;
        int k = 0;
        int[] ties = new int[x.length];
        while (k < sorted.length) {
            int j = k;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[k]) {
                j++;
            }
            ties[groups++] = j - k + 1;
            k = j + 1;
        }
        assertArrayEquals(Arrays.copyOf(ties, groups), r.tieSizes(), what + ": tie groups in ascending order");
    }

    @Test
    void fewAndManyDistinctValuesRankAsDefined() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int distinct : new int[] {1, 2, 5, 100, 4096, 4097, 100_000}) {
            double[] x = new double[1500];
            for (int i = 0; i < x.length; i++) {
                x[i] = (rnd.nextInt(distinct) - distinct / 2) / 10.0;
            }
            x[0] = -0.0;
            x[1] = 0.0;
            assertDefinition(x, distinct + " distinct values at most");
        }
        double[] wide = new double[5000];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = i % 4200 * 0.5;
        }
        assertDefinition(wide, "4200 distinct values: more than the hashing path takes");
    }
}
