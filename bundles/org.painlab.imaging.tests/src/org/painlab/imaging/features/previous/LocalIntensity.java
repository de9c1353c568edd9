package org.painlab.imaging.features.previous;

// Frozen copy of org.painlab.imaging.internal.features at commit c9b323c: the oracle of PreviousExtractor. Do not optimise.

/**
 * IBSI local intensity features (loc.*): the mean intensity in a sphere of 1 cm^3 (radius 6.2 mm)
 * around a voxel, taking every image voxel whose centre lies in the sphere (inside the ROI or not).
 * Local peak: around the ROI's brightest voxel (the highest mean if several); global peak: the
 * highest such mean over every ROI voxel.
 */
final class LocalIntensity {
    private static final double RADIUS_MM = Math.cbrt(3.0 / (4.0 * Math.PI)) * 10.0;

    private LocalIntensity() {
    }

    static void compute(Roi roi, FeatureSink out) {
        double[] s = roi.spacing;
        int ry = (int) Math.floor(RADIUS_MM / s[1]);
        int rz = (int) Math.floor(RADIUS_MM / s[2]);
        // the sphere as rows along x: for each (dy, dz) the half width of its x run
        int rows = 0;
        int[][] chords = new int[(2 * ry + 1) * (2 * rz + 1)][];
        for (int dz = -rz; dz <= rz; dz++) {
            for (int dy = -ry; dy <= ry; dy++) {
                double rest = RADIUS_MM * RADIUS_MM - sq(dy * s[1]) - sq(dz * s[2]);
                if (rest >= 0) {
                    chords[rows++] = new int[] {dy, dz, (int) Math.floor(Math.sqrt(rest) / s[0] + 1e-9)};
                }
            }
        }
        // prefix sums along x of the finite values and of their count: a chord's sum in O(1)
        int nx = roi.nx;
        int lines = roi.ny * roi.nz;
        double[] sum = new double[lines * (nx + 1)];
        int[] count = new int[lines * (nx + 1)];
        for (int line = 0; line < lines; line++) {
            int base = line * (nx + 1);
            for (int x = 0; x < nx; x++) {
                double v = roi.image.value(line * nx + x);
                boolean finite = Double.isFinite(v);
                sum[base + x + 1] = sum[base + x] + (finite ? v : 0);
                count[base + x + 1] = count[base + x] + (finite ? 1 : 0);
            }
        }
        double maxIntensity = Double.NEGATIVE_INFINITY;
        for (double v : roi.intensities) {
            maxIntensity = Math.max(maxIntensity, v);
        }
        double local = Double.NEGATIVE_INFINITY;
        double global = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < roi.voxels.length; k++) {
            int idx = roi.voxels[k];
            int x = idx % nx;
            int y = (idx / nx) % roi.ny;
            int z = idx / (nx * roi.ny);
            double total = 0;
            int n = 0;
            for (int c = 0; c < rows; c++) {
                int yy = y + chords[c][0];
                int zz = z + chords[c][1];
                if (yy < 0 || zz < 0 || yy >= roi.ny || zz >= roi.nz) {
                    continue;
                }
                int base = (yy + roi.ny * zz) * (nx + 1);
                int from = Math.max(0, x - chords[c][2]);
                int to = Math.min(nx, x + chords[c][2] + 1);
                total += sum[base + to] - sum[base + from];
                n += count[base + to] - count[base + from];
            }
            double mean = total / n;
            global = Math.max(global, mean);
            if (roi.intensities[k] == maxIntensity) {
                local = Math.max(local, mean);
            }
        }
        out.add("loc.peak.local", local);
        out.add("loc.peak.global", global);
    }

    private static double sq(double v) {
        return v * v;
    }
}
