package org.painlab.imaging.internal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.VoxelType;

/** NIfTI-1 files written byte by byte: every datatype, both byte orders, gzip, scaling, qform and sform. */
class NiftiReaderTest {
    @TempDir
    Path tmp;

    private final NiftiReader reader = new NiftiReader();

    private static final float[] PIXDIM = {1, 2, 3, 4, 0, 0, 0, 0};

    private static byte[] file(VoxelType t, ByteOrder order, double[] values, float slope, float inter) {
        byte[] h = VolumeFiles.niftiHeader(order, new int[] {3, 2, 1}, Samples.NIFTI.get(t), 8 * t.bytes(), PIXDIM, slope, inter, 0, null,
                0, null);
        return VolumeFiles.concat(h, VolumeFiles.encode(values, t, order));
    }

    private static double[] values(Volume v) {
        double[] out = new double[v.voxelCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.value(i);
        }
        return out;
    }

    @Test
    void everyDatatypeBothByteOrdersPlainAndGzipped() throws Exception {
        for (VoxelType t : VoxelType.values()) {
            double[] expected = Samples.VALUES.get(t);
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                byte[] bytes = file(t, order, expected, 0, 0);
                Path nii = tmp.resolve(t.id() + order + ".nii");
                Files.write(nii, bytes);
                Path gz = tmp.resolve(t.id() + order + ".nii.gz");
                Files.write(gz, VolumeFiles.gzip(bytes));
                for (Path p : new Path[] {nii, gz}) {
                    Volume v = reader.read(p);
                    assertEquals(t, v.type(), p.toString());
                    assertArrayEquals(new int[] {3, 2, 1}, v.dims());
                    assertArrayEquals(expected, values(v), 0, p.toString());
                    assertArrayEquals(new double[] {2, 3, 4}, v.spacing(), 1e-12, "pixdim without qform/sform");
                }
            }
        }
    }

    @Test
    void slopeAndInterceptScaleTheValues() throws Exception {
        Path p = tmp.resolve("scaled.nii");
        Files.write(p, file(VoxelType.INT16, ByteOrder.LITTLE_ENDIAN, new double[] {0, 1, 2, 3, 4, -5}, 0.5f, -10f));
        assertArrayEquals(new double[] {-10, -9.5, -9, -8.5, -8, -12.5}, values(reader.read(p)), 1e-12);
    }

    @Test
    void qformQuaternionGivesLpsGeometry() throws Exception {
        // quaternion (b, c, d) = (0, 0, 1): 180 degrees about z, i.e. RAS x and y flipped = LPS identity
        byte[] h = VolumeFiles.niftiHeader(ByteOrder.LITTLE_ENDIAN, new int[] {3, 2, 1}, 2, 8, PIXDIM, 1, 0, 1,
                new float[] {0, 0, 1, 10, 20, 30}, 0, null);
        Path p = tmp.resolve("q.nii");
        Files.write(p, VolumeFiles.concat(h, new byte[6]));
        Volume v = reader.read(p);
        assertArrayEquals(new double[] {2, 3, 4}, v.spacing(), 1e-6);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, v.direction(), 1e-6);
        assertArrayEquals(new double[] {-10, -20, 30}, v.origin(), 1e-6);
    }

    @Test
    void sformWinsOverQform() throws Exception {
        byte[] h = VolumeFiles.niftiHeader(ByteOrder.BIG_ENDIAN, new int[] {3, 2, 1}, 2, 8, PIXDIM, 1, 0, 1,
                new float[] {0, 0, 1, 10, 20, 30}, 2, new float[][] {{0, 1.5f, 0, 5}, {-1.5f, 0, 0, 6}, {0, 0, 2, 7}});
        Path p = tmp.resolve("s.nii");
        Files.write(p, VolumeFiles.concat(h, new byte[6]));
        Volume v = reader.read(p);
        assertArrayEquals(new double[] {1.5, 1.5, 2}, v.spacing(), 1e-6);
        // RAS columns x -> (0,-1.5,0), y -> (1.5,0,0); in LPS x -> (0,1.5,0), y -> (-1.5,0,0)
        assertArrayEquals(new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1}, v.direction(), 1e-6);
        assertArrayEquals(new double[] {-5, -6, 7}, v.origin(), 1e-6);
    }

    private ImagingException refused(String name, byte[] content) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, content);
        ImagingException e = assertThrows(ImagingException.class, () -> reader.read(p));
        assertTrue(e.getMessage().contains(p.toString()), "names the file: " + e.getMessage());
        return e;
    }

    @Test
    void truncatedOrOversizedDataIsRefusedNamingDim() throws Exception {
        byte[] whole = file(VoxelType.INT16, ByteOrder.LITTLE_ENDIAN, Samples.VALUES.get(VoxelType.INT16), 0, 0);
        ImagingException e = refused("cut.nii", Arrays.copyOf(whole, whole.length - 2));
        assertEquals("dim", e.field());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertEquals("dim", refused("long.nii", VolumeFiles.concat(whole, new byte[4])).field());
        assertEquals("header", refused("stub.nii", Arrays.copyOf(whole, 200)).field());
    }

    @Test
    void unknownDatatypeBitpixAndMagicAreRefused() throws Exception {
        byte[] complex = VolumeFiles.niftiHeader(ByteOrder.LITTLE_ENDIAN, new int[] {1, 1, 1}, 32, 64, PIXDIM, 0, 0, 0, null, 0, null);
        assertEquals("datatype", refused("complex.nii", VolumeFiles.concat(complex, new byte[8])).field());
        byte[] bitpix = VolumeFiles.niftiHeader(ByteOrder.LITTLE_ENDIAN, new int[] {1, 1, 1}, 4, 8, PIXDIM, 0, 0, 0, null, 0, null);
        assertEquals("bitpix", refused("bitpix.nii", VolumeFiles.concat(bitpix, new byte[2])).field());
        byte[] magic = file(VoxelType.UINT8, ByteOrder.LITTLE_ENDIAN, Samples.VALUES.get(VoxelType.UINT8), 0, 0);
        magic[345] = 'i';
        magic[346] = '1';
        assertEquals("magic", refused("pair.nii", magic).field());
        byte[] notNifti = new byte[400];
        assertEquals("sizeof_hdr", refused("zero.nii", notNifti).field());
    }

    @Test
    void wrongOrBrokenGzipIsRefusedNamingGzip() throws Exception {
        byte[] plain = file(VoxelType.UINT8, ByteOrder.LITTLE_ENDIAN, Samples.VALUES.get(VoxelType.UINT8), 0, 0);
        assertEquals("gzip", refused("plain.nii.gz", plain).field());
        byte[] gz = VolumeFiles.gzip(plain);
        assertEquals("gzip", refused("broken.nii.gz", Arrays.copyOf(gz, gz.length / 2)).field());
        byte[] corrupt = gz.clone();
        corrupt[2] = 7; // compression method other than deflate
        assertEquals("gzip", refused("method.nii.gz", corrupt).field());
    }

    @Test
    void moreThanThreeDimensionsIsRefused() throws Exception {
        byte[] h = VolumeFiles.niftiHeader(ByteOrder.LITTLE_ENDIAN, new int[] {1, 1, 1, 2}, 2, 8, PIXDIM, 0, 0, 0, null, 0, null);
        assertEquals("dim[4]", refused("4d.nii", VolumeFiles.concat(h, new byte[2])).field());
    }
}
