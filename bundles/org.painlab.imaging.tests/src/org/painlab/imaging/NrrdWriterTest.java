package org.painlab.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.painlab.imaging.internal.io.NrrdReader;

/** Every voxel type, raw and gzip: what the writer writes, the NRRD reader reads back alike. */
class NrrdWriterTest {
    @TempDir
    Path tmp;

    private static Volume sample(VoxelType type) {
        int n = 5 * 4 * 3;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = switch (type) {
                case INT8 -> i - 30;
                case UINT8 -> i * 4;
                case INT16 -> (i - 30) * 1000;
                case UINT16 -> i * 1000;
                case INT32 -> (i - 30) * 70_000_000L / 30;
                case UINT32 -> i * 70_000_000L;
                case INT64 -> (i - 30) * 1_000_000_000_000L;
                case UINT64 -> i * 1_000_000_000_000L;
                case FLOAT32 -> (float) (i * 0.1 - 2.5);
                case FLOAT64 -> i * 0.123456789 - 3;
            };
        }
        // an oblique, flipped geometry: direction columns are not the axes
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        return Volume.builder(5, 4, 3).spacing(0.7, 1.25, 2.5).origin(-10.5, 3.25, 100).direction(new double[] {c, -s, 0, s, c, 0, 0, 0, -1})
                .type(type).data(d).build();
    }

    @ParameterizedTest
    @EnumSource(VoxelType.class)
    void rawRoundTrip(VoxelType type) throws Exception {
        roundTrip(type, NrrdWriter.Encoding.RAW);
    }

    @ParameterizedTest
    @EnumSource(VoxelType.class)
    void gzipRoundTrip(VoxelType type) throws Exception {
        roundTrip(type, NrrdWriter.Encoding.GZIP);
    }

    private void roundTrip(VoxelType type, NrrdWriter.Encoding encoding) throws Exception {
        Volume v = sample(type);
        Path f = tmp.resolve(type.id() + "-" + encoding.id() + ".nrrd");
        new NrrdWriter(encoding).write(v, f);
        Volume back = new NrrdReader().read(f);
        assertEquals(type, back.type());
        assertArrayEquals(v.dims(), back.dims());
        assertArrayEquals(v.spacing(), back.spacing(), 1e-12);
        assertArrayEquals(v.origin(), back.origin(), 1e-12);
        assertArrayEquals(v.direction(), back.direction(), 1e-12);
        for (int i = 0; i < v.voxelCount(); i++) {
            assertEquals(v.value(i), back.value(i), 0.0, "voxel " + i);
        }
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "no temporary file left");
        }
    }
}
