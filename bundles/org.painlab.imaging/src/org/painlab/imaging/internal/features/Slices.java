package org.painlab.imaging.internal.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ROI cut into axial slices (z) for the IBSI 2D and 2.5D aggregations: per slice holding ROI
 * voxels, their padded-grid indices. The padded grid keeps every in-plane step inside its slice, so
 * the families look at neighbours by a fixed index step, as in 3D.
 */
final class Slices {
    /** The four in-plane directions of the 8-neighbourhood (each pair of opposite directions once). */
    static final int[][] FOUR = {{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {1, -1, 0}};

    private Slices() {
    }

    /** Padded-grid indices of the ROI voxels of each slice with ROI voxels, slices in ascending z. */
    static List<int[]> of(Roi roi) {
        List<int[]> slices = new ArrayList<>();
        int plane = roi.px * roi.py;
        int[] all = roi.paddedVoxels;
        int start = 0;
        while (start < all.length) {
            int z = all[start] / plane;
            int end = start;
            while (end < all.length && all[end] / plane == z) {
                end++;
            }
            slices.add(java.util.Arrays.copyOfRange(all, start, end));
            start = end;
        }
        return slices;
    }

    /** The padded-grid steps of the 8 in-plane neighbours. */
    static int[] eightSteps(Roi roi) {
        int[] steps = new int[8];
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (dx != 0 || dy != 0) {
                    steps[n++] = roi.offset(dx, dy, 0);
                }
            }
        }
        return steps;
    }

    /** Adds {@code f} into the running sums {@code sum} (null f: nothing). Returns whether f was added. */
    static boolean accumulate(Map<String, Double> sum, Map<String, Double> f) {
        if (f == null) {
            return false;
        }
        f.forEach((k, v) -> sum.merge(k, v, Double::sum));
        return true;
    }

    /** Each sum divided by {@code n}, in the sums' order. */
    static Map<String, Double> mean(Map<String, Double> sum, int n) {
        Map<String, Double> m = new LinkedHashMap<>();
        sum.forEach((k, v) -> m.put(k, v / n));
        return m;
    }

    /** Adds every matrix cell of {@code m} into {@code into} (same shape). */
    static void add(double[][] into, double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                into[i][j] += m[i][j];
            }
        }
    }
}
