package org.painlab.imaging.internal.features;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IBSI neighbourhood grey tone difference (ngt.*) and neighbouring grey level dependence (ngl.*)
 * features, 3D, distance 1 (the 26 neighbours), only neighbours inside the ROI counted. NGTDM leaves
 * out voxels without any neighbour in the ROI; NGLDM counts neighbours of exactly the same grey level
 * (alpha 0), the voxel itself included (dependence 1 = no equal neighbour).
 */
final class Neighbourhoods {
    private Neighbourhoods() {
    }

    static void compute(Roi roi, FeatureSink out) {
        int ng = roi.ng;
        double[] s = new double[ng + 1];
        double[] count = new double[ng + 1];
        double[][] dependence = new double[ng + 1][28];
        // the 26 neighbours as padded-grid steps, in the dz, dy, dx order the sums have always been taken in
        int[] steps = new int[26];
        int n26 = 0;
        for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if (dx != 0 || dy != 0 || dz != 0) {
                        steps[n26++] = roi.offset(dx, dy, dz);
                    }
                }
            }
        }
        int[] grey = roi.paddedGrey;
        for (int p : roi.paddedVoxels) {
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
        Map<String, Double> ngt = ngtdm(s, count, ng);
        if (ngt == null) {
            out.skip("ngt.*", "no ROI voxel has a neighbour in the ROI");
        } else {
            ngt.forEach((k, v) -> out.add(k, Zones.AGGREGATION, Zones.AGGREGATION_CODE, v));
        }
        Map<String, Double> f = ZoneMatrixFeatures.features(dependence, roi.voxels.length, ZoneMatrixFeatures.NGL);
        f.forEach((k, v) -> out.add(k, Zones.AGGREGATION, Zones.AGGREGATION_CODE, v));
        out.add("ngl.dc.energy", Zones.AGGREGATION, Zones.AGGREGATION_CODE, ZoneMatrixFeatures.energy(dependence));
    }

    /**
     * The five NGTDM features of the sums {@code s} and voxel counts {@code count} per grey level, or
     * null when no voxel was counted.
     */
    static Map<String, Double> ngtdm(double[] s, double[] count, int ng) {
        double nvc = 0;
        for (double c : count) {
            nvc += c;
        }
        if (nvc == 0) {
            return null;
        }
        double[] p = new double[ng + 1];
        int ngp = 0;
        double sumPs = 0;
        double sumS = 0;
        for (int i = 1; i <= ng; i++) {
            p[i] = count[i] / nvc;
            if (p[i] > 0) {
                ngp++;
            }
            sumPs += p[i] * s[i];
            sumS += s[i];
        }
        double contrastPairs = 0;
        double busyDen = 0;
        double complexity = 0;
        double strengthNum = 0;
        for (int i = 1; i <= ng; i++) {
            if (p[i] == 0) {
                continue;
            }
            for (int j = 1; j <= ng; j++) {
                if (p[j] == 0) {
                    continue;
                }
                double d2 = (double) (i - j) * (i - j);
                contrastPairs += p[i] * p[j] * d2;
                busyDen += Math.abs(i * p[i] - j * p[j]);
                complexity += Math.abs(i - j) * (p[i] * s[i] + p[j] * s[j]) / (p[i] + p[j]);
                strengthNum += (p[i] + p[j]) * d2;
            }
        }
        Map<String, Double> f = new LinkedHashMap<>();
        // IBSI: a ROI with one grey level has coarseness 1e6 and zero contrast, busyness and strength
        f.put("ngt.coarseness", sumPs == 0 ? 1e6 : 1 / sumPs);
        f.put("ngt.contrast", ngp <= 1 ? 0 : contrastPairs / (ngp * (ngp - 1.0)) * sumS / nvc);
        f.put("ngt.busyness", busyDen == 0 ? 0 : sumPs / busyDen);
        f.put("ngt.complexity", complexity / nvc);
        f.put("ngt.strength", sumS == 0 ? 0 : strengthNum / sumS);
        return f;
    }
}
