package org.painlab.imaging.internal.features;

import java.util.Map;

/**
 * IBSI size zone (szm.*) and distance zone (dzm.*) matrix features, 3D: zones are 26-connected
 * groups of ROI voxels of one grey level. A zone's distance is the smallest distance of its voxels
 * to the ROI edge, counted in 6-connected steps (a voxel touching the edge has distance 1).
 */
final class Zones {
    /** The IBSI aggregation of the 3D zone matrices. */
    static final String AGGREGATION = "3D";
    static final String AGGREGATION_CODE = "KOBO";

    private Zones() {
    }

    static void compute(Roi roi, FeatureSink out) {
        int[] grey = roi.paddedGrey;
        int[] distance = edgeDistance(roi);
        int[] zone = new int[grey.length];
        int[] stack = new int[roi.voxels.length];
        int maxDistance = 1;
        for (int d : distance) {
            maxDistance = Math.max(maxDistance, d);
        }
        int[] steps = new int[27];
        int n27 = 0;
        for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    steps[n27++] = roi.offset(dx, dy, dz);
                }
            }
        }
        // zones first, matrices after: a matrix as wide as the ROI would waste memory on large ROIs
        int[] zoneGrey = new int[roi.voxels.length];
        int[] zoneSize = new int[roi.voxels.length];
        int[] zoneDistance = new int[roi.voxels.length];
        int label = 0;
        for (int start : roi.paddedVoxels) {
            if (zone[start] != 0) {
                continue;
            }
            label++;
            int g = grey[start];
            int top = 0;
            stack[top++] = start;
            zone[start] = label;
            int size = 0;
            int minDistance = Integer.MAX_VALUE;
            while (top > 0) {
                int idx = stack[--top];
                size++;
                minDistance = Math.min(minDistance, distance[idx]);
                for (int step : steps) {
                    int j = idx + step;
                    if (grey[j] == g && zone[j] == 0) {
                        zone[j] = label;
                        stack[top++] = j;
                    }
                }
            }
            zoneGrey[label - 1] = g;
            zoneSize[label - 1] = size;
            zoneDistance[label - 1] = minDistance;
        }
        int largest = 1;
        for (int z = 0; z < label; z++) {
            largest = Math.max(largest, zoneSize[z]);
        }
        double[][] sizes = new double[roi.ng + 1][largest + 1];
        double[][] distances = new double[roi.ng + 1][maxDistance + 1];
        for (int z = 0; z < label; z++) {
            sizes[zoneGrey[z]][zoneSize[z]]++;
            distances[zoneGrey[z]][zoneDistance[z]]++;
        }
        double nv = roi.voxels.length;
        emit(ZoneMatrixFeatures.features(sizes, nv, ZoneMatrixFeatures.SZM), out);
        emit(ZoneMatrixFeatures.features(distances, nv, ZoneMatrixFeatures.DZM), out);
    }

    private static void emit(Map<String, Double> f, FeatureSink out) {
        f.forEach((k, v) -> out.add(k, AGGREGATION, AGGREGATION_CODE, v));
    }

    /**
     * 6-connected steps from each ROI voxel to the nearest voxel outside the ROI or the image, by
     * breadth-first search; indexed on the padded grid (0 outside the ROI).
     */
    static int[] edgeDistance(Roi roi) {
        int[] grey = roi.paddedGrey;
        int[] d = new int[grey.length];
        int[] queue = new int[roi.voxels.length];
        int head = 0;
        int tail = 0;
        int[] six = {roi.offset(1, 0, 0), roi.offset(-1, 0, 0), roi.offset(0, 1, 0), roi.offset(0, -1, 0), roi.offset(0, 0, 1),
            roi.offset(0, 0, -1)};
        for (int idx : roi.paddedVoxels) {
            for (int s : six) {
                if (grey[idx + s] == 0) {
                    d[idx] = 1;
                    queue[tail++] = idx;
                    break;
                }
            }
        }
        while (head < tail) {
            int idx = queue[head++];
            for (int s : six) {
                int j = idx + s;
                if (grey[j] > 0 && d[j] == 0) {
                    d[j] = d[idx] + 1;
                    queue[tail++] = j;
                }
            }
        }
        return d;
    }
}
