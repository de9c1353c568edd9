package org.painlab.imaging.features.previous;

// Frozen copy of org.painlab.imaging.internal.features at commit c9b323c: the oracle of PreviousExtractor. Do not optimise.

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.painlab.imaging.features.TextureAggregation;

/**
 * IBSI grey level run length matrix features (rlm.*), 3D: runs of equal grey level along each of
 * the 13 directions, inside the ROI. "3D averaged" averages the features of the 13 matrices;
 * "3D merged" sums the matrices and divides the run percentage by 13 times the voxel count.
 */
final class Glrlm {
    private Glrlm() {
    }

    static void compute(Roi roi, Set<TextureAggregation> aggregations, FeatureSink out) {
        int maxRun = Math.max(roi.nx, Math.max(roi.ny, roi.nz));
        double[][] merged = new double[roi.ng + 1][maxRun + 1];
        Map<String, Double> sum = new LinkedHashMap<>();
        int used = 0;
        double nv = roi.voxels.length;
        for (int[] dir : Directions.THIRTEEN) {
            double[][] m = new double[roi.ng + 1][maxRun + 1];
            for (int idx : roi.voxels) {
                int x = idx % roi.nx;
                int y = (idx / roi.nx) % roi.ny;
                int z = idx / (roi.nx * roi.ny);
                int g = roi.grey[idx];
                if (roi.greyAt(x - dir[0], y - dir[1], z - dir[2]) == g) {
                    continue; // not the start of a run
                }
                int len = 1;
                while (roi.greyAt(x + len * dir[0], y + len * dir[1], z + len * dir[2]) == g) {
                    len++;
                }
                m[g][len]++;
                merged[g][len]++;
            }
            Map<String, Double> f = ZoneMatrixFeatures.features(m, nv, ZoneMatrixFeatures.RLM);
            if (f != null) {
                used++;
                f.forEach((k, v) -> sum.merge(k, v, Double::sum));
            }
        }
        if (aggregations.contains(TextureAggregation.AVERAGED_3D)) {
            TextureAggregation a = TextureAggregation.AVERAGED_3D;
            final int n = used;
            sum.forEach((k, v) -> out.add(k, a.label(), a.code(), v / n));
        }
        if (aggregations.contains(TextureAggregation.MERGED_3D)) {
            TextureAggregation a = TextureAggregation.MERGED_3D;
            Map<String, Double> f = ZoneMatrixFeatures.features(merged, 13 * nv, ZoneMatrixFeatures.RLM);
            if (f != null) {
                f.forEach((k, v) -> out.add(k, a.label(), a.code(), v));
            }
        }
    }
}
