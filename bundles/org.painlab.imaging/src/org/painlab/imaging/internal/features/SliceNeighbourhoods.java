package org.painlab.imaging.internal.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.imaging.features.TextureAggregation.Dimension;

/**
 * IBSI NGTDM (ngt.*) and NGLDM (ngl.*) features by axial slice: the 8 in-plane neighbours at
 * distance 1, only neighbours in the ROI counted, under the same rules as {@link Neighbourhoods}.
 * 2D: each slice's features averaged over slices (a slice whose voxels have no neighbour is left
 * out of the NGTDM average); 2.5D: the features of the slices' sums and counts added up.
 */
final class SliceNeighbourhoods {
    private SliceNeighbourhoods() {
    }

    static void compute(Roi roi, boolean twoD, boolean twoAndAHalfD, FeatureSink out) {
        int ng = roi.ng;
        int[] grey = roi.paddedGrey;
        int[] steps = Slices.eightSteps(roi);
        List<int[]> slices = Slices.of(roi);
        double[] allS = new double[ng + 1];
        double[] allCount = new double[ng + 1];
        double[][] allDependence = new double[ng + 1][10];
        Map<String, Double> ngtSum = new LinkedHashMap<>();
        int ngtUsed = 0;
        Map<String, Double> nglSum = new LinkedHashMap<>();
        for (int[] slice : slices) {
            double[] s = new double[ng + 1];
            double[] count = new double[ng + 1];
            double[][] dependence = new double[ng + 1][10];
            for (int p : slice) {
                int g = grey[p];
                double sum = 0;
                int neighbours = 0;
                int equal = 0;
                for (int step : steps) {
                    int h = grey[p + step];
                    if (h > 0) {
                        sum += h;
                        neighbours++;
                        if (h == g) {
                            equal++;
                        }
                    }
                }
                if (neighbours > 0) {
                    s[g] += Math.abs(g - sum / neighbours);
                    count[g]++;
                }
                dependence[g][1 + equal]++;
            }
            if (twoD) {
                if (Slices.accumulate(ngtSum, Neighbourhoods.ngtdm(s, count, ng))) {
                    ngtUsed++;
                }
                Slices.accumulate(nglSum, ngldm(dependence, slice.length));
            }
            for (int g = 0; g <= ng; g++) {
                allS[g] += s[g];
                allCount[g] += count[g];
            }
            Slices.add(allDependence, dependence);
        }
        if (twoD) {
            if (ngtUsed > 0) {
                emit(Slices.mean(ngtSum, ngtUsed), Dimension.TWO_D, out);
            } else {
                out.skip("ngt.* (2D)", "no ROI voxel has an in-plane neighbour in the ROI");
            }
            emit(Slices.mean(nglSum, slices.size()), Dimension.TWO_D, out);
        }
        if (twoAndAHalfD) {
            Map<String, Double> ngt = Neighbourhoods.ngtdm(allS, allCount, ng);
            if (ngt != null) {
                emit(ngt, Dimension.TWO_AND_A_HALF_D, out);
            } else {
                out.skip("ngt.* (2.5D)", "no ROI voxel has an in-plane neighbour in the ROI");
            }
            emit(ngldm(allDependence, roi.voxels.length), Dimension.TWO_AND_A_HALF_D, out);
        }
    }

    private static Map<String, Double> ngldm(double[][] dependence, double voxels) {
        Map<String, Double> f = ZoneMatrixFeatures.features(dependence, voxels, ZoneMatrixFeatures.NGL);
        f.put("ngl.dc.energy", ZoneMatrixFeatures.energy(dependence));
        return f;
    }

    private static void emit(Map<String, Double> f, Dimension d, FeatureSink out) {
        f.forEach((k, v) -> out.add(k, d.label(), d.code(), v));
    }
}
