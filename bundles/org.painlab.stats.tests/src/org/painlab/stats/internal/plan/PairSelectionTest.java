package org.painlab.stats.internal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.painlab.stats.Alternative;
import org.painlab.stats.EffectSize;
import org.painlab.stats.internal.math.HodgesLehmann;
import org.painlab.stats.internal.math.Ranks;

/**
 * The selection of the k-th pairwise difference / Walsh average gives the same double as sorting all pairs
 * (the naive O(n^2 log n) computation), on random samples with and without ties, small and large enough for
 * several sampling rounds; and the Hodges–Lehmann estimates and intervals built on it equal the enumerating ones.
 */
class PairSelectionTest {

    private static double[] sample(SplittableRandom rnd, int n, double shift, double roundTo) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double v = rnd.nextGaussian() * 10 + shift;
            x[i] = roundTo > 0 ? Math.round(v / roundTo) * roundTo : v;
        }
        return x;
    }

    private static double[] allDifferences(double[] x, double[] y) {
        double[] d = new double[x.length * y.length];
        int k = 0;
        for (double xi : x) {
            for (double yj : y) {
                d[k++] = xi - yj;
            }
        }
        Arrays.sort(d);
        return d;
    }

    private static double[] allWalsh(double[] s) {
        double[] w = new double[s.length * (s.length + 1) / 2];
        int k = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = i; j < s.length; j++) {
                w[k++] = (s[i] + s[j]) / 2;
            }
        }
        Arrays.sort(w);
        return w;
    }

    private static void assertSameRanks(double[] naive, PairSelection selection, SplittableRandom rnd, String what) {
        long[] ranks = new long[12];
        ranks[0] = 1;
        ranks[1] = naive.length;
        ranks[2] = (naive.length + 1) / 2;
        ranks[3] = naive.length / 2 + 1;
        for (int i = 4; i < ranks.length; i++) {
            ranks[i] = 1 + rnd.nextInt(naive.length);
        }
        for (long k : ranks) {
            assertEquals(naive[(int) k - 1] + 0.0, selection.select(k), what + ", rank " + k + " of " + naive.length);
            if (k >= 2) {
                assertEquals(naive[(int) k - 1] + 0.0, selection.selectAfter(naive[(int) k - 2], k),
                        what + ", rank " + k + " after rank " + (k - 1));
            }
        }
    }

    @Test
    void kthDifferenceAndWalshAverageEqualSortingAllPairs() {
        SplittableRandom rnd = new SplittableRandom(11);
        // {n, m, rounding}: rounded data have many exact ties; the large ones take several sampling rounds
        double[][] cases = {{1, 1, 0}, {2, 3, 1}, {7, 5, 0.5}, {40, 60, 0}, {300, 200, 0.1}, {1500, 1300, 0},
            {1500, 1300, 0.1}, {2000, 900, 1}, {1200, 1200, 5}};
        for (double[] c : cases) {
            int n = (int) c[0];
            int m = (int) c[1];
            double[] x = sample(rnd, n, 0, c[2]);
            double[] y = sample(rnd, m, 2, c[2]);
            double[] sx = x.clone();
            double[] sy = y.clone();
            Arrays.sort(sx);
            Arrays.sort(sy);
            assertSameRanks(allDifferences(x, y), new PairSelection(PairSelection.differences(sx, sy)), rnd,
                    "x - y, n " + n + ", m " + m + ", rounded to " + c[2]);
            double[] w = x.length > 1200 ? Arrays.copyOf(sx, 1200) : sx;
            assertSameRanks(allWalsh(w), new PairSelection(PairSelection.walshAverages(w)), rnd,
                    "Walsh averages, n " + w.length + ", rounded to " + c[2]);
        }
    }

    @Test
    void allValuesTiedStillEnds() {
        double[] x = new double[3000];
        double[] y = new double[2000];
        Arrays.fill(x, 2.5);
        Arrays.fill(y, 1.0);
        PairSelection s = new PairSelection(PairSelection.differences(x, y));
        assertEquals(1.5, s.select(1));
        assertEquals(1.5, s.select(3_000_000));
        assertEquals(1.5, s.select(6_000_000));
        assertEquals(2.5, new PairSelection(PairSelection.walshAverages(x)).select(4_000_000));
    }

    @Test
    void hodgesLehmannOnLargeSamplesEqualsTheEnumeration() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (double roundTo : new double[] {0, 0.1, 1}) {
            double[] x = sample(rnd, 2000, 0, roundTo);
            double[] y = sample(rnd, 2400, 1.5, roundTo);
            double[] pooled = new double[x.length + y.length];
            System.arraycopy(x, 0, pooled, 0, x.length);
            System.arraycopy(y, 0, pooled, x.length, y.length);
            EffectSize slow = HodgesLehmann.shift(x, y, Alternative.TWO_SIDED, 0.95, false, Ranks.of(pooled).tieCubeSum());
            EffectSize fast = FastHodgesLehmann.shift(x, y, 0.95);
            assertEquals(slow.estimate(), fast.estimate(), "shift, rounded to " + roundTo);
            assertEquals(slow.lower(), fast.lower(), "shift lower, rounded to " + roundTo);
            assertEquals(slow.upper(), fast.upper(), "shift upper, rounded to " + roundTo);

            double[] d = Arrays.stream(Arrays.copyOf(x, 3000 > x.length ? x.length : 3000)).filter(v -> v != 0).toArray();
            double[] abs = Arrays.stream(d).map(Math::abs).toArray();
            EffectSize slowW = HodgesLehmann.pseudoMedian(d, Alternative.TWO_SIDED, 0.95, false, Ranks.of(abs).tieCubeSum());
            EffectSize fastW = FastHodgesLehmann.pseudoMedian(d, 0.95);
            assertEquals(slowW.estimate(), fastW.estimate(), "pseudo-median, rounded to " + roundTo);
            assertEquals(slowW.lower(), fastW.lower(), "pseudo-median lower, rounded to " + roundTo);
            assertEquals(slowW.upper(), fastW.upper(), "pseudo-median upper, rounded to " + roundTo);
        }
    }

    /**
     * The k-th of the pairs of two large tied samples (100,000 and 80,000 values to one decimal: about a thousand
     * distinct values each, 8 * 10^9 pairs, too many to list) against a reference that lists the distinct
     * pairs with how many pairs each stands for, sorted, and counts up to the rank.
     */
    @Test
    void largeTiedSamplesEqualTheWeightedListingOfDistinctPairs() {
        SplittableRandom rnd = new SplittableRandom(23);
        double[] x = sample(rnd, 100_000, 0, 0.1);
        double[] y = sample(rnd, 80_000, 1.5, 0.1);
        Arrays.sort(x);
        Arrays.sort(y);
        Tally tx = Tally.ofSorted(x);
        Tally ty = Tally.ofSorted(y);
        int cells = tx.values().length * ty.values().length;
        double[] value = new double[cells];
        long[] weight = new long[cells];
        int c = 0;
        for (int i = 0; i < tx.values().length; i++) {
            for (int j = 0; j < ty.values().length; j++) {
                value[c] = tx.values()[i] - ty.values()[j];
                weight[c++] = tx.counts()[i] * ty.counts()[j];
            }
        }
        assertSameWeightedRanks(value, weight, new PairSelection(PairSelection.differences(x, y)), rnd, "x - y");

        Tally t = Tally.ofSorted(Arrays.copyOf(x, 60_000));
        int d = t.values().length;
        value = new double[d * (d + 1) / 2];
        weight = new long[value.length];
        c = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                value[c] = (t.values()[i] + t.values()[j]) / 2;
                long w = t.counts()[i];
                weight[c++] = i == j ? w * (w + 1) / 2 : w * t.counts()[j];
            }
        }
        assertSameWeightedRanks(value, weight, new PairSelection(PairSelection.walshAverages(Arrays.copyOf(x, 60_000))),
                rnd, "Walsh averages");
    }

    private static void assertSameWeightedRanks(double[] value, long[] weight, PairSelection selection,
            SplittableRandom rnd, String what) {
        Integer[] order = new Integer[value.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(value[a] + 0.0, value[b] + 0.0));
        long[] upTo = new long[order.length];
        long total = 0;
        for (int i = 0; i < order.length; i++) {
            total += weight[order[i]];
            upTo[i] = total;
        }
        long[] ranks = {1, total, (total + 1) / 2, total / 2 + 1, 1 + rnd.nextLong(total), 1 + rnd.nextLong(total),
            1 + rnd.nextLong(total), 1 + rnd.nextLong(total)};
        for (long k : ranks) {
            int at = Arrays.binarySearch(upTo, k);
            double expected = value[order[at >= 0 ? at : -at - 1]] + 0.0;
            assertEquals(expected, selection.select(k), what + ", rank " + k + " of " + total);
            if (k >= 2) {
                int before = Arrays.binarySearch(upTo, k - 1);
                double previous = value[order[before >= 0 ? before : -before - 1]] + 0.0;
                assertEquals(expected, selection.selectAfter(previous, k), what + ", rank " + k + " after rank " + (k - 1));
            }
        }
    }
}
