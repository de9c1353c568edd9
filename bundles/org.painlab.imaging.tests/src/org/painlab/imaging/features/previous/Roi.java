package org.painlab.imaging.features.previous;

// Frozen copy of org.painlab.imaging.internal.features at commit c9b323c: the oracle of PreviousExtractor. Do not optimise.

import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.features.Discretisation;

/**
 * An image restricted to its mask, ready for the feature families: which voxels are in the ROI
 * (mask non-zero and intensity finite), their intensities, and their grey levels 1..Ng after
 * discretisation (0 outside the ROI). Immutable once built.
 */
final class Roi {
    final int nx;
    final int ny;
    final int nz;
    final double[] spacing;
    final Volume image;
    final boolean[] in;
    /** Indices of ROI voxels, ascending. */
    final int[] voxels;
    /** Intensity per ROI voxel (same order as {@link #voxels}). */
    final double[] intensities;
    /** Grey level per image voxel, 0 outside the ROI. */
    final int[] grey;
    final int ng;

    private Roi(Volume image, boolean[] in, int[] voxels, double[] intensities, int[] grey, int ng) {
        this.image = image;
        this.nx = image.nx();
        this.ny = image.ny();
        this.nz = image.nz();
        this.spacing = image.spacing();
        this.in = in;
        this.voxels = voxels;
        this.intensities = intensities;
        this.grey = grey;
        this.ng = ng;
    }

    /** Builds the ROI of {@code image} under {@code mask} (same grid), discretised by {@code d}. */
    public static Roi of(Volume image, Volume mask, Discretisation d) throws ImagingException {
        if (!image.sameGeometry(mask)) {
            throw new ImagingException(null, "mask", "the mask's grid (" + dims(mask) + ") does not match the image's (" + dims(image)
                    + ") or their spacing/origin/direction differ");
        }
        int n = image.voxelCount();
        boolean[] in = new boolean[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double m = mask.value(i);
            if (m != 0 && !Double.isNaN(m) && Double.isFinite(image.value(i))) {
                in[i] = true;
                count++;
            }
        }
        if (count == 0) {
            throw new ImagingException(null, "mask", "the mask selects no voxel (all zero, or only non-finite intensities)");
        }
        int[] voxels = new int[count];
        double[] values = new double[count];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0, k = 0; i < n; i++) {
            if (in[i]) {
                voxels[k] = i;
                values[k] = image.value(i);
                lo = Math.min(lo, values[k]);
                hi = Math.max(hi, values[k]);
                k++;
            }
        }
        int[] grey = new int[n];
        int ng = 0;
        for (int k = 0; k < count; k++) {
            int g = level(values[k], d, lo, hi);
            grey[voxels[k]] = g;
            ng = Math.max(ng, g);
        }
        if (d.method() == Discretisation.Method.FIXED_BIN_NUMBER) {
            ng = (int) d.value();
        }
        return new Roi(image, in, voxels, values, grey, ng);
    }

    private static int level(double x, Discretisation d, double lo, double hi) throws ImagingException {
        switch (d.method()) {
            case NONE -> {
                if (x != Math.rint(x) || x < 1 || x > 1_000_000) {
                    throw new ImagingException(null, "discretisation", "'none' needs integer intensities from 1 to 1000000 in the ROI, found "
                            + x + "; choose a bin number or bin width");
                }
                return (int) x;
            }
            case FIXED_BIN_NUMBER -> {
                int bins = (int) d.value();
                if (hi == lo) {
                    return 1;
                }
                return Math.min(bins, (int) Math.floor(bins * (x - lo) / (hi - lo)) + 1);
            }
            default -> {
                double lower = Double.isNaN(d.lowerBound()) ? lo : d.lowerBound();
                double g = Math.floor((x - lower) / d.value()) + 1;
                if (g < 1 || g > 1_000_000) {
                    throw new ImagingException(null, "discretisation", "bin width " + d.value() + " from " + lower + " puts intensity " + x
                            + " in bin " + (long) g + " (must be 1 to 1000000)");
                }
                return (int) g;
            }
        }
    }

    private static String dims(Volume v) {
        return v.nx() + " x " + v.ny() + " x " + v.nz();
    }

    int index(int x, int y, int z) {
        return x + nx * (y + ny * z);
    }

    /** Whether (x,y,z) is inside the image and the ROI. */
    boolean inRoi(int x, int y, int z) {
        return x >= 0 && y >= 0 && z >= 0 && x < nx && y < ny && z < nz && in[index(x, y, z)];
    }

    /** Grey level at (x,y,z), 0 outside the image or ROI. */
    int greyAt(int x, int y, int z) {
        return inRoi(x, y, z) ? grey[index(x, y, z)] : 0;
    }

    /** Grey levels of the ROI voxels, in voxel order. */
    int[] roiGrey() {
        int[] g = new int[voxels.length];
        for (int k = 0; k < voxels.length; k++) {
            g[k] = grey[voxels[k]];
        }
        return g;
    }
}
