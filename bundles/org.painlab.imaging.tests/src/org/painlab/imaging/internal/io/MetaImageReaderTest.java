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

/** MetaImage .mha (LOCAL data, plain or zlib) and .mhd + raw, every element type, both byte orders. */
class MetaImageReaderTest {
    @TempDir
    Path tmp;

    private final MetaImageReader reader = new MetaImageReader();

    private static String header(VoxelType t, boolean msb, boolean compressed, String dataFile, String extra) {
        return "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = " + (msb ? "True" : "False") + "\n"
                + "CompressedData = " + (compressed ? "True" : "False") + "\n" + extra + "DimSize = 3 2 1\nElementType = "
                + Samples.META.get(t) + "\nElementDataFile = " + dataFile + "\n";
    }

    private static double[] values(Volume v) {
        double[] out = new double[v.voxelCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.value(i);
        }
        return out;
    }

    @Test
    void everyTypeLocalPlainAndCompressedBothByteOrders() throws Exception {
        for (VoxelType t : VoxelType.values()) {
            double[] expected = Samples.VALUES.get(t);
            for (boolean msb : new boolean[] {false, true}) {
                byte[] data = VolumeFiles.encode(expected, t, msb ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                Path plain = tmp.resolve(t.id() + msb + ".mha");
                Files.write(plain, VolumeFiles.concat(VolumeFiles.ascii(header(t, msb, false, "LOCAL", "")), data));
                Path zipped = tmp.resolve(t.id() + msb + "z.mha");
                Files.write(zipped, VolumeFiles.concat(VolumeFiles.ascii(header(t, msb, true, "LOCAL", "")), VolumeFiles.zlib(data)));
                for (Path p : new Path[] {plain, zipped}) {
                    Volume v = reader.read(p);
                    assertEquals(t, v.type(), p.toString());
                    assertArrayEquals(expected, values(v), 0, p.toString());
                }
            }
        }
    }

    @Test
    void detachedRawWithGeometry() throws Exception {
        double[] expected = Samples.VALUES.get(VoxelType.FLOAT32);
        Files.write(tmp.resolve("vol.raw"), VolumeFiles.encode(expected, VoxelType.FLOAT32, ByteOrder.LITTLE_ENDIAN));
        Path mhd = tmp.resolve("vol.mhd");
        Files.writeString(mhd, header(VoxelType.FLOAT32, false, false, "vol.raw",
                "TransformMatrix = 0 1 0 -1 0 0 0 0 1\nOffset = 1.5 -2 3\nElementSpacing = 0.5 0.5 2\n"));
        Volume v = reader.read(mhd);
        assertArrayEquals(expected, values(v), 0);
        assertArrayEquals(new double[] {0.5, 0.5, 2}, v.spacing(), 1e-12);
        assertArrayEquals(new double[] {1.5, -2, 3}, v.origin(), 1e-12);
        // the first three numbers are the x axis' direction: column 0 = (0, 1, 0)
        assertArrayEquals(new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1}, v.direction(), 1e-12);
    }

    private ImagingException refused(String name, byte[] content) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, content);
        ImagingException e = assertThrows(ImagingException.class, () -> reader.read(p));
        assertTrue(e.getMessage().contains(p.toString()), "names the file: " + e.getMessage());
        return e;
    }

    @Test
    void lyingHeadersAreRefusedNamingTheField() throws Exception {
        byte[] data = VolumeFiles.encode(Samples.VALUES.get(VoxelType.INT16), VoxelType.INT16, ByteOrder.LITTLE_ENDIAN);
        assertEquals("DimSize", refused("cut.mha", VolumeFiles.concat(VolumeFiles.ascii(header(VoxelType.INT16, false, false, "LOCAL", "")),
                Arrays.copyOf(data, data.length - 1))).field());
        assertEquals("ElementType", refused("type.mha", VolumeFiles.ascii(header(VoxelType.INT16, false, false, "LOCAL", "")
                .replace("MET_SHORT", "MET_SHORT_ARRAY"))).field());
        assertEquals("CompressedData", refused("z.mha", VolumeFiles.concat(VolumeFiles.ascii(header(VoxelType.INT16, false, true, "LOCAL", "")),
                data)).field());
        assertEquals("CompressedData", refused("zshort.mha", VolumeFiles.concat(VolumeFiles.ascii(header(VoxelType.INT16, false, true, "LOCAL", "")),
                VolumeFiles.zlib(Arrays.copyOf(data, 10)))).field());
        assertEquals("ElementDataFile", refused("nodata.mha", VolumeFiles.ascii("NDims = 3\nDimSize = 1 1 1\nElementType = MET_UCHAR\n")).field());
        assertEquals("ElementDataFile", refused("gone.mhd", VolumeFiles.ascii(header(VoxelType.INT16, false, false, "gone.raw", ""))).field());
        assertEquals("DimSize", refused("dims.mha", VolumeFiles.ascii(header(VoxelType.INT16, false, false, "LOCAL", "")
                .replace("DimSize = 3 2 1", "DimSize = 3 2"))).field());
    }

    @Test
    void aDataFileNameWithANulByteIsRefusedNamingTheField() throws Exception {
        // fuzz finding (corpus file metaimage-nul-in-data-file-name.mha): binary bytes after LOCAL on the
        // ElementDataFile line made the name a path the file system refuses (InvalidPathException escaped)
        Path p = tmp.resolve("nul.mha");
        Files.write(p, VolumeFiles.concat(VolumeFiles.ascii(header(VoxelType.UINT8, false, false, "LOCAL", "").replace("LOCAL\n", "LOCAL")),
                new byte[] {(byte) 0xfd, 0, 1, 2, 3, 4, 5, 6, 7, '\n'}));
        ImagingException e = assertThrows(ImagingException.class, () -> reader.read(p));
        assertEquals("ElementDataFile", e.field());
        assertTrue(e.getMessage().startsWith(p + ": ElementDataFile: 'LOCAL?"), e.getMessage());
        assertTrue(e.getMessage().contains("not a usable file name"), e.getMessage());
    }
}
