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
        Sphere sphere = new Sphere(roi);
        double maxIntensity = Double.NEGATIVE_INFINITY;
        for (double v : roi.intensities) {
            maxIntensity = Math.max(maxIntensity, v);
        }
        // the largest of the voxels' means does not depend on which strip finds it: strips run on every core
        int voxels = roi.voxels.length;
        int strips = Math.max(1, Math.min(4 * Runtime.getRuntime().availableProcessors(), voxels / 4096));
        double top = maxIntensity;
        double[][] peaks = java.util.stream.IntStream.range(0, strips).parallel()
                .mapToObj(i -> sphere.peaks((int) ((long) voxels * i / strips), (int) ((long) voxels * (i + 1) / strips), top))
                .toArray(double[][]::new);
        double local = Double.NEGATIVE_INFINITY;
        double global = Double.NEGATIVE_INFINITY;
        for (double[] p : peaks) {
            local = Math.max(local, p[0]);
            global = Math.max(global, p[1]);
        }
        out.add("loc.peak.local", local);
        out.add("loc.peak.global", global);
    }

    /**
     * The 1 cm^3 sphere as chords along x, and prefix sums along x of the image's finite values on a
     * grid padded by the sphere's radius with zeros: every chord of every voxel is then read without a
     * bounds check, and a chord outside the image adds exactly 0 (the prefix sums inside the image are
     * the same numbers as without padding, so the means are too).
     */
    private static final class Sphere {
        private final Roi roi;
        private final int rows;
        private final int[] chordY;
        private final int[] chordZ;
        private final int[] chordHalf;
        private final int rx;
        private final int ry;
        private final int rz;
        /** Padded row length: the prefix positions 0 .. nx + 2 rx. */
        private final int row;
        private final double[] sum;
        /** Prefix counts of finite values, same layout; null when every value is finite (a chord then counts its in-image length). */
        private final int[] count;
        /** Chord c of a voxel starts at {@code base + chordFrom[c]} and ends before {@code base + chordTo[c]}. */
        private final int[] chordFrom;
        private final int[] chordTo;
        /** Voxels in a sphere that lies wholly inside the image. */
        private final int whole;

        Sphere(Roi roi) {
            this.roi = roi;
            double[] s = roi.spacing;
            int maxY = (int) Math.floor(RADIUS_MM / s[1]);
            int maxZ = (int) Math.floor(RADIUS_MM / s[2]);
            int capacity = (2 * maxY + 1) * (2 * maxZ + 1);
            int[] cy = new int[capacity];
            int[] cz = new int[capacity];
            int[] ch = new int[capacity];
            int r = 0;
            int hx = 0;
            int hy = 0;
            int hz = 0;
            int w = 0;
            for (int dz = -maxZ; dz <= maxZ; dz++) {
                for (int dy = -maxY; dy <= maxY; dy++) {
                    double rest = RADIUS_MM * RADIUS_MM - sq(dy * s[1]) - sq(dz * s[2]);
                    if (rest >= 0) {
                        cy[r] = dy;
                        cz[r] = dz;
                        ch[r] = (int) Math.floor(Math.sqrt(rest) / s[0] + 1e-9);
                        hx = Math.max(hx, ch[r]);
                        hy = Math.max(hy, Math.abs(dy));
                        hz = Math.max(hz, Math.abs(dz));
                        w += 2 * ch[r] + 1;
                        r++;
                    }
                }
            }
            rows = r;
            chordY = cy;
            chordZ = cz;
            chordHalf = ch;
            rx = hx;
            ry = hy;
            rz = hz;
            whole = w;
            int nx = roi.nx;
            int ny = roi.ny;
            int nz = roi.nz;
            row = nx + 2 * rx + 1;
            int lines = (ny + 2 * ry) * (nz + 2 * rz);
            sum = new double[lines * row];
            int[] counts = new int[lines * row];
            boolean allFinite = true;
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    int base = ((y + ry) + (ny + 2 * ry) * (z + rz)) * row + rx;
                    int from = nx * (y + ny * z);
                    for (int x = 0; x < nx; x++) {
                        double v = roi.image.value(from + x);
                        boolean finite = Double.isFinite(v);
                        allFinite &= finite;
                        sum[base + x + 1] = sum[base + x] + (finite ? v : 0);
                        counts[base + x + 1] = counts[base + x] + (finite ? 1 : 0);
                    }
                    for (int x = nx + 1; x <= nx + rx; x++) {
                        sum[base + x] = sum[base + nx];
                        counts[base + x] = counts[base + nx];
                    }
                }
            }
            count = allFinite ? null : counts;
            chordFrom = new int[rows];
            chordTo = new int[rows];
            for (int c = 0; c < rows; c++) {
                int line = (chordY[c] + (ny + 2 * ry) * chordZ[c]) * row;
                chordFrom[c] = line - chordHalf[c];
                chordTo[c] = line + chordHalf[c] + 1;
            }
        }

        /** {local, global} peak candidates of ROI voxels {@code from..to-1}; the chords are summed in one fixed order. */
        double[] peaks(int from, int to, double maxIntensity) {
            int nx = roi.nx;
            int ny = roi.ny;
            int nz = roi.nz;
            double local = Double.NEGATIVE_INFINITY;
            double global = Double.NEGATIVE_INFINITY;
            // near the edge the in-image part of the sphere depends only on how near: one count per such position class
            int[] edgeCounts = new int[(2 * rx + 1) * (2 * ry + 1) * (2 * rz + 1)];
            java.util.Arrays.fill(edgeCounts, -1);
            for (int k = from; k < to; k++) {
                int idx = roi.voxels[k];
                int x = idx % nx;
                int y = (idx / nx) % ny;
                int z = idx / (nx * ny);
                int base = ((y + ry) + (ny + 2 * ry) * (z + rz)) * row + rx + x;
                double total = 0;
                for (int c = 0; c < rows; c++) {
                    total += sum[base + chordTo[c]] - sum[base + chordFrom[c]];
                }
                int n;
                if (count != null) {
                    n = 0;
                    for (int c = 0; c < rows; c++) {
                        n += count[base + chordTo[c]] - count[base + chordFrom[c]];
                    }
                } else if (x >= rx && x + rx < nx && y >= ry && y + ry < ny && z >= rz && z + rz < nz) {
                    n = whole;
                } else {
                    int key = edgeClass(x, nx, rx) + (2 * rx + 1) * (edgeClass(y, ny, ry) + (2 * ry + 1) * edgeClass(z, nz, rz));
                    n = edgeCounts[key];
                    if (n < 0) {
                        n = inImage(x, y, z);
                        edgeCounts[key] = n;
                    }
                }
                double mean = total / n;
                global = Math.max(global, mean);
                if (roi.intensities[k] == maxIntensity) {
                    local = Math.max(local, mean);
                }
            }
            return new double[] {local, global};
        }

        /**
         * 0..r-1 for a coordinate that near the low edge, r+1..2r for one that near the high edge (the
         * coordinate is then known), r for every coordinate from which the sphere does not reach an edge.
         */
        private static int edgeClass(int x, int n, int r) {
            if (x < r) {
                return x;
            }
            return x >= n - r ? r + 1 + x - (n - r) : r;
        }

        /** Voxels of the sphere around (x,y,z) that lie in the image. */
        private int inImage(int x, int y, int z) {
            int n = 0;
            for (int c = 0; c < rows; c++) {
                int yy = y + chordY[c];
                int zz = z + chordZ[c];
                if (yy >= 0 && zz >= 0 && yy < roi.ny && zz < roi.nz) {
                    n += Math.min(roi.nx, x + chordHalf[c] + 1) - Math.max(0, x - chordHalf[c]);
                }
            }
            return n;
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
