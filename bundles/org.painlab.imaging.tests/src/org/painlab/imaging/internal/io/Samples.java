package org.painlab.imaging.internal.io;

import java.util.Map;

import org.painlab.imaging.VoxelType;

/** Six voxel values per type that probe its range (sign, high bit, extremes), exact in a double. */
final class Samples {
    static final Map<VoxelType, double[]> VALUES = Map.of(
            VoxelType.INT8, new double[] {-128, -1, 0, 5, 127, 3},
            VoxelType.UINT8, new double[] {0, 1, 128, 200, 255, 7},
            VoxelType.INT16, new double[] {-32768, -1, 0, 300, 32767, 12},
            VoxelType.UINT16, new double[] {0, 1, 40000, 65535, 2, 3},
            VoxelType.INT32, new double[] {-2147483648, -1, 0, 70000, 2147483647, 9},
            VoxelType.UINT32, new double[] {0, 1, 3000000000.0, 4294967295.0, 5, 6},
            VoxelType.INT64, new double[] {-9007199254740992.0, -1, 0, 1e12, 9007199254740992.0, 8},
            VoxelType.UINT64, new double[] {0, 1, 1e15, 9007199254740992.0, 3, 4},
            VoxelType.FLOAT32, new double[] {-1.5, 0, 3.25, 1024.5, -0.125, 7},
            VoxelType.FLOAT64, new double[] {-1.5e-300, 0, Math.PI, 1e300, -0.1, 7});

    /** NRRD's name of each type. */
    static final Map<VoxelType, String> NRRD = Map.of(VoxelType.INT8, "signed char", VoxelType.UINT8, "uchar",
            VoxelType.INT16, "short", VoxelType.UINT16, "ushort", VoxelType.INT32, "int", VoxelType.UINT32, "uint",
            VoxelType.INT64, "longlong", VoxelType.UINT64, "ulonglong", VoxelType.FLOAT32, "float", VoxelType.FLOAT64, "double");

    /** NIfTI-1 datatype codes. */
    static final Map<VoxelType, Integer> NIFTI = Map.of(VoxelType.UINT8, 2, VoxelType.INT16, 4, VoxelType.INT32, 8,
            VoxelType.FLOAT32, 16, VoxelType.FLOAT64, 64, VoxelType.INT8, 256, VoxelType.UINT16, 512, VoxelType.UINT32, 768,
            VoxelType.INT64, 1024, VoxelType.UINT64, 1280);

    /** MetaImage element types. */
    static final Map<VoxelType, String> META = Map.of(VoxelType.INT8, "MET_CHAR", VoxelType.UINT8, "MET_UCHAR",
            VoxelType.INT16, "MET_SHORT", VoxelType.UINT16, "MET_USHORT", VoxelType.INT32, "MET_INT", VoxelType.UINT32, "MET_UINT",
            VoxelType.INT64, "MET_LONG_LONG", VoxelType.UINT64, "MET_ULONG_LONG", VoxelType.FLOAT32, "MET_FLOAT",
            VoxelType.FLOAT64, "MET_DOUBLE");

    private Samples() {
    }
}
