package org.painlab.imaging.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.VoxelType;

/**
 * Turns the bytes behind a header into voxel values, refusing a count that does not match:
 * the size guard (voxel count against the bytes present and {@link Volume#MAX_VOXELS}) runs
 * before anything is allocated, and compressed data must inflate to exactly the bytes needed.
 */
public final class VoxelData {
    /** Deflate cannot expand more than about 1032:1; a header claiming more is lying. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private VoxelData() {
    }

    /** Product of {@code dims}, refused above {@link Volume#MAX_VOXELS}. */
    public static long voxelCount(Path file, String field, int[] dims) throws ImagingException {
        long n = 1;
        for (int d : dims) {
            if (d < 1) {
                throw new ImagingException(file, field, "sizes must be positive, found " + d);
            }
            n *= d;
            if (n > Volume.MAX_VOXELS) {
                throw new ImagingException(file, field, "more than " + Volume.MAX_VOXELS + " voxels; refused before reading");
            }
        }
        return n;
    }

    /** Checks that exactly {@code n} voxels of {@code type} are present in {@code available} bytes. */
    public static void checkRaw(Path file, String field, long n, VoxelType type, long available) throws ImagingException {
        long need = n * type.bytes();
        if (available < need) {
            throw new ImagingException(file, field, "header promises " + n + " " + type.id() + " voxels (" + need
                    + " bytes) but the data holds " + available + " bytes (truncated file or wrong sizes/type)");
        }
        if (available > need) {
            throw new ImagingException(file, field, "header promises " + n + " " + type.id() + " voxels (" + need
                    + " bytes) but the data holds " + available + " bytes (wrong sizes/type?)");
        }
    }

    /** Gunzips {@code in} expecting exactly {@code need} bytes. */
    public static byte[] gunzip(Path file, String field, InputStream in, long compressed, long need) throws ImagingException {
        guardRatio(file, field, compressed, need);
        try (GZIPInputStream gz = new GZIPInputStream(in, 65536)) {
            return readExactly(file, field, gz, need);
        } catch (ZipException e) {
            throw new ImagingException(file, field, "not valid gzip data (" + e.getMessage() + ")", e);
        } catch (java.io.EOFException e) {
            throw new ImagingException(file, field, "gzip data ends early (truncated file)", e);
        } catch (IOException e) {
            throw new ImagingException(file, field, "cannot read gzip data: " + e.getMessage(), e);
        }
    }

    /** Inflates zlib data (MetaImage CompressedData) expecting exactly {@code need} bytes. */
    public static byte[] inflate(Path file, String field, byte[] data, int offset, int length, long need) throws ImagingException {
        guardRatio(file, field, length, need);
        Inflater inf = new Inflater();
        try {
            inf.setInput(data, offset, length);
            byte[] out = new byte[(int) need];
            int got = 0;
            while (got < need && !inf.finished()) {
                int k = inf.inflate(out, got, (int) need - got);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                got += k;
            }
            if (got < need) {
                throw new ImagingException(file, field, "compressed data inflates to " + got + " bytes, header promises " + need
                        + " (truncated file or wrong sizes/type)");
            }
            byte[] probe = new byte[1];
            if (!inf.finished() && inf.inflate(probe) > 0) {
                throw new ImagingException(file, field, "compressed data holds more than the " + need + " bytes the header promises");
            }
            return out;
        } catch (DataFormatException e) {
            throw new ImagingException(file, field, "not valid zlib data (" + e.getMessage() + ")", e);
        } finally {
            inf.end();
        }
    }

    private static void guardRatio(Path file, String field, long compressed, long need) throws ImagingException {
        if (need > compressed * MAX_DEFLATE_RATIO + 4096) {
            throw new ImagingException(file, field, "header promises " + need + " bytes but " + compressed
                    + " compressed bytes cannot hold that much (wrong sizes?)");
        }
        if (need > Integer.MAX_VALUE - 8) {
            throw new ImagingException(file, field, "more than 2 GiB of voxel data is not supported");
        }
    }

    private static byte[] readExactly(Path file, String field, InputStream in, long need) throws IOException, ImagingException {
        byte[] out = new byte[(int) need];
        int got = 0;
        while (got < need) {
            int k = in.read(out, got, (int) need - got);
            if (k < 0) {
                throw new ImagingException(file, field, "data inflates to " + got + " bytes, header promises " + need
                        + " (truncated file or wrong sizes/type)");
            }
            got += k;
        }
        if (in.read() >= 0) {
            throw new ImagingException(file, field, "data holds more than the " + need + " bytes the header promises (wrong sizes/type?)");
        }
        return out;
    }

    /** Decodes {@code n} voxels of {@code type} from {@code bytes} at {@code offset}, optionally scaled. */
    public static Object decode(byte[] bytes, int offset, VoxelType type, ByteOrder order, int n) {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, n * type.bytes()).order(order);
        if (type.fitsFloat()) {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = switch (type) {
                    case INT8 -> b.get();
                    case UINT8 -> b.get() & 0xff;
                    case INT16 -> b.getShort();
                    case UINT16 -> b.getShort() & 0xffff;
                    default -> b.getFloat();
                };
            }
            return f;
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = switch (type) {
                case INT32 -> b.getInt();
                case UINT32 -> b.getInt() & 0xffffffffL;
                case INT64 -> b.getLong();
                case UINT64 -> unsigned(b.getLong());
                default -> b.getDouble();
            };
        }
        return d;
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    /** Puts decoded values ({@code float[]} or {@code double[]}) into a builder. */
    public static Volume.Builder withData(Volume.Builder b, Object data) {
        return data instanceof float[] f ? b.data(f) : b.data((double[]) data);
    }
}
