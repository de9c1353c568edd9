package org.painlab.imaging.internal.classify;

import java.util.Arrays;

/**
 * The training cases of a forest as primitive columns, with every feature's case order sorted once
 * for all trees: a tree takes its bootstrap sample's order from these instead of sorting again.
 */
final class ForestData {
    /** Values by feature, then by case. */
    final double[][] columns;
    /** Label (0 or 1) by case. */
    final int[] labels;
    /** By feature: the case indices in ascending order of the feature's value (ties by case index). */
    final int[][] order;

    ForestData(double[][] rows, int[] labels) {
        int n = rows.length;
        int p = rows[0].length;
        this.labels = labels.clone();
        columns = new double[p][n];
        order = new int[p][];
        for (int f = 0; f < p; f++) {
            double[] col = columns[f];
            for (int i = 0; i < n; i++) {
                col[i] = rows[i][f];
            }
            // sort (value, index) pairs packed so the sort is primitive and ties keep case order
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (a, b) -> {
                int c = Double.compare(col[a], col[b]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            order[f] = Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
        }
    }

    int cases() {
        return labels.length;
    }

    int features() {
        return columns.length;
    }
}
