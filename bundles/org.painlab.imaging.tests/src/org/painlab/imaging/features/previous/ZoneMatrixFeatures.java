package org.painlab.imaging.features.previous;

// Frozen copy of org.painlab.imaging.internal.features at commit c9b323c: the oracle of PreviousExtractor. Do not optimise.

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sixteen features IBSI defines alike on every "grey level x count" matrix (GLRLM run length,
 * GLSZM zone size, GLDZM zone distance, NGLDM dependence count): small/large emphasis, low/high grey
 * level emphasis and their four combinations, the two non-uniformities (plain and normalised),
 * the percentage, the two variances and the entropy; plus the energy NGLDM adds. Only the symbols differ.
 */
final class ZoneMatrixFeatures {
    static final String[] RLM = {"rlm.sre", "rlm.lre", "rlm.lgre", "rlm.hgre", "rlm.srlge", "rlm.srhge", "rlm.lrlge", "rlm.lrhge",
        "rlm.glnu", "rlm.glnu.norm", "rlm.rlnu", "rlm.rlnu.norm", "rlm.r.perc", "rlm.gl.var", "rlm.rl.var", "rlm.rl.entr"};
    static final String[] SZM = {"szm.sze", "szm.lze", "szm.lgze", "szm.hgze", "szm.szlge", "szm.szhge", "szm.lzlge", "szm.lzhge",
        "szm.glnu", "szm.glnu.norm", "szm.zsnu", "szm.zsnu.norm", "szm.z.perc", "szm.gl.var", "szm.zs.var", "szm.zs.entr"};
    static final String[] DZM = {"dzm.sde", "dzm.lde", "dzm.lgze", "dzm.hgze", "dzm.sdlge", "dzm.sdhge", "dzm.ldlge", "dzm.ldhge",
        "dzm.glnu", "dzm.glnu.norm", "dzm.zdnu", "dzm.zdnu.norm", "dzm.z.perc", "dzm.gl.var", "dzm.zd.var", "dzm.zd.entr"};
    static final String[] NGL = {"ngl.lde", "ngl.hde", "ngl.lgce", "ngl.hgce", "ngl.ldlge", "ngl.ldhge", "ngl.hdlge", "ngl.hdhge",
        "ngl.glnu", "ngl.glnu.norm", "ngl.dcnu", "ngl.dcnu.norm", "ngl.dc.perc", "ngl.gl.var", "ngl.dc.var", "ngl.dc.entr"};

    private ZoneMatrixFeatures() {
    }

    /**
     * @param m      counts, m[i][j] for grey level i (1..) and count j (1..)
     * @param voxels the voxel count the percentage divides by
     * @param names  the sixteen symbols of the family, in the order above
     * @return symbol to value, or null when the matrix is empty
     */
    static Map<String, Double> features(double[][] m, double voxels, String[] names) {
        int rows = m.length;
        int cols = rows == 0 ? 0 : m[0].length;
        double ns = 0;
        double[] rowSum = new double[rows];
        double[] colSum = new double[cols];
        for (int i = 1; i < rows; i++) {
            for (int j = 1; j < cols; j++) {
                ns += m[i][j];
                rowSum[i] += m[i][j];
                colSum[j] += m[i][j];
            }
        }
        if (ns == 0) {
            return null;
        }
        double[] f = new double[16];
        double muI = 0;
        double muJ = 0;
        for (int i = 1; i < rows; i++) {
            for (int j = 1; j < cols; j++) {
                double v = m[i][j];
                if (v == 0) {
                    continue;
                }
                double i2 = (double) i * i;
                double j2 = (double) j * j;
                f[0] += v / j2;
                f[1] += v * j2;
                f[2] += v / i2;
                f[3] += v * i2;
                f[4] += v / (i2 * j2);
                f[5] += v * i2 / j2;
                f[6] += v * j2 / i2;
                f[7] += v * i2 * j2;
                double p = v / ns;
                muI += i * p;
                muJ += j * p;
                f[15] -= p * IntensityHistogram.log2(p);
            }
        }
        for (int k = 0; k < 8; k++) {
            f[k] /= ns;
        }
        for (int i = 1; i < rows; i++) {
            f[8] += rowSum[i] * rowSum[i];
        }
        for (int j = 1; j < cols; j++) {
            f[10] += colSum[j] * colSum[j];
        }
        f[9] = f[8] / (ns * ns);
        f[8] /= ns;
        f[11] = f[10] / (ns * ns);
        f[10] /= ns;
        f[12] = ns / voxels;
        for (int i = 1; i < rows; i++) {
            for (int j = 1; j < cols; j++) {
                double p = m[i][j] / ns;
                f[13] += (i - muI) * (i - muI) * p;
                f[14] += (j - muJ) * (j - muJ) * p;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < 16; k++) {
            out.put(names[k], f[k]);
        }
        return out;
    }

    /** Σ p², the NGLDM dependence count energy. */
    static double energy(double[][] m) {
        double ns = 0;
        for (double[] row : m) {
            for (double v : row) {
                ns += v;
            }
        }
        double e = 0;
        for (double[] row : m) {
            for (double v : row) {
                e += (v / ns) * (v / ns);
            }
        }
        return e;
    }
}
