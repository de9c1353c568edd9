package org.painlab.imaging.internal.synth;

import java.util.Arrays;

import org.painlab.imaging.synth.ScanCondition;
import org.painlab.imaging.synth.UltrasoundModel;

/**
 * The two structure fields of muscle, each in 0..1 per voxel: fibre streaks (Gaussian noise smoothed long
 * along the fibre direction and short across it, its upper tail kept) and hyperechoic fat patches (noise
 * smoothed isotropically, thresholded so that a given share of the multifidus is covered).
 */
public final class TextureFields {
    private TextureFields() {
    }

    /** Fibre streaks along x, tilted by the scan's fibre angle in the x-y plane. */
    public static float[] fibres(UltrasoundModel m, ScanCondition c, Rng rng) {
        int nx = m.nx();
        int ny = m.ny();
        int nz = m.nz();
        double slope = StrictMath.tan(StrictMath.toRadians(c.fibreTiltDeg())) * m.spacingX() / m.spacingY();
        int extra = (int) StrictMath.ceil(Math.abs(slope) * nx / 2.0) + 1;
        int nyExt = ny + 2 * extra;
        int[] n = {nx, nyExt, nz};
        float[] g = noise(n, rng);
        Blur.along(g, n, 0, Blur.gaussian(m.fibreLengthMm() / m.spacingX()));
        Blur.along(g, n, 1, Blur.gaussian(m.fibreWidthMm() / m.spacingY()));
        Blur.along(g, n, 2, Blur.gaussian(2 * m.fibreWidthMm() / m.spacingZ()));
        standardise(g);
        float[] f = new float[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int shift = (int) StrictMath.floor(slope * (x - nx / 2.0) + 0.5);
                    int ys = Math.max(0, Math.min(nyExt - 1, y + extra + shift));
                    f[x + nx * (y + ny * z)] = (float) smoothstep((g[x + nx * (ys + nyExt * z)] - 1.0) / 0.7);
                }
            }
        }
        return f;
    }

    /** Patches covering {@code fraction} of the multifidus (0 gives none). */
    public static float[] patches(UltrasoundModel m, TissueLayout layout, double fraction, Rng rng) {
        int[] n = {m.nx(), m.ny(), m.nz()};
        float[] g = noise(n, rng);
        if (fraction < 1e-3) {
            return new float[g.length];
        }
        Blur.along(g, n, 0, Blur.gaussian(m.patchSizeMm() / m.spacingX()));
        Blur.along(g, n, 1, Blur.gaussian(m.patchSizeMm() / m.spacingY()));
        Blur.along(g, n, 2, Blur.gaussian(m.patchSizeMm() / m.spacingZ()));
        standardise(g);
        float[] inside = new float[g.length];
        int k = 0;
        for (int i = 0; i < g.length; i++) {
            if (layout.inMask(i)) {
                inside[k++] = g[i];
            }
        }
        float[] sorted = Arrays.copyOf(inside, k);
        Arrays.sort(sorted);
        double threshold = k == 0 ? Double.POSITIVE_INFINITY
                : sorted[Math.max(0, Math.min(k - 1, (int) StrictMath.floor((1 - fraction) * k)))];
        float[] p = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            p[i] = (float) smoothstep((g[i] - threshold) / 0.4 + 0.5);
        }
        return p;
    }

    private static float[] noise(int[] n, Rng rng) {
        float[] g = new float[n[0] * n[1] * n[2]];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) rng.gaussian();
        }
        return g;
    }

    private static void standardise(float[] g) {
        double sum = 0;
        for (float v : g) {
            sum += v;
        }
        double mean = sum / g.length;
        double ss = 0;
        for (float v : g) {
            ss += (v - mean) * (v - mean);
        }
        double sd = StrictMath.sqrt(ss / g.length);
        double scale = sd > 0 ? 1 / sd : 1;
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) ((g[i] - mean) * scale);
        }
    }

    static double smoothstep(double t) {
        if (t <= 0) {
            return 0;
        }
        if (t >= 1) {
            return 1;
        }
        return t * t * (3 - 2 * t);
    }
}
