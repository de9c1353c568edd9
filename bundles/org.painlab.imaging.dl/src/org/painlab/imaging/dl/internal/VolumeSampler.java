package org.painlab.imaging.dl.internal;

import org.painlab.imaging.Volume;

/**
 * Turns a volume of any size into the network's fixed input: the box around the mask (the whole volume when
 * there is none) resampled to a cube of {@code size} voxels per edge, then normalised per volume to mean 0
 * and standard deviation 1. Per-volume normalisation matters for ultrasound, whose gain differs from
 * patient to patient: without it the network learns the gain.
 */
final class VolumeSampler {
    private final int size;

    VolumeSampler(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
        this.size = size;
    }

    /**
     * @param mask region of interest on the same grid, or null
     * @return {@code size^3} values, x fastest (the layout of {@link Volume})
     */
    float[] sample(Volume volume, Volume mask) {
        int[] lo = {0, 0, 0};
        int[] hi = {volume.nx(), volume.ny(), volume.nz()};
        if (mask != null) {
            if (!java.util.Arrays.equals(mask.dims(), volume.dims())) {
                throw new IllegalArgumentException("mask dims " + dimsText(mask.dims()) + " differ from volume dims "
                        + dimsText(volume.dims()));
            }
            boundingBox(mask, lo, hi);
        }
        int cx = hi[0] - lo[0];
        int cy = hi[1] - lo[1];
        int cz = hi[2] - lo[2];
        double[] box = new double[cx * cy * cz];
        for (int z = 0; z < cz; z++) {
            for (int y = 0; y < cy; y++) {
                for (int x = 0; x < cx; x++) {
                    double v = volume.value(x + lo[0], y + lo[1], z + lo[2]);
                    box[x + cx * (y + cy * z)] = v;
                }
            }
        }
        double[] resampled = resample(box, cx, cy, cz);
        return normalise(resampled);
    }

    /** The smallest box holding every voxel of the mask that is not 0; the whole grid when the mask is empty. */
    private static void boundingBox(Volume mask, int[] lo, int[] hi) {
        int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] max = {-1, -1, -1};
        for (int z = 0; z < mask.nz(); z++) {
            for (int y = 0; y < mask.ny(); y++) {
                for (int x = 0; x < mask.nx(); x++) {
                    double m = mask.value(x, y, z);
                    if (m != 0 && !Double.isNaN(m)) {
                        int[] p = {x, y, z};
                        for (int a = 0; a < 3; a++) {
                            min[a] = Math.min(min[a], p[a]);
                            max[a] = Math.max(max[a], p[a]);
                        }
                    }
                }
            }
        }
        if (max[0] < 0) {
            return;
        }
        for (int a = 0; a < 3; a++) {
            lo[a] = min[a];
            hi[a] = max[a] + 1;
        }
    }

    /** Separable resampling, one axis at a time: x, then y, then z. */
    private double[] resample(double[] in, int nx, int ny, int nz) {
        AxisWeights wx = AxisWeights.of(nx, size);
        AxisWeights wy = AxisWeights.of(ny, size);
        AxisWeights wz = AxisWeights.of(nz, size);
        double[] a = new double[size * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int src = nx * (y + ny * z);
                int dst = size * (y + ny * z);
                for (int o = 0; o < size; o++) {
                    a[dst + o] = wx.apply(o, in, src, 1);
                }
            }
        }
        double[] b = new double[size * size * nz];
        for (int z = 0; z < nz; z++) {
            for (int x = 0; x < size; x++) {
                int src = x + size * ny * z;
                for (int o = 0; o < size; o++) {
                    b[x + size * (o + size * z)] = wy.apply(o, a, src, size);
                }
            }
        }
        double[] c = new double[size * size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int src = x + size * y;
                for (int o = 0; o < size; o++) {
                    c[x + size * (y + size * o)] = wz.apply(o, b, src, size * size);
                }
            }
        }
        return c;
    }

    /** Mean 0, standard deviation 1; NaN voxels become 0 (the mean); a constant volume becomes all 0. */
    private static float[] normalise(double[] v) {
        double sum = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double ss = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                ss += (x - mean) * (x - mean);
            }
        }
        double sd = n == 0 ? 0 : Math.sqrt(ss / n);
        double scale = sd > 0 ? 1 / sd : 0;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.isNaN(v[i]) ? 0f : (float) ((v[i] - mean) * scale);
        }
        return out;
    }

    private static String dimsText(int[] d) {
        return d[0] + " x " + d[1] + " x " + d[2];
    }
}
