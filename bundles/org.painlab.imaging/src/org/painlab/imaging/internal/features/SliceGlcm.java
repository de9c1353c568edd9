package org.painlab.imaging.internal.features;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.painlab.imaging.features.TextureAggregation;

/**
 * IBSI GLCM features (cm.*) of the 2D and 2.5D aggregations: per axial slice one symmetric matrix
 * for each of the 4 in-plane directions at Chebyshev distance 1. 2D averaged: the features of every
 * slice's every direction matrix, averaged; 2D slice-merged: per slice the features of its merged
 * matrix, averaged over slices; 2.5D direction-merged: per direction the features of its matrices
 * summed over slices, averaged over directions; 2.5D merged: the features of the sum of all. As in
 * 3D, a matrix without any pair is left out of an average.
 */
final class SliceGlcm {
    private SliceGlcm() {
    }

    static void compute(Roi roi, Set<TextureAggregation> aggregations, FeatureSink out) {
        int ng = roi.ng;
        int[] grey = roi.paddedGrey;
        double[][][] perDirection = new double[4][ng + 1][ng + 1];
        double[][] merged = new double[ng + 1][ng + 1];
        Map<String, Double> averaged = new LinkedHashMap<>();
        int averagedCount = 0;
        Map<String, Double> sliceMerged = new LinkedHashMap<>();
        int sliceMergedCount = 0;
        int[] counts = new int[(ng + 1) * (ng + 1)];
        for (int[] slice : Slices.of(roi)) {
            double[][] sliceSum = new double[ng + 1][ng + 1];
            for (int d = 0; d < 4; d++) {
                int[] dir = Slices.FOUR[d];
                int step = roi.offset(dir[0], dir[1], dir[2]);
                java.util.Arrays.fill(counts, 0);
                for (int p : slice) {
                    int j = grey[p + step];
                    if (j > 0) {
                        int i = grey[p];
                        counts[i * (ng + 1) + j]++;
                        counts[j * (ng + 1) + i]++;
                    }
                }
                double[][] m = new double[ng + 1][ng + 1];
                for (int i = 1; i <= ng; i++) {
                    for (int j = 1; j <= ng; j++) {
                        m[i][j] = counts[i * (ng + 1) + j];
                    }
                }
                if (aggregations.contains(TextureAggregation.AVERAGED_2D) && Slices.accumulate(averaged, Glcm.features(m, ng))) {
                    averagedCount++;
                }
                Slices.add(sliceSum, m);
                Slices.add(perDirection[d], m);
            }
            if (aggregations.contains(TextureAggregation.SLICE_MERGED_2D) && Slices.accumulate(sliceMerged, Glcm.features(sliceSum, ng))) {
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
                if (Slices.accumulate(sum, Glcm.features(m, ng))) {
                    used++;
                }
            }
            if (used > 0) {
                emit(Slices.mean(sum, used), TextureAggregation.DIRECTION_MERGED_2_5D, out);
            }
        }
        Map<String, Double> all = Glcm.features(merged, ng);
        if (all == null) {
            out.skip("cm.* (2D, 2.5D)", "no two ROI voxels are in-plane neighbours in any slice");
        } else if (aggregations.contains(TextureAggregation.MERGED_2_5D)) {
            emit(all, TextureAggregation.MERGED_2_5D, out);
        }
    }

    private static void emit(Map<String, Double> f, TextureAggregation a, FeatureSink out) {
        f.forEach((k, v) -> out.add(k, a.label(), a.code(), v));
    }
}
