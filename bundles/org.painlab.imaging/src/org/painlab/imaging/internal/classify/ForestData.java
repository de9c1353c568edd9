package org.painlab.imaging.internal.classify;

import java.util.Arrays;

/**
 * The training cases of a forest as primitive columns, with every feature's case order sorted once
 * for all trees: a node orders its cases by these integer ranks instead of comparing values.
 */
final class ForestData {
    /** Values by feature, then by case. */
    final double[][] columns;
    /** Label (0 or 1) by case. */
    final int[] labels;
    /** By feature: the case indices in ascending order of the feature's value (ties by case index). */
    final int[][] order;
    /** By feature, then by case: the case's position in {@link #order} (sorting by it sorts by value, ties by index). */
    final int[][] rank;

    ForestData(double[][] rows, int[] labels) {
        int n = rows.length;
        int p = rows[0].length;
        this.labels = labels.clone();
        columns = new double[p][n];
        order = new int[p][];
        rank = new int[p][n];
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
            for (int k = 0; k < n; k++) {
                rank[f][order[f][k]] = k;
            }
        }
    }

    int cases() {
        return labels.length;
    }

    int features() {
        return columns.length;
    }
}
