package org.painlab.imaging.ui.internal.viewer;

import org.painlab.imaging.Volume;

/**
 * The three orthogonal planes of a volume and how a slice of each is laid out on screen. Axial: columns x,
 * rows y (slice z). Coronal: columns x, rows z with superior up (slice y). Sagittal: columns y, rows z with
 * superior up (slice x). "Superior up" follows the LPS convention the readers convert to.
 */
public enum Plane {
    AXIAL("Axial", 2), CORONAL("Coronal", 1), SAGITTAL("Sagittal", 0);

    private final String label;
    private final int axis;

    Plane(String label, int axis) {
        this.label = label;
        this.axis = axis;
    }

    public String label() {
        return label;
    }

    /** The voxel axis the slice index runs along (0 x, 1 y, 2 z). */
    public int axis() {
        return axis;
    }

    /** The voxel axis along the columns of the slice. */
    public int columnAxis() {
        return this == SAGITTAL ? 1 : 0;
    }

    /** The voxel axis along the rows of the slice. */
    public int rowAxis() {
        return this == AXIAL ? 1 : 2;
    }

    public int slices(Volume v) {
        return v.dims()[axis];
    }

    public int width(Volume v) {
        return v.dims()[columnAxis()];
    }

    public int height(Volume v) {
        return v.dims()[rowAxis()];
    }

    /**
     * The voxel shown at a pixel of a slice.
     *
     * @return x, y, z
     */
    public int[] voxel(Volume v, int slice, int column, int row) {
        int[] xyz = new int[3];
        xyz[axis] = slice;
        xyz[columnAxis()] = column;
        // z grows upwards on screen, so the top row is the last z
        xyz[rowAxis()] = this == AXIAL ? row : v.dims()[2] - 1 - row;
        return xyz;
    }

    /** The physical size (mm) of a pixel along the columns and the rows, for aspect-correct drawing. */
    public double[] pixelSize(Volume v) {
        return new double[] { v.spacing()[columnAxis()], v.spacing()[rowAxis()] };
    }
}
