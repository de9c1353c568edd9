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

/** NRRD files written byte by byte for every type, endianness and encoding, and headers that lie. */
class NrrdReaderTest {
    @TempDir
    Path tmp;

    private final NrrdReader reader = new NrrdReader();

    private static String header(VoxelType t, String encoding, String endian, String extra) {
        return "NRRD0004\n# written by the test\ntype: " + Samples.NRRD.get(t) + "\ndimension: 3\nsizes: 3 2 1\n"
                + (endian == null ? "" : "endian: " + endian + "\n") + "encoding: " + encoding + "\n" + extra;
    }

    private static double[] values(Volume v) {
        double[] out = new double[v.voxelCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.value(i);
        }
        return out;
    }

    @Test
    void everyTypeInRawAndGzipBothEndiannessesAndAscii() throws Exception {
        for (VoxelType t : VoxelType.values()) {
            double[] expected = Samples.VALUES.get(t);
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                String endian = order == ByteOrder.BIG_ENDIAN ? "big" : "little";
                byte[] data = VolumeFiles.encode(expected, t, order);
                Path raw = tmp.resolve(t.id() + "-" + endian + "-raw.nrrd");
                Files.write(raw, VolumeFiles.concat(VolumeFiles.ascii(header(t, "raw", endian, "\n")), data));
                Path gz = tmp.resolve(t.id() + "-" + endian + "-gz.nrrd");
                Files.write(gz, VolumeFiles.concat(VolumeFiles.ascii(header(t, "gzip", endian, "\n")), VolumeFiles.gzip(data)));
                for (Path p : new Path[] {raw, gz}) {
                    Volume v = reader.read(p);
                    assertEquals(t, v.type(), p.toString());
                    assertArrayEquals(new int[] {3, 2, 1}, v.dims());
                    assertArrayEquals(expected, values(v), 0, p.toString());
                    assertEquals(Arrays.stream(expected).min().getAsDouble(), v.min(), p.toString());
                    assertEquals(Arrays.stream(expected).max().getAsDouble(), v.max(), p.toString());
                }
            }
            StringBuilder text = new StringBuilder();
            for (double d : expected) {
                text.append(t.isInteger() ? Long.toString((long) d) : Double.toString(d)).append(' ');
            }
            Path ascii = tmp.resolve(t.id() + "-ascii.nrrd");
            Files.writeString(ascii, header(t, "ascii", null, "\n") + text + "\n");
            assertArrayEquals(expected, values(reader.read(ascii)), 0, ascii.toString());
        }
    }

    @Test
    void floatTypesKeepFloatDataOthersDouble() throws Exception {
        Path p = tmp.resolve("f.nrrd");
        Files.write(p, VolumeFiles.concat(VolumeFiles.ascii(header(VoxelType.UINT8, "raw", null, "\n")),
                VolumeFiles.encode(Samples.VALUES.get(VoxelType.UINT8), VoxelType.UINT8, ByteOrder.LITTLE_ENDIAN)));
        assertTrue(reader.read(p).hasFloatData(), "uint8 values are exact in floats");
        Path q = tmp.resolve("d.nrrd");
        Files.write(q, VolumeFiles.concat(VolumeFiles.ascii(header(VoxelType.INT32, "raw", "little", "\n")),
                VolumeFiles.encode(Samples.VALUES.get(VoxelType.INT32), VoxelType.INT32, ByteOrder.LITTLE_ENDIAN)));
        assertTrue(!reader.read(q).hasFloatData(), "int32 needs doubles");
    }

    @Test
    void spaceDirectionsAndOriginInRasBecomeLps() throws Exception {
        Path p = tmp.resolve("ras.nrrd");
        Files.writeString(p, header(VoxelType.UINT8, "ascii", null, "space: right-anterior-superior\n"
                + "space directions: (-2,0,0) (0,-3,0) (0,0,4)\nspace origin: (10,20,30)\n\n") + "1 2 3 4 5 6\n");
        Volume v = reader.read(p);
        assertArrayEquals(new double[] {2, 3, 4}, v.spacing(), 1e-12);
        assertArrayEquals(new double[] {-10, -20, 30}, v.origin(), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, v.direction(), 1e-12);
        assertEquals(6, v.value(2, 1, 0));
    }

    @Test
    void rotatedAxesGiveDirectionColumns() throws Exception {
        Path p = tmp.resolve("rot.nrrd");
        Files.writeString(p, header(VoxelType.UINT8, "ascii", null, "space: left-posterior-superior\n"
                + "space directions: (0,1.5,0) (-1.5,0,0) (0,0,2)\n\n") + "1 2 3 4 5 6\n");
        Volume v = reader.read(p);
        assertArrayEquals(new double[] {1.5, 1.5, 2}, v.spacing(), 1e-12);
        assertArrayEquals(new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1}, v.direction(), 1e-12);
    }

    @Test
    void spacingsWithoutSpace() throws Exception {
        Path p = tmp.resolve("sp.nrrd");
        Files.writeString(p, header(VoxelType.UINT8, "ascii", null, "spacings: 0.5 0.25 3\n\n") + "1 2 3 4 5 6\n");
        assertArrayEquals(new double[] {0.5, 0.25, 3}, reader.read(p).spacing(), 1e-12);
    }

    @Test
    void detachedHeaderWithByteAndLineSkip() throws Exception {
        double[] expected = Samples.VALUES.get(VoxelType.INT16);
        byte[] data = VolumeFiles.encode(expected, VoxelType.INT16, ByteOrder.BIG_ENDIAN);
        Files.write(tmp.resolve("vol.raw"), VolumeFiles.concat(VolumeFiles.ascii("a preamble line\n"), new byte[] {9, 9, 9}, data));
        Path nhdr = tmp.resolve("vol.nhdr");
        Files.writeString(nhdr, header(VoxelType.INT16, "raw", "big", "data file: vol.raw\nline skip: 1\nbyte skip: 3\n"));
        assertArrayEquals(expected, values(reader.read(nhdr)), 0);
        Files.write(tmp.resolve("vol2.raw"), VolumeFiles.concat(new byte[] {1, 2, 3, 4, 5}, data));
        Path atEnd = tmp.resolve("end.nhdr");
        Files.writeString(atEnd, header(VoxelType.INT16, "raw", "big", "data file: vol2.raw\nbyte skip: -1\n"));
        assertArrayEquals(expected, values(reader.read(atEnd)), 0, "byte skip -1: the data is the file's last bytes");
        Files.write(tmp.resolve("vol.raw.gz"), VolumeFiles.gzip(data));
        Path gz = tmp.resolve("gz.nhdr");
        Files.writeString(gz, header(VoxelType.INT16, "gzip", "big", "data file: vol.raw.gz\n"));
        assertArrayEquals(expected, values(reader.read(gz)), 0);
    }

    private ImagingException refused(String name, byte[] content) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, content);
        ImagingException e = assertThrows(ImagingException.class, () -> reader.read(p));
        assertTrue(e.getMessage().contains(p.toString()), "names the file: " + e.getMessage());
        return e;
    }

    private static byte[] withData(String header, VoxelType t, double[] values) {
        return VolumeFiles.concat(VolumeFiles.ascii(header), VolumeFiles.encode(values, t, ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void truncatedRawDataIsRefusedNamingSizes() throws Exception {
        byte[] whole = withData(header(VoxelType.INT16, "raw", "little", "\n"), VoxelType.INT16, Samples.VALUES.get(VoxelType.INT16));
        ImagingException e = refused("trunc.nrrd", Arrays.copyOf(whole, whole.length - 1));
        assertEquals("sizes", e.field());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void sizesLargerOrSmallerThanTheDataAreRefused() throws Exception {
        String lying = header(VoxelType.INT16, "raw", "little", "\n").replace("sizes: 3 2 1", "sizes: 3 2 2");
        assertEquals("sizes", refused("big.nrrd", withData(lying, VoxelType.INT16, Samples.VALUES.get(VoxelType.INT16))).field());
        String small = header(VoxelType.INT16, "raw", "little", "\n").replace("sizes: 3 2 1", "sizes: 3 1 1");
        assertEquals("sizes", refused("small.nrrd", withData(small, VoxelType.INT16, Samples.VALUES.get(VoxelType.INT16))).field());
    }

    @Test
    void unknownTypeIsRefusedNamingType() throws Exception {
        ImagingException e = refused("type.nrrd", VolumeFiles.ascii("NRRD0004\ntype: quaternion\ndimension: 3\nsizes: 1 1 1\nencoding: ascii\n\n1\n"));
        assertEquals("type", e.field());
        assertTrue(e.getMessage().contains("quaternion"), e.getMessage());
    }

    @Test
    void dataThatIsNotGzipIsRefusedNamingEncoding() throws Exception {
        ImagingException e = refused("notgz.nrrd", withData(header(VoxelType.UINT8, "gzip", null, "\n"), VoxelType.UINT8,
                Samples.VALUES.get(VoxelType.UINT8)));
        assertEquals("encoding", e.field());
        assertTrue(e.getMessage().contains("gzip"), e.getMessage());
    }

    @Test
    void truncatedGzipIsRefused() throws Exception {
        byte[] gz = VolumeFiles.gzip(new byte[600]);
        String h = "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 10 10 6\nencoding: gzip\n\n";
        ImagingException e = refused("cut.nrrd", VolumeFiles.concat(VolumeFiles.ascii(h), Arrays.copyOf(gz, gz.length - 8)));
        assertEquals("encoding", e.field());
    }

    @Test
    void missingEndianForMultiByteRawIsRefused() throws Exception {
        assertEquals("endian", refused("endian.nrrd", withData(header(VoxelType.INT16, "raw", null, "\n"), VoxelType.INT16,
                Samples.VALUES.get(VoxelType.INT16))).field());
    }

    @Test
    void hugeSizesAreRefusedBeforeAllocating() throws Exception {
        ImagingException e = refused("huge.nrrd", VolumeFiles.ascii("NRRD0004\ntype: float\ndimension: 3\nsizes: 100000 100000 100000\n"
                + "endian: little\nencoding: raw\n\n1234"));
        assertEquals("sizes", e.field());
        assertTrue(e.getMessage().contains("more than"), e.getMessage());
    }

    @Test
    void gzipThatCannotHoldTheSizesIsRefusedBeforeInflating() throws Exception {
        String h = "NRRD0004\ntype: float\ndimension: 3\nsizes: 1000 1000 200\nendian: little\nencoding: gzip\n\n";
        ImagingException e = refused("bomb.nrrd", VolumeFiles.concat(VolumeFiles.ascii(h), VolumeFiles.gzip(new byte[16])));
        assertEquals("encoding", e.field());
    }

    @Test
    void asciiWithTooFewOrTooManyValuesIsRefused() throws Exception {
        assertEquals("sizes", refused("few.nrrd", VolumeFiles.ascii(header(VoxelType.FLOAT32, "ascii", null, "\n") + "1 2 3 4 5\n")).field());
        assertEquals("sizes", refused("many.nrrd", VolumeFiles.ascii(header(VoxelType.FLOAT32, "ascii", null, "\n") + "1 2 3 4 5 6 7\n")).field());
        assertEquals("data", refused("word.nrrd", VolumeFiles.ascii(header(VoxelType.FLOAT32, "ascii", null, "\n") + "1 2 x 4 5 6\n")).field());
    }

    @Test
    void notNrrdMissingFieldsAndMissingDataFile() throws Exception {
        assertEquals("magic", refused("magic.nrrd", VolumeFiles.ascii("P5 3 2\n255\n")).field());
        assertEquals("sizes", refused("nosizes.nrrd", VolumeFiles.ascii("NRRD0004\ntype: float\ndimension: 3\nencoding: ascii\n\n1\n")).field());
        assertEquals("data file", refused("nodata.nhdr", VolumeFiles.ascii(header(VoxelType.UINT8, "raw", null, "data file: gone.raw\n"))).field());
        assertEquals("data", refused("noblank.nrrd", VolumeFiles.ascii(header(VoxelType.UINT8, "raw", null, ""))).field());
        // a data file name the file system refuses (a NUL byte) is the header's fault, as the MetaImage fuzz finding showed
        ImagingException nul = refused("nul.nhdr", VolumeFiles.ascii(header(VoxelType.UINT8, "raw", null, "data file: a\u0000b.raw\n")));
        assertEquals("data file", nul.field());
        assertTrue(nul.getMessage().contains("'a?b.raw' is not a usable file name"), nul.getMessage());
    }
}
