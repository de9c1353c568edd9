package org.painlab.imaging;

import java.util.Arrays;

/**
 * A 3D scalar image as read from a file (ultrasound, MRI, CT or a mask): the voxel grid, its geometry
 * in patient coordinates (LPS, millimetres, as ITK uses them) and the values. Voxels are stored
 * x fastest, then y, then z ({@code index = x + nx * (y + ny * z)}); types whose values are exact in a
 * float keep float data (half the memory), others double. Immutable.
 *
 * @since 0.1
 */
public final class Volume {
    /** The most voxels a reader allocates (2^28, 1 GiB of floats): a larger header is refused before allocating. */
    public static final long MAX_VOXELS = 1L << 28;

    private final int[] dims;
    private final double[] spacing;
    private final double[] origin;
    private final double[] direction;
    private final VoxelType type;
    private final float[] floats;
    private final double[] doubles;
    private final double min;
    private final double max;

    private Volume(int[] dims, double[] spacing, double[] origin, double[] direction, VoxelType type, float[] floats,
            double[] doubles) {
        this.dims = dims.clone();
        this.spacing = spacing.clone();
        this.origin = origin.clone();
        this.direction = direction.clone();
        this.type = type;
        this.floats = floats;
        this.doubles = doubles;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = voxelCount();
        for (int i = 0; i < n; i++) {
            double v = value(i);
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        this.min = lo;
        this.max = hi;
    }

    /** Starts a volume of {@code nx * ny * nz} voxels (1 mm isotropic, origin 0, identity direction). */
    public static Builder builder(int nx, int ny, int nz) {
        return new Builder(nx, ny, nz);
    }

    /** Voxels along x, y, z. */
    public int[] dims() {
        return dims.clone();
    }

    public int nx() {
        return dims[0];
    }

    public int ny() {
        return dims[1];
    }

    public int nz() {
        return dims[2];
    }

    /** Number of voxels. */
    public int voxelCount() {
        return dims[0] * dims[1] * dims[2];
    }

    /** Voxel size along x, y, z in mm. */
    public double[] spacing() {
        return spacing.clone();
    }

    /** Position of the centre of voxel (0,0,0), LPS mm. */
    public double[] origin() {
        return origin.clone();
    }

    /** Direction cosines, row-major 3x3; column k is the unit direction of voxel axis k in LPS. */
    public double[] direction() {
        return direction.clone();
    }

    /** The scalar type the file stored. */
    public VoxelType type() {
        return type;
    }

    /** Whether the values are kept as floats (else doubles). */
    public boolean hasFloatData() {
        return floats != null;
    }

    /** Value of voxel {@code index} (x fastest). */
    public double value(int index) {
        return floats != null ? floats[index] : doubles[index];
    }

    /** Value of voxel (x, y, z). */
    public double value(int x, int y, int z) {
        return value(x + dims[0] * (y + dims[1] * z));
    }

    /** Smallest value (NaN voxels ignored; +Infinity for a volume of NaNs only). */
    public double min() {
        return min;
    }

    /** Largest value. */
    public double max() {
        return max;
    }

    /** Whether {@code other} has the same grid and geometry (within 1e-4 mm and 1e-4 in direction). */
    public boolean sameGeometry(Volume other) {
        return Arrays.equals(dims, other.dims) && close(spacing, other.spacing) && close(origin, other.origin)
                && close(direction, other.direction);
    }

    private static boolean close(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-4) {
                return false;
            }
        }
        return true;
    }

    /** Collects a volume's parts; {@link #build()} checks that they fit together. */
    public static final class Builder {
        private final int[] dims;
        private double[] spacing = {1, 1, 1};
        private double[] origin = {0, 0, 0};
        private double[] direction = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        private VoxelType type = VoxelType.FLOAT64;
        private float[] floats;
        private double[] doubles;

        private Builder(int nx, int ny, int nz) {
            if (nx < 1 || ny < 1 || nz < 1) {
                throw new IllegalArgumentException("dims must be positive, found " + nx + " x " + ny + " x " + nz);
            }
            if ((long) nx * ny * nz > MAX_VOXELS) {
                throw new IllegalArgumentException("more than " + MAX_VOXELS + " voxels: " + nx + " x " + ny + " x " + nz);
            }
            this.dims = new int[] {nx, ny, nz};
        }

        public Builder spacing(double sx, double sy, double sz) {
            for (double s : new double[] {sx, sy, sz}) {
                if (!(s > 0) || Double.isInfinite(s)) {
                    throw new IllegalArgumentException("spacing must be positive and finite, found " + s);
                }
            }
            this.spacing = new double[] {sx, sy, sz};
            return this;
        }

        public Builder origin(double ox, double oy, double oz) {
            this.origin = new double[] {ox, oy, oz};
            return this;
        }

        /** @param rowMajor 3x3 direction cosines, column k = direction of axis k */
        public Builder direction(double[] rowMajor) {
            if (rowMajor.length != 9) {
                throw new IllegalArgumentException("direction needs 9 values, found " + rowMajor.length);
            }
            this.direction = rowMajor.clone();
            return this;
        }

        public Builder type(VoxelType t) {
            this.type = t;
            return this;
        }

        /** Float values (not copied: the builder takes ownership). */
        public Builder data(float[] values) {
            this.floats = values;
            this.doubles = null;
            return this;
        }

        /** Double values (not copied: the builder takes ownership). */
        public Builder data(double[] values) {
            this.doubles = values;
            this.floats = null;
            return this;
        }

        /** The volume; refuses data whose length is not the voxel count. */
        public Volume build() {
            int n = dims[0] * dims[1] * dims[2];
            int len = floats != null ? floats.length : doubles != null ? doubles.length : -1;
            if (len != n) {
                throw new IllegalArgumentException("data holds " + Math.max(len, 0) + " values, dims " + dims[0] + " x "
                        + dims[1] + " x " + dims[2] + " need " + n);
            }
            return new Volume(dims, spacing, origin, direction, type, floats, doubles);
        }
    }
}
