package org.painlab.imaging.internal.io;

import java.nio.file.Path;

import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;

/** Splits axis vectors (one per voxel axis, LPS mm) into spacing and direction cosines. */
final class Geometry {
    private Geometry() {
    }

    /** @param axes axes[k] = the step in mm along voxel axis k */
    static Volume.Builder apply(Volume.Builder b, Path file, String field, double[][] axes, double[] origin)
            throws ImagingException {
        double[] spacing = new double[3];
        double[] dir = new double[9];
        for (int k = 0; k < 3; k++) {
            double n = Math.sqrt(axes[k][0] * axes[k][0] + axes[k][1] * axes[k][1] + axes[k][2] * axes[k][2]);
            if (!(n > 0) || Double.isInfinite(n)) {
                throw new ImagingException(file, field, "axis " + k + " has zero or invalid length");
            }
            spacing[k] = n;
            for (int r = 0; r < 3; r++) {
                dir[r * 3 + k] = axes[k][r] / n;
            }
        }
        for (double o : origin) {
            if (!Double.isFinite(o)) {
                throw new ImagingException(file, field, "origin is not a finite number");
            }
        }
        return b.spacing(spacing[0], spacing[1], spacing[2]).origin(origin[0], origin[1], origin[2]).direction(dir);
    }
}
