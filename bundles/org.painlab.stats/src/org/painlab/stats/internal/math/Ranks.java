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
