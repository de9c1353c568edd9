package org.painlab.imaging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.painlab.core.io.AtomicFiles;

/**
 * Writes a volume as an attached-header NRRD file (NRRD0004, little endian, raw or gzip) that the
 * built-in reader reads back to the same voxels, type (see {@link #storedType}) and geometry (LPS {@code space directions} and
 * {@code space origin}). Files are written through a temporary file and moved in, so a failed write
 * never leaves half a volume. The header holds no time stamp: the same volume gives the same header.
 *
 * @since 0.1
 */
public final class NrrdWriter {
    /** How the voxel bytes follow the header. */
    public enum Encoding {
        /** The bytes as they are. */
        RAW("raw"),
        /** The bytes gzip-compressed (masks shrink to almost nothing). */
        GZIP("gzip");

        private final String id;

        Encoding(String id) {
            this.id = id;
        }

        /** The NRRD {@code encoding} value. */
        public String id() {
            return id;
        }
    }

    private final Encoding encoding;

    /** @param encoding raw or gzip */
    public NrrdWriter(Encoding encoding) {
        this.encoding = encoding;
    }

    /**
     * Writes {@code volume} to {@code target} (replacing it) through a temporary file.
     *
     * @throws IOException the file cannot be written
     */
    public void write(Volume volume, Path target) throws IOException {
        AtomicFiles.write(target, out -> write(volume, out));
    }

    /** Writes the header and data to {@code out} (not closed). */
    public void write(Volume volume, OutputStream out) throws IOException {
        VoxelType type = storedType(volume);
        out.write(header(volume, type).getBytes(StandardCharsets.US_ASCII));
        if (encoding == Encoding.GZIP) {
            GZIPOutputStream gz = new GZIPOutputStream(new NonClosing(out), 1 << 16);
            writeData(volume, type, gz);
            gz.finish();
        } else {
            writeData(volume, type, out);
        }
        out.flush();
    }

    /**
     * The type the file gets: the volume's own, unless its values do not fit it (a NIfTI scaled by
     * {@code scl_slope} keeps its stored integer type but holds fractions): then float, or double when a
     * value is not exact in a float. So what is written reads back as the same values.
     */
    public static VoxelType storedType(Volume v) {
        VoxelType t = v.type();
        boolean fits = true;
        boolean floatExact = true;
        int n = v.voxelCount();
        for (int i = 0; i < n; i++) {
            double x = v.value(i);
            if (t.isInteger() && (x != Math.rint(x) || x < lowest(t) || x > highest(t))) {
                fits = false;
            }
            if (t == VoxelType.FLOAT32 && !Double.isNaN(x) && (float) x != x) {
                fits = false;
            }
            if (!Double.isNaN(x) && (float) x != x) {
                floatExact = false;
            }
        }
        return fits ? t : floatExact ? VoxelType.FLOAT32 : VoxelType.FLOAT64;
    }

    private static double lowest(VoxelType t) {
        return switch (t) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case INT64 -> -0x1p63;
            default -> 0;
        };
    }

    private static double highest(VoxelType t) {
        return switch (t) {
            case INT8 -> Byte.MAX_VALUE;
            case UINT8 -> 255;
            case INT16 -> Short.MAX_VALUE;
            case UINT16 -> 65535;
            case INT32 -> Integer.MAX_VALUE;
            case UINT32 -> 4294967295.0;
            case INT64 -> 0x1p63;
            default -> 0x1p64;
        };
    }

    private String header(Volume v, VoxelType type) {
        StringBuilder h = new StringBuilder("NRRD0004\n");
        h.append("# written by PainLab\n");
        h.append("type: ").append(typeName(type)).append('\n');
        h.append("dimension: 3\n");
        h.append("space: left-posterior-superior\n");
        h.append("sizes: ").append(v.nx()).append(' ').append(v.ny()).append(' ').append(v.nz()).append('\n');
        double[] d = v.direction();
        double[] s = v.spacing();
        h.append("space directions:");
        for (int axis = 0; axis < 3; axis++) {
            h.append(" (").append(num(d[axis] * s[axis])).append(',').append(num(d[3 + axis] * s[axis])).append(',')
                    .append(num(d[6 + axis] * s[axis])).append(')');
        }
        h.append('\n');
        h.append("kinds: domain domain domain\n");
        if (type.bytes() > 1) {
            h.append("endian: little\n");
        }
        h.append("encoding: ").append(encoding.id()).append('\n');
        double[] o = v.origin();
        h.append("space origin: (").append(num(o[0])).append(',').append(num(o[1])).append(',').append(num(o[2])).append(")\n");
        h.append('\n');
        return h.toString();
    }

    /** Shortest text that parses back to the same double. */
    private static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x).toLowerCase(Locale.ROOT);
    }

    private static String typeName(VoxelType t) {
        return switch (t) {
            case INT8 -> "int8";
            case UINT8 -> "uint8";
            case INT16 -> "int16";
            case UINT16 -> "uint16";
            case INT32 -> "int32";
            case UINT32 -> "uint32";
            case INT64 -> "int64";
            case UINT64 -> "uint64";
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
        };
    }

    private static void writeData(Volume v, VoxelType t, OutputStream out) throws IOException {
        int n = v.voxelCount();
        int perChunk = Math.max(1, 65536 / t.bytes());
        ByteBuffer buf = ByteBuffer.allocate(perChunk * t.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            double x = v.value(i);
            switch (t) {
                case INT8, UINT8 -> buf.put((byte) (long) x);
                case INT16, UINT16 -> buf.putShort((short) (long) x);
                case INT32, UINT32 -> buf.putInt((int) (long) x);
                case INT64 -> buf.putLong((long) x);
                case UINT64 -> buf.putLong(x >= 0x1p63 ? (long) (x - 0x1p63) ^ Long.MIN_VALUE : (long) x);
                case FLOAT32 -> buf.putFloat((float) x);
                case FLOAT64 -> buf.putDouble(x);
            }
            if (!buf.hasRemaining()) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
        }
        out.write(buf.array(), 0, buf.position());
    }

    /** Lets the gzip stream finish without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
