package org.painlab.imaging;

/**
 * The scalar type voxels had in the file: kept with the volume so a user sees what was stored
 * (a 16-bit ultrasound volume, a float CT) even though values are read as numbers.
 *
 * @since 0.1
 */
public enum VoxelType {
    INT8(1, true), UINT8(1, true), INT16(2, true), UINT16(2, true), INT32(4, true), UINT32(4, true),
    INT64(8, true), UINT64(8, true), FLOAT32(4, false), FLOAT64(8, false);

    private final int bytes;
    private final boolean integer;

    VoxelType(int bytes, boolean integer) {
        this.bytes = bytes;
        this.integer = integer;
    }

    /** Bytes per voxel in the file. */
    public int bytes() {
        return bytes;
    }

    /** Whether the type holds integers. */
    public boolean isInteger() {
        return integer;
    }

    /** Whether every value of the type is exact in a {@code float} (so the volume can keep float data). */
    public boolean fitsFloat() {
        return this == INT8 || this == UINT8 || this == INT16 || this == UINT16 || this == FLOAT32;
    }

    /** Lower-case name used in JSON and messages, e.g. {@code uint8}, {@code float32}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
