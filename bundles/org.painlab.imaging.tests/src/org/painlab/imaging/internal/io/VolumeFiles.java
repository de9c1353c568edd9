package org.painlab.imaging.internal.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.painlab.imaging.VoxelType;

/** Writes small test files byte by byte, independently of the readers, so a reader bug cannot hide in a shared writer. */
final class VolumeFiles {
    private VolumeFiles() {
    }

    /** {@code values} encoded as {@code type} in {@code order}. */
    static byte[] encode(double[] values, VoxelType type, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(values.length * type.bytes()).order(order);
        for (double v : values) {
            switch (type) {
                case INT8, UINT8 -> b.put((byte) (long) v);
                case INT16, UINT16 -> b.putShort((short) (long) v);
                case INT32, UINT32 -> b.putInt((int) (long) v);
                case INT64, UINT64 -> b.putLong((long) v);
                case FLOAT32 -> b.putFloat((float) v);
                case FLOAT64 -> b.putDouble(v);
            }
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] zlib(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A NIfTI-1 single-file header (348 bytes + 4 extension bytes), little or big endian. */
    static byte[] niftiHeader(ByteOrder order, int[] dims, int datatype, int bitpix, float[] pixdim, float slope, float inter,
            int qformCode, float[] quatern, int sformCode, float[][] srow) {
        ByteBuffer h = ByteBuffer.allocate(352).order(order);
        h.putInt(0, 348);
        h.putShort(40, (short) dims.length);
        for (int i = 0; i < dims.length; i++) {
            h.putShort(42 + 2 * i, (short) dims[i]);
        }
        for (int i = dims.length + 1; i < 8; i++) {
            h.putShort(40 + 2 * i, (short) 1);
        }
        h.putShort(70, (short) datatype);
        h.putShort(72, (short) bitpix);
        for (int i = 0; i < pixdim.length; i++) {
            h.putFloat(76 + 4 * i, pixdim[i]);
        }
        h.putFloat(108, 352f);
        h.putFloat(112, slope);
        h.putFloat(116, inter);
        h.putShort(252, (short) qformCode);
        h.putShort(254, (short) sformCode);
        if (quatern != null) {
            for (int i = 0; i < 6; i++) {
                h.putFloat(256 + 4 * i, quatern[i]);
            }
        }
        if (srow != null) {
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    h.putFloat(280 + 16 * r + 4 * c, srow[r][c]);
                }
            }
        }
        h.put(344, (byte) 'n');
        h.put(345, (byte) '+');
        h.put(346, (byte) '1');
        h.put(347, (byte) 0);
        return h.array();
    }
}
