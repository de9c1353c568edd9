package org.painlab.imaging.features.previous;

// Frozen copy of org.painlab.imaging.internal.features at commit c9b323c: the oracle of PreviousExtractor. Do not optimise.

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.painlab.imaging.features.TextureAggregation;

/**
 * IBSI grey level co-occurrence matrix features (cm.*), 3D: one symmetric matrix per direction of
 * the 13 at Chebyshev distance 1, counting pairs of ROI voxels. "3D averaged" averages each feature
 * over the directions' matrices; "3D merged" computes the features of their sum.
 */
final class Glcm {
    private Glcm() {
    }

    static void compute(Roi roi, Set<TextureAggregation> aggregations, FeatureSink out) {
        int ng = roi.ng;
        double[][][] perDirection = new double[13][][];
        double[][] merged = new double[ng + 1][ng + 1];
        for (int d = 0; d < 13; d++) {
            int[] dir = Directions.THIRTEEN[d];
            double[][] m = new double[ng + 1][ng + 1];
            for (int idx : roi.voxels) {
                int x = idx % roi.nx;
                int y = (idx / roi.nx) % roi.ny;
                int z = idx / (roi.nx * roi.ny);
                int j = roi.greyAt(x + dir[0], y + dir[1], z + dir[2]);
                if (j > 0) {
                    int i = roi.grey[idx];
                    m[i][j]++;
                    m[j][i]++;
                }
            }
            perDirection[d] = m;
            for (int i = 1; i <= ng; i++) {
                for (int j = 1; j <= ng; j++) {
                    merged[i][j] += m[i][j];
                }
            }
        }
        if (aggregations.contains(TextureAggregation.AVERAGED_3D)) {
            Map<String, Double> sum = new LinkedHashMap<>();
            int used = 0;
            for (double[][] m : perDirection) {
                Map<String, Double> f = features(m, ng);
                if (f == null) {
                    continue; // a direction without pairs (a one-voxel-thick ROI) has no matrix to describe
                }
                used++;
                f.forEach((k, v) -> sum.merge(k, v, Double::sum));
            }
            final int n = used;
            TextureAggregation a = TextureAggregation.AVERAGED_3D;
            sum.forEach((k, v) -> out.add(k, a.label(), a.code(), v / n));
        }
        if (aggregations.contains(TextureAggregation.MERGED_3D)) {
            Map<String, Double> f = features(merged, ng);
            TextureAggregation a = TextureAggregation.MERGED_3D;
            if (f != null) {
                f.forEach((k, v) -> out.add(k, a.label(), a.code(), v));
            }
        }
    }

    /** The 25 features of one matrix (counts), or null when it counts no pair. */
    static Map<String, Double> features(double[][] counts, int ng) {
        double total = 0;
        for (int i = 1; i <= ng; i++) {
            for (int j = 1; j <= ng; j++) {
                total += counts[i][j];
            }
        }
        if (total == 0) {
            return null;
        }
        double[][] p = new double[ng + 1][ng + 1];
        double[] px = new double[ng + 1];
        double[] diff = new double[ng];
        double[] sum = new double[2 * ng + 1];
        double jointMax = 0;
        double mu = 0;
        for (int i = 1; i <= ng; i++) {
            for (int j = 1; j <= ng; j++) {
                double v = counts[i][j] / total;
                p[i][j] = v;
                px[i] += v;
                diff[Math.abs(i - j)] += v;
                sum[i + j] += v;
                jointMax = Math.max(jointMax, v);
                mu += i * v;
            }
        }
        double jointVar = 0;
        double jointEntropy = 0;
        double energy = 0;
        double contrast = 0;
        double dissimilarity = 0;
        double invDiff = 0;
        double invDiffNorm = 0;
        double invDiffMom = 0;
        double invDiffMomNorm = 0;
        double autoCorr = 0;
        double tend = 0;
        double shade = 0;
        double prom = 0;
        double corrNum = 0;
        double hxy1 = 0;
        double hxy2 = 0;
        for (int i = 1; i <= ng; i++) {
            for (int j = 1; j <= ng; j++) {
                double v = p[i][j];
                int k = Math.abs(i - j);
                double pp = px[i] * px[j];
                if (pp > 0) {
                    hxy1 -= v * IntensityHistogram.log2(pp);
                    hxy2 -= pp * IntensityHistogram.log2(pp);
                }
                if (v == 0) {
                    continue;
                }
                jointVar += (i - mu) * (i - mu) * v;
                jointEntropy -= v * IntensityHistogram.log2(v);
                energy += v * v;
                contrast += k * k * v;
                dissimilarity += k * v;
                invDiff += v / (1 + k);
                invDiffNorm += v / (1 + k / (double) ng);
                invDiffMom += v / (1 + k * k);
                invDiffMomNorm += v / (1 + k * k / ((double) ng * ng));
                autoCorr += i * j * v;
                double c = i + j - 2 * mu;
                tend += c * c * v;
                shade += c * c * c * v;
                prom += c * c * c * c * v;
                corrNum += (i - mu) * (j - mu) * v;
            }
        }
        double diffAvg = 0;
        double diffEntropy = 0;
        double invVar = 0;
        for (int k = 0; k < ng; k++) {
            diffAvg += k * diff[k];
            if (diff[k] > 0) {
                diffEntropy -= diff[k] * IntensityHistogram.log2(diff[k]);
            }
            if (k > 0) {
                invVar += diff[k] / (k * (double) k);
            }
        }
        double diffVar = 0;
        for (int k = 0; k < ng; k++) {
            diffVar += (k - diffAvg) * (k - diffAvg) * diff[k];
        }
        double sumAvg = 0;
        double sumEntropy = 0;
        for (int k = 2; k <= 2 * ng; k++) {
            sumAvg += k * sum[k];
            if (sum[k] > 0) {
                sumEntropy -= sum[k] * IntensityHistogram.log2(sum[k]);
            }
        }
        double sumVar = 0;
        for (int k = 2; k <= 2 * ng; k++) {
            sumVar += (k - sumAvg) * (k - sumAvg) * sum[k];
        }
        double hx = 0;
        for (int i = 1; i <= ng; i++) {
            if (px[i] > 0) {
                hx -= px[i] * IntensityHistogram.log2(px[i]);
            }
        }
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("cm.joint.max", jointMax);
        f.put("cm.joint.avg", mu);
        f.put("cm.joint.var", jointVar);
        f.put("cm.joint.entr", jointEntropy);
        f.put("cm.diff.avg", diffAvg);
        f.put("cm.diff.var", diffVar);
        f.put("cm.diff.entr", diffEntropy);
        f.put("cm.sum.avg", sumAvg);
        f.put("cm.sum.var", sumVar);
        f.put("cm.sum.entr", sumEntropy);
        f.put("cm.energy", energy);
        f.put("cm.contrast", contrast);
        f.put("cm.dissimilarity", dissimilarity);
        f.put("cm.inv.diff", invDiff);
        f.put("cm.inv.diff.norm", invDiffNorm);
        f.put("cm.inv.diff.mom", invDiffMom);
        f.put("cm.inv.diff.mom.norm", invDiffMomNorm);
        f.put("cm.inv.var", invVar);
        // symmetric matrix: both marginals have mean mu and variance jointVar
        f.put("cm.corr", jointVar == 0 ? 1 : corrNum / jointVar);
        f.put("cm.auto.corr", autoCorr);
        f.put("cm.clust.tend", tend);
        f.put("cm.clust.shade", shade);
        f.put("cm.clust.prom", prom);
        f.put("cm.info.corr.1", hx == 0 ? 0 : (jointEntropy - hxy1) / hx);
        f.put("cm.info.corr.2", Math.sqrt(Math.max(0, 1 - Math.exp(-2 * (hxy2 - jointEntropy)))));
        return f;
    }
}
