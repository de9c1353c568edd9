package org.painlab.imaging.internal.io;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.VolumeReader;
import org.painlab.imaging.VoxelType;

/**
 * NIfTI-1 single files ({@code .nii}, gzipped {@code .nii.gz}): every scalar datatype, either byte
 * order (found from {@code sizeof_hdr}), {@code scl_slope}/{@code scl_inter} scaling, and orientation
 * from the sform (when {@code sform_code > 0}), else the qform quaternion, else {@code pixdim}.
 * NIfTI's RAS world is turned into LPS (x and y negated), as ITK does.
 */
public final class NiftiReader implements VolumeReader {
    private static final int HEADER = 348;

    @Override
    public Volume read(Path file) throws ImagingException {
        byte[] bytes = Files2.readAll(file);
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            bytes = gunzipWhole(file, bytes);
        } else if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            throw new ImagingException(file, "gzip", "the name ends in .gz but the file is not gzip data");
        }
        if (bytes.length < HEADER) {
            throw new ImagingException(file, "header", "file holds " + bytes.length + " bytes, a NIfTI-1 header needs 348 (truncated file?)");
        }
        ByteBuffer h = ByteBuffer.wrap(bytes, 0, HEADER).order(ByteOrder.LITTLE_ENDIAN);
        if (h.getInt(0) != HEADER) {
            h.order(ByteOrder.BIG_ENDIAN);
            if (h.getInt(0) != HEADER) {
                throw new ImagingException(file, "sizeof_hdr", "expected 348 in either byte order: not a NIfTI-1 file");
            }
        }
        String magic = new String(bytes, 344, 3, java.nio.charset.StandardCharsets.US_ASCII);
        if (!magic.equals("n+1")) {
            throw new ImagingException(file, "magic", magic.equals("ni1")
                    ? "a .hdr/.img pair header: only single .nii files are read"
                    : "expected 'n+1', found '" + magic.replaceAll("[^\\x20-\\x7e]", "?") + "'");
        }
        int ndim = h.getShort(40);
        if (ndim < 1 || ndim > 7) {
            throw new ImagingException(file, "dim[0]", "expected 1 to 7, found " + ndim);
        }
        int[] dims = {1, 1, 1};
        for (int i = 1; i <= ndim; i++) {
            int d = h.getShort(40 + 2 * i);
            if (d < 1) {
                throw new ImagingException(file, "dim[" + i + "]", "must be positive, found " + d);
            }
            if (i <= 3) {
                dims[i - 1] = d;
            } else if (d != 1) {
                throw new ImagingException(file, "dim[" + i + "]", "only 3D scalar volumes are read, found " + ndim + "D with size " + d);
            }
        }
        int datatype = h.getShort(70);
        int bitpix = h.getShort(72);
        VoxelType type = type(file, datatype);
        if (bitpix != 8 * type.bytes()) {
            throw new ImagingException(file, "bitpix", "datatype " + datatype + " has " + 8 * type.bytes() + " bits, header says " + bitpix);
        }
        float voxOffset = h.getFloat(108);
        if (!(voxOffset >= 352) || voxOffset != Math.floor(voxOffset)) {
            throw new ImagingException(file, "vox_offset", "must be a whole number of at least 352, found " + voxOffset);
        }
        long n = VoxelData.voxelCount(file, "dim", dims);
        long available = bytes.length - (long) voxOffset;
        if (available != n * type.bytes()) {
            throw new ImagingException(file, "dim", "header promises " + n + " " + type.id() + " voxels (" + n * type.bytes()
                    + " bytes) but the file holds " + Math.max(0, available) + " after vox_offset ("
                    + (available < n * type.bytes() ? "truncated file or wrong dims/datatype)" : "wrong dims/datatype?)"));
        }
        Object data = VoxelData.decode(bytes, (int) voxOffset, type, h.order(), (int) n);
        float slope = h.getFloat(112);
        float inter = h.getFloat(116);
        if (slope != 0 && Float.isFinite(slope) && !(slope == 1 && inter == 0)) {
            data = scale(data, slope, Float.isFinite(inter) ? inter : 0);
        }
        Volume.Builder b = Volume.builder(dims[0], dims[1], dims[2]).type(type);
        double[][] affine = affine(file, h);
        double[][] axes = new double[3][3];
        double[] origin = new double[3];
        for (int r = 0; r < 3; r++) {
            double flip = r < 2 ? -1 : 1; // RAS -> LPS
            for (int k = 0; k < 3; k++) {
                axes[k][r] = flip * affine[r][k];
            }
            origin[r] = flip * affine[r][3];
        }
        Geometry.apply(b, file, "sform/qform/pixdim", axes, origin);
        return VoxelData.withData(b, data).build();
    }

    private static Object scale(Object data, double slope, double inter) {
        int n = data instanceof float[] f ? f.length : ((double[]) data).length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double v = data instanceof float[] f ? f[i] : ((double[]) data)[i];
            out[i] = v * slope + inter;
        }
        return out;
    }

    /** The voxel-to-RAS affine, 3 rows of 4. */
    private static double[][] affine(Path file, ByteBuffer h) throws ImagingException {
        int qformCode = h.getShort(252);
        int sformCode = h.getShort(254);
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            pixdim[i] = h.getFloat(76 + 4 * i);
        }
        if (sformCode > 0) {
            double[][] a = new double[3][4];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    a[r][c] = h.getFloat(280 + 16 * r + 4 * c);
                }
            }
            return a;
        }
        for (int i = 1; i <= 3; i++) {
            if (!(pixdim[i] > 0)) {
                throw new ImagingException(file, "pixdim[" + i + "]", "voxel size must be positive, found " + pixdim[i]);
            }
        }
        if (qformCode > 0) {
            double b = h.getFloat(256);
            double c = h.getFloat(260);
            double d = h.getFloat(264);
            double a2 = 1 - (b * b + c * c + d * d);
            double a = a2 > 1e-7 ? Math.sqrt(a2) : 0;
            if (a == 0) {
                double norm = Math.sqrt(b * b + c * c + d * d);
                b /= norm;
                c /= norm;
                d /= norm;
            }
            double[][] r = {
                {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
                {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
                {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
            double qfac = pixdim[0] < 0 ? -1 : 1;
            double[][] out = new double[3][4];
            for (int row = 0; row < 3; row++) {
                out[row][0] = r[row][0] * pixdim[1];
                out[row][1] = r[row][1] * pixdim[2];
                out[row][2] = r[row][2] * pixdim[3] * qfac;
                out[row][3] = h.getFloat(268 + 4 * row);
            }
            return out;
        }
        return new double[][] {{pixdim[1], 0, 0, 0}, {0, pixdim[2], 0, 0}, {0, 0, pixdim[3], 0}};
    }

    private static VoxelType type(Path file, int datatype) throws ImagingException {
        return switch (datatype) {
            case 2 -> VoxelType.UINT8;
            case 4 -> VoxelType.INT16;
            case 8 -> VoxelType.INT32;
            case 16 -> VoxelType.FLOAT32;
            case 64 -> VoxelType.FLOAT64;
            case 256 -> VoxelType.INT8;
            case 512 -> VoxelType.UINT16;
            case 768 -> VoxelType.UINT32;
            case 1024 -> VoxelType.INT64;
            case 1280 -> VoxelType.UINT64;
            default -> throw new ImagingException(file, "datatype", "code " + datatype
                    + " is not a scalar type this reader takes (complex, RGB and 128-bit types are not read)");
        };
    }

    private static byte[] gunzipWhole(Path file, byte[] gz) throws ImagingException {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz), 65536)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(Math.max(1024, gz.length * 4));
            byte[] buf = new byte[65536];
            int k;
            long limit = Volume.MAX_VOXELS * 8 + 1_000_000;
            while ((k = in.read(buf)) > 0) {
                out.write(buf, 0, k);
                if (out.size() > limit || out.size() > Integer.MAX_VALUE - 65544) {
                    throw new ImagingException(file, "gzip", "inflates to more than any volume this reader takes");
                }
            }
            return out.toByteArray();
        } catch (java.util.zip.ZipException e) {
            throw new ImagingException(file, "gzip", "not valid gzip data (" + e.getMessage() + ")", e);
        } catch (java.io.EOFException e) {
            throw new ImagingException(file, "gzip", "gzip data ends early (truncated file)", e);
        } catch (java.io.IOException e) {
            throw new ImagingException(file, "gzip", "cannot read: " + e.getMessage(), e);
        }
    }
}
