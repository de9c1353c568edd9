package org.painlab.imaging.internal.features;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.painlab.imaging.features.TextureAggregation;

/**
 * IBSI GLRLM features (rlm.*) of the 2D and 2.5D aggregations: runs along the 4 in-plane directions
 * within each axial slice, combined as for {@link SliceGlcm}. The run percentage divides by the
 * voxels the matrix saw: the slice's voxels for one slice and direction, times 4 when a slice's
 * directions are merged, the ROI's voxels for one direction merged over slices, times 4 for all merged.
 */
final class SliceGlrlm {
    private SliceGlrlm() {
    }

    static void compute(Roi roi, Set<TextureAggregation> aggregations, FeatureSink out) {
        int ng = roi.ng;
        int maxRun = Math.max(roi.nx, roi.ny);
        int[] grey = roi.paddedGrey;
        double[][][] perDirection = new double[4][ng + 1][maxRun + 1];
        double[][] merged = new double[ng + 1][maxRun + 1];
        Map<String, Double> averaged = new LinkedHashMap<>();
        int averagedCount = 0;
        Map<String, Double> sliceMerged = new LinkedHashMap<>();
        int sliceMergedCount = 0;
        double nv = roi.voxels.length;
        for (int[] slice : Slices.of(roi)) {
            double[][] sliceSum = new double[ng + 1][maxRun + 1];
            for (int d = 0; d < 4; d++) {
                int[] dir = Slices.FOUR[d];
                int step = roi.offset(dir[0], dir[1], dir[2]);
                double[][] m = new double[ng + 1][maxRun + 1];
                for (int p : slice) {
                    int g = grey[p];
                    if (grey[p - step] == g) {
                        continue; // not the start of a run
                    }
                    int len = 1;
                    while (grey[p + len * step] == g) {
                        len++;
                    }
                    m[g][len]++;
                }
                if (aggregations.contains(TextureAggregation.AVERAGED_2D)
                        && Slices.accumulate(averaged, ZoneMatrixFeatures.features(m, slice.length, ZoneMatrixFeatures.RLM))) {
                    averagedCount++;
                }
                Slices.add(sliceSum, m);
                Slices.add(perDirection[d], m);
            }
            if (aggregations.contains(TextureAggregation.SLICE_MERGED_2D)
                    && Slices.accumulate(sliceMerged, ZoneMatrixFeatures.features(sliceSum, 4.0 * slice.length, ZoneMatrixFeatures.RLM))) {
                sliceMergedCount++;
            }
            Slices.add(merged, sliceSum);
        }
        if (aggregations.contains(TextureAggregation.AVERAGED_2D) && averagedCount > 0) {
            emit(Slices.mean(averaged, averagedCount), TextureAggregation.AVERAGED_2D, out);
        }
        if (aggregations.contains(TextureAggregation.SLICE_MERGED_2D) && sliceMergedCount > 0) {
            emit(Slices.mean(sliceMerged, sliceMergedCount), TextureAggregation.SLICE_MERGED_2D, out);
        }
        if (aggregations.contains(TextureAggregation.DIRECTION_MERGED_2_5D)) {
            Map<String, Double> sum = new LinkedHashMap<>();
            int used = 0;
            for (double[][] m : perDirection) {
                if (Slices.accumulate(sum, ZoneMatrixFeatures.features(m, nv, ZoneMatrixFeatures.RLM))) {
                    used++;
                }
            }
            if (used > 0) {
                emit(Slices.mean(sum, used), TextureAggregation.DIRECTION_MERGED_2_5D, out);
            }
        }
        if (aggregations.contains(TextureAggregation.MERGED_2_5D)) {
            Map<String, Double> f = ZoneMatrixFeatures.features(merged, 4 * nv, ZoneMatrixFeatures.RLM);
            if (f != null) {
                emit(f, TextureAggregation.MERGED_2_5D, out);
            }
        }
    }

    private static void emit(Map<String, Double> f, TextureAggregation a, FeatureSink out) {
        f.forEach((k, v) -> out.add(k, a.label(), a.code(), v));
    }
}
