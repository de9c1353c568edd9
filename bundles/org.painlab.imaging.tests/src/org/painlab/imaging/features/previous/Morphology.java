package org.painlab.imaging.features.previous;

// Frozen copy of org.painlab.imaging.internal.features at commit c9b323c: the oracle of PreviousExtractor. Do not optimise.

/**
 * IBSI morphological features (morph.*) of the mask: mesh volume and area (marching cubes),
 * voxel-counting volume, the shape ratios built on them, centre of mass shift, PCA axis lengths,
 * bounding box, enclosing ellipsoid and convex hull densities, maximum diameter, integrated
 * intensity, and Moran's I / Geary's C (every pair of ROI voxels, inverse distance weights).
 * Positions are millimetres along the voxel axes: none of these depends on the image's rotation.
 */
final class Morphology {
    private Morphology() {
    }

    static void compute(Roi roi, int moranMaxVoxels, FeatureSink out) {
        Mesh mesh = new Mesh(roi);
        double v = mesh.volume();
        double a = mesh.area();
        double[] s = roi.spacing;
        int n = roi.voxels.length;
        out.add("morph.vol", v);
        out.add("morph.approx.vol", n * s[0] * s[1] * s[2]);
        out.add("morph.area", a);
        out.add("morph.av", a / v);
        out.add("morph.comp.1", v / (Math.sqrt(Math.PI) * Math.pow(a, 1.5)));
        out.add("morph.comp.2", 36 * Math.PI * v * v / (a * a * a));
        out.add("morph.sph.dispr", a / Math.cbrt(36 * Math.PI * v * v));
        out.add("morph.sphericity", Math.cbrt(36 * Math.PI * v * v) / a);
        out.add("morph.asphericity", Math.cbrt(a * a * a / (36 * Math.PI * v * v)) - 1);
        double[][] pos = positions(roi);
        out.add("morph.com", centreOfMassShift(roi, pos));
        double[] lambda = pos.length > 1 ? principalVariances(pos) : new double[3];
        double major = 4 * Math.sqrt(lambda[0]);
        double minor = 4 * Math.sqrt(lambda[1]);
        double least = 4 * Math.sqrt(lambda[2]);
        out.add("morph.pca.major", major);
        out.add("morph.pca.minor", minor);
        out.add("morph.pca.least", least);
        out.add("morph.pca.elongation", Math.sqrt(lambda[1] / lambda[0]));
        out.add("morph.pca.flatness", Math.sqrt(lambda[2] / lambda[0]));
        boundingBox(mesh, v, a, out);
        double sa = major / 2;
        double sb = minor / 2;
        double sc = least / 2;
        out.add("morph.v.dens.aee", v / (4 * Math.PI / 3 * sa * sb * sc));
        out.add("morph.a.dens.aee", a / ellipsoidArea(sa, sb, sc));
        try {
            ConvexHull hull = new ConvexHull(mesh.hullCandidates());
            out.add("morph.diam", hull.diameter());
            out.add("morph.v.dens.conv.hull", v / hull.volume());
            out.add("morph.a.dens.conv.hull", a / hull.area());
        } catch (IllegalArgumentException e) {
            out.skip("morph.conv.hull", "no 3D convex hull: " + e.getMessage());
        }
        double mean = 0;
        for (double x : roi.intensities) {
            mean += x;
        }
        mean /= n;
        out.add("morph.integ.int", mean * v);
        if (n <= moranMaxVoxels && n > 1) {
            moranGeary(roi, pos, mean, out);
        } else {
            out.skip("morph.moran.i", n <= 1 ? "one voxel" : n + " ROI voxels > moran_max_voxels " + moranMaxVoxels);
            out.skip("morph.geary.c", n <= 1 ? "one voxel" : n + " ROI voxels > moran_max_voxels " + moranMaxVoxels);
        }
    }

    /** Voxel centres of the ROI in mm, same order as {@code roi.voxels}. */
    private static double[][] positions(Roi roi) {
        double[][] p = new double[roi.voxels.length][];
        for (int k = 0; k < roi.voxels.length; k++) {
            int idx = roi.voxels[k];
            int x = idx % roi.nx;
            int y = (idx / roi.nx) % roi.ny;
            int z = idx / (roi.nx * roi.ny);
            p[k] = new double[] {x * roi.spacing[0], y * roi.spacing[1], z * roi.spacing[2]};
        }
        return p;
    }

    private static double centreOfMassShift(Roi roi, double[][] pos) {
        double[] geometric = new double[3];
        double[] weighted = new double[3];
        double total = 0;
        for (int k = 0; k < pos.length; k++) {
            double w = roi.intensities[k];
            total += w;
            for (int c = 0; c < 3; c++) {
                geometric[c] += pos[k][c];
                weighted[c] += w * pos[k][c];
            }
        }
        double d2 = 0;
        for (int c = 0; c < 3; c++) {
            double d = geometric[c] / pos.length - weighted[c] / total;
            d2 += d * d;
        }
        return Math.sqrt(d2);
    }

    /** Eigenvalues of the positions' sample covariance matrix (divided by n - 1, as IBSI's reference does), largest first. */
    static double[] principalVariances(double[][] pos) {
        double[] mean = new double[3];
        for (double[] p : pos) {
            for (int c = 0; c < 3; c++) {
                mean[c] += p[c] / pos.length;
            }
        }
        double[][] cov = new double[3][3];
        for (double[] p : pos) {
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    cov[r][c] += (p[r] - mean[r]) * (p[c] - mean[c]) / (pos.length - 1);
                }
            }
        }
        double[] e = SymmetricEigen.values(cov);
        java.util.Arrays.sort(e);
        return new double[] {e[2], e[1], Math.max(0, e[0])};
    }

    private static void boundingBox(Mesh mesh, double v, double a, FeatureSink out) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] p : mesh.vertices) {
            for (int c = 0; c < 3; c++) {
                lo[c] = Math.min(lo[c], p[c]);
                hi[c] = Math.max(hi[c], p[c]);
            }
        }
        double ex = hi[0] - lo[0];
        double ey = hi[1] - lo[1];
        double ez = hi[2] - lo[2];
        out.add("morph.v.dens.aabb", v / (ex * ey * ez));
        out.add("morph.a.dens.aabb", a / (2 * (ex * ey + ey * ez + ex * ez)));
    }

    /** Surface area of an ellipsoid with semi-axes a >= b >= c (IBSI's Legendre series, 20 terms). */
    static double ellipsoidArea(double a, double b, double c) {
        double alpha = Math.sqrt(1 - (b * b) / (a * a));
        double beta = Math.sqrt(1 - (c * c) / (a * a));
        if (alpha * beta < 1e-12) {
            // a spheroid around a has an undefined Legendre argument: Knud Thomsen's formula (error < 1.1 %)
            double p = 1.6075;
            return 4 * Math.PI * Math.pow((Math.pow(a * b, p) + Math.pow(a * c, p) + Math.pow(b * c, p)) / 3, 1 / p);
        }
        double x = (alpha * alpha + beta * beta) / (2 * alpha * beta);
        double sum = 0;
        double ab = alpha * beta;
        for (int nu = 0; nu <= 20; nu++) {
            sum += Math.pow(ab, nu) / (1 - 4.0 * nu * nu) * legendre(nu, x);
        }
        return 4 * Math.PI * a * b * sum;
    }

    private static double legendre(int n, double x) {
        double p0 = 1;
        if (n == 0) {
            return p0;
        }
        double p1 = x;
        for (int k = 2; k <= n; k++) {
            double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
            p0 = p1;
            p1 = p2;
        }
        return p1;
    }

    private static void moranGeary(Roi roi, double[][] pos, double mean, FeatureSink out) {
        int n = pos.length;
        double wSum = 0;
        double moran = 0;
        double geary = 0;
        double var = 0;
        for (int i = 0; i < n; i++) {
            double di = roi.intensities[i] - mean;
            var += di * di;
            for (int j = i + 1; j < n; j++) {
                double dx = pos[i][0] - pos[j][0];
                double dy = pos[i][1] - pos[j][1];
                double dz = pos[i][2] - pos[j][2];
                double w = 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
                double dj = roi.intensities[j] - mean;
                wSum += 2 * w;
                moran += 2 * w * di * dj;
                double diff = roi.intensities[i] - roi.intensities[j];
                geary += 2 * w * diff * diff;
            }
        }
        if (var == 0) {
            out.skip("morph.moran.i", "constant intensity in the ROI");
            out.skip("morph.geary.c", "constant intensity in the ROI");
            return;
        }
        out.add("morph.moran.i", n / wSum * moran / var);
        out.add("morph.geary.c", (n - 1) / (2 * wSum) * geary / var);
    }
}
