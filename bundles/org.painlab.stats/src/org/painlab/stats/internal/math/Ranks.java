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
