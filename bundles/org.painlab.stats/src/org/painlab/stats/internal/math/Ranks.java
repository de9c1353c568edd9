package org.painlab.stats.internal.math;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Mid-ranks (R's rank with ties.method = "average") and the sizes of the tie groups, which every
 * rank test needs for its tie-corrected variance.
 *
 * @param ranks mid-ranks, 1-based, in the order of the input values
 * @param tieSizes sizes of the groups of equal values (groups of one included)
 */
public record Ranks(double[] ranks, int[] tieSizes) {

    /**
     * @param values values to rank; equality is exact, as in R
     * @return their mid-ranks and tie groups
     */
    public static Ranks of(double[] values) {
        Ranks few = fewDistinct(values);
        if (few != null) {
            return few;
        }
        int n = values.length;
        // sorted primitive copy (no boxed index array): large samples rank in a fraction of the time
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(values[i])) {
                return byIndex(values);
            }
            sorted[i] = values[i] + 0.0; // -0.0 and 0.0 are tied, as == says
        }
        Arrays.sort(sorted);
        double[] distinct = new double[n];
        double[] midRanks = new double[n];
        int[] ties = new int[n];
        int groups = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) {
                j++;
            }
            distinct[groups] = sorted[i];
            midRanks[groups] = (i + j + 2) / 2.0;
            ties[groups++] = j - i + 1;
            i = j + 1;
        }
        double[] ranks = new double[n];
        for (int k = 0; k < n; k++) {
            ranks[k] = midRanks[Arrays.binarySearch(distinct, 0, groups, values[k] + 0.0)];
        }
        return new Ranks(ranks, Arrays.copyOf(ties, groups));
    }

    /** Beyond this many distinct values the sort is the faster way. */
    private static final int FEW = 4096;

    /**
     * Ranks of data with few distinct values (scores, codes, rounded measurements: the usual case in a trial)
     * in linear time: the distinct values are found by hashing, and only they are sorted.
     *
     * @return the ranks, or null when there are NaNs or more than {@value #FEW} distinct values
     */
    private static Ranks fewDistinct(double[] values) {
        int n = values.length;
        int capacity = 4 * FEW;
        long[] keys = new long[capacity];
        int[] slots = new int[capacity];
        java.util.Arrays.fill(slots, -1);
        double[] distinct = new double[FEW];
        int[] counts = new int[FEW];
        int[] codes = new int[n];
        int d = 0;
        for (int i = 0; i < n; i++) {
            double v = values[i] + 0.0; // -0.0 and 0.0 are tied, as == says
            if (Double.isNaN(v)) {
                return null;
            }
            long bits = Double.doubleToRawLongBits(v);
            int h = (int) (bits ^ bits >>> 29 ^ bits >>> 47) * 0x9E3779B1 >>> 18; // 14 bits: [0, 4 * FEW)
            while (slots[h] >= 0 && keys[h] != bits) {
                h = (h + 1) & (capacity - 1);
            }
            if (slots[h] < 0) {
                if (d == FEW) {
                    return null;
                }
                keys[h] = bits;
                slots[h] = d;
                distinct[d++] = v;
            }
            codes[i] = slots[h];
            counts[slots[h]]++;
        }
        double[] sorted = Arrays.copyOf(distinct, d);
        Arrays.sort(sorted);
        int[] ties = new int[d];
        double[] midRankOfCode = new double[d];
        for (int c = 0; c < d; c++) {
            ties[Arrays.binarySearch(sorted, distinct[c])] = counts[c];
        }
        double[] midRanks = new double[d];
        long below = 0;
        for (int g = 0; g < d; g++) {
            midRanks[g] = below + (ties[g] + 1) / 2.0;
            below += ties[g];
        }
        for (int c = 0; c < d; c++) {
            midRankOfCode[c] = midRanks[Arrays.binarySearch(sorted, distinct[c])];
        }
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            ranks[i] = midRankOfCode[codes[i]];
        }
        return new Ranks(ranks, ties);
    }

    private static Ranks byIndex(double[] values) {
        int n = values.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[n];
        int[] ties = new int[n];
        int groups = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double mid = (i + j + 2) / 2.0;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = mid;
            }
            ties[groups++] = j - i + 1;
            i = j + 1;
        }
        return new Ranks(ranks, Arrays.copyOf(ties, groups));
    }

    /** @return true when at least two values are equal */
    public boolean hasTies() {
        return tieSizes.length < ranks.length;
    }

    /** @return sum over tie groups of t^3 - t, the term of tie-corrected variances */
    public double tieCubeSum() {
        double sum = 0;
        for (int t : tieSizes) {
            sum += (double) t * t * t - t;
        }
        return sum;
    }
}
