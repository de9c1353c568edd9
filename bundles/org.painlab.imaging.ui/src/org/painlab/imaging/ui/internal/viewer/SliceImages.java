package org.painlab.imaging.ui.internal.viewer;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.painlab.imaging.Volume;

/**
 * Builds the picture of one slice from the voxels, on demand: a 24-bit {@link ImageData} with the grey of each
 * voxel under the window and, where the mask is non-zero, the overlay colour blended in. Only the slice's
 * voxels are read, so moving a slider on a 128^3 volume costs 16384 voxels, not the volume.
 */
public final class SliceImages {
    private static final PaletteData RGB_PALETTE = new PaletteData(0xFF0000, 0xFF00, 0xFF);

    private SliceImages() {
    }

    /** The voxel values of a slice, row by row (for tests and the export of a slice). */
    public static double[] values(Volume v, Plane plane, int slice) {
        int w = plane.width(v);
        int h = plane.height(v);
        double[] out = new double[w * h];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int[] p = plane.voxel(v, slice, col, row);
                out[row * w + col] = v.value(p[0], p[1], p[2]);
            }
        }
        return out;
    }

    /**
     * @param image the volume
     * @param mask its mask (same grid) or null
     * @param plane the plane
     * @param slice the slice index along the plane's axis
     * @param window the grey mapping
     * @param overlay the mask colour
     * @param opacity 0 (mask hidden) .. 1 (mask opaque)
     * @return the slice, one pixel per voxel
     */
    public static ImageData slice(Volume image, Volume mask, Plane plane, int slice, WindowLevel window, RGB overlay,
            double opacity) {
        int w = plane.width(image);
        int h = plane.height(image);
        ImageData data = new ImageData(w, h, 24, RGB_PALETTE);
        byte[] line = new byte[w * 3];
        double a = Math.max(0, Math.min(1, opacity));
        boolean withMask = mask != null && a > 0;
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int[] p = plane.voxel(image, slice, col, row);
                int g = window.grey(image.value(p[0], p[1], p[2]));
                int r = g;
                int gr = g;
                int b = g;
                if (withMask && mask.value(p[0], p[1], p[2]) != 0) {
                    r = blend(g, overlay.red, a);
                    gr = blend(g, overlay.green, a);
                    b = blend(g, overlay.blue, a);
                }
                // a 24-bit pixel is stored most significant byte first: red, green, blue with these masks
                line[col * 3] = (byte) r;
                line[col * 3 + 1] = (byte) gr;
                line[col * 3 + 2] = (byte) b;
            }
            System.arraycopy(line, 0, data.data, row * data.bytesPerLine, line.length);
        }
        return data;
    }

    private static int blend(int grey, int colour, double alpha) {
        return (int) Math.round(grey * (1 - alpha) + colour * alpha);
    }
}
