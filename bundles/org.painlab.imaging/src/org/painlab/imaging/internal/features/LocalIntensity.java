package org.painlab.imaging.internal.features;

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
        int rx = (int) Math.floor(RADIUS_MM / s[0]);
        int ry = (int) Math.floor(RADIUS_MM / s[1]);
        int rz = (int) Math.floor(RADIUS_MM / s[2]);
        int count = 0;
        int[][] offsets = new int[(2 * rx + 1) * (2 * ry + 1) * (2 * rz + 1)][];
        for (int dz = -rz; dz <= rz; dz++) {
            for (int dy = -ry; dy <= ry; dy++) {
                for (int dx = -rx; dx <= rx; dx++) {
                    double d2 = sq(dx * s[0]) + sq(dy * s[1]) + sq(dz * s[2]);
                    if (d2 <= RADIUS_MM * RADIUS_MM) {
                        offsets[count++] = new int[] {dx, dy, dz};
                    }
                }
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
            double mean = sphereMean(roi, idx, offsets, count);
            global = Math.max(global, mean);
            if (roi.intensities[k] == maxIntensity) {
                local = Math.max(local, mean);
            }
        }
        out.add("loc.peak.local", local);
        out.add("loc.peak.global", global);
    }

    private static double sphereMean(Roi roi, int idx, int[][] offsets, int count) {
        int x = idx % roi.nx;
        int y = (idx / roi.nx) % roi.ny;
        int z = idx / (roi.nx * roi.ny);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < count; i++) {
            int xx = x + offsets[i][0];
            int yy = y + offsets[i][1];
            int zz = z + offsets[i][2];
            if (xx >= 0 && yy >= 0 && zz >= 0 && xx < roi.nx && yy < roi.ny && zz < roi.nz) {
                double v = roi.image.value(roi.index(xx, yy, zz));
                if (Double.isFinite(v)) {
                    sum += v;
                    n++;
                }
            }
        }
        return sum / n;
    }

    private static double sq(double v) {
        return v * v;
    }
}
