package org.painlab.imaging.internal.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.imaging.features.TextureAggregation.Dimension;

/**
 * IBSI size zone (szm.*) and distance zone (dzm.*) features by axial slice: zones are 8-connected
 * groups of one grey level within a slice, a zone's distance the smallest 4-connected in-plane
 * step count of its voxels to the ROI edge (a voxel touching the edge or the image border in its
 * slice has distance 1). 2D: the features of each slice's matrices, averaged over slices; 2.5D:
 * the features of the slices' matrices summed.
 */
final class SliceZones {
    private SliceZones() {
    }

    static void compute(Roi roi, boolean twoD, boolean twoAndAHalfD, FeatureSink out) {
        int[] grey = roi.paddedGrey;
        int[] distance = edgeDistance(roi);
        int[] eight = Slices.eightSteps(roi);
        int[] zone = new int[grey.length];
        int[] stack = new int[roi.voxels.length];
        List<int[]> slices = Slices.of(roi);
        int largest = 1;
        int maxDistance = 1;
        // per slice, the zones as (grey, size, distance) triples: zones first, matrices after
        int[][] zonesOfSlice = new int[slices.size()][];
        int label = 0;
        for (int s = 0; s < slices.size(); s++) {
            int[] slice = slices.get(s);
            int[] zones = new int[3 * slice.length];
            int n = 0;
            for (int start : slice) {
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
                    for (int step : eight) {
                        int j = idx + step;
                        if (grey[j] == g && zone[j] == 0) {
                            zone[j] = label;
                            stack[top++] = j;
                        }
                    }
                }
                zones[n++] = g;
                zones[n++] = size;
                zones[n++] = minDistance;
                largest = Math.max(largest, size);
                maxDistance = Math.max(maxDistance, minDistance);
            }
            zonesOfSlice[s] = java.util.Arrays.copyOf(zones, n);
        }
        int ng = roi.ng;
        double[][] allSizes = new double[ng + 1][largest + 1];
        double[][] allDistances = new double[ng + 1][maxDistance + 1];
        Map<String, Double> sizeSum = new LinkedHashMap<>();
        Map<String, Double> distanceSum = new LinkedHashMap<>();
        int used = 0;
        for (int s = 0; s < slices.size(); s++) {
            int[] zones = zonesOfSlice[s];
            double[][] sizes = new double[ng + 1][largest + 1];
            double[][] distances = new double[ng + 1][maxDistance + 1];
            for (int k = 0; k < zones.length; k += 3) {
                sizes[zones[k]][zones[k + 1]]++;
                distances[zones[k]][zones[k + 2]]++;
            }
            if (twoD) {
                double nv = slices.get(s).length;
                Slices.accumulate(sizeSum, ZoneMatrixFeatures.features(sizes, nv, ZoneMatrixFeatures.SZM));
                Slices.accumulate(distanceSum, ZoneMatrixFeatures.features(distances, nv, ZoneMatrixFeatures.DZM));
                used++;
            }
            Slices.add(allSizes, sizes);
            Slices.add(allDistances, distances);
        }
        if (twoD) {
            emit(Slices.mean(sizeSum, used), Dimension.TWO_D, out);
            emit(Slices.mean(distanceSum, used), Dimension.TWO_D, out);
        }
        if (twoAndAHalfD) {
            double nv = roi.voxels.length;
            emit(ZoneMatrixFeatures.features(allSizes, nv, ZoneMatrixFeatures.SZM), Dimension.TWO_AND_A_HALF_D, out);
            emit(ZoneMatrixFeatures.features(allDistances, nv, ZoneMatrixFeatures.DZM), Dimension.TWO_AND_A_HALF_D, out);
        }
    }

    private static void emit(Map<String, Double> f, Dimension d, FeatureSink out) {
        f.forEach((k, v) -> out.add(k, d.label(), d.code(), v));
    }

    /** 4-connected in-plane steps from each ROI voxel to the nearest voxel outside the ROI or the image in its slice. */
    static int[] edgeDistance(Roi roi) {
        int[] grey = roi.paddedGrey;
        int[] d = new int[grey.length];
        int[] queue = new int[roi.voxels.length];
        int head = 0;
        int tail = 0;
        int[] four = {roi.offset(1, 0, 0), roi.offset(-1, 0, 0), roi.offset(0, 1, 0), roi.offset(0, -1, 0)};
        for (int idx : roi.paddedVoxels) {
            for (int s : four) {
                if (grey[idx + s] == 0) {
                    d[idx] = 1;
                    queue[tail++] = idx;
                    break;
                }
            }
        }
        while (head < tail) {
            int idx = queue[head++];
            for (int s : four) {
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
