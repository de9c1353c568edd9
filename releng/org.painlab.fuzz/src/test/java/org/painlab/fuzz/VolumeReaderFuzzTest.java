package org.painlab.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.NrrdWriter;
import org.painlab.imaging.Volume;
import org.painlab.imaging.VolumeReader;
import org.painlab.imaging.internal.io.MetaImageReader;
import org.painlab.imaging.internal.io.NiftiReader;
import org.painlab.imaging.internal.io.NrrdReader;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The built-in volume readers (NRRD, NIfTI-1 plain and gzip, MetaImage) on fuzzed files seeded from
 * VolumeReaderFuzzTestInputs: the first byte picks the format (0 .nrrd, 1 .nii, 2 .nii.gz, 3 .mha, modulo 4),
 * the rest is the file. The oracle: a reader either returns a volume that holds together (dims within the
 * limit, positive spacing, finite geometry, and the same voxels after a NRRD write and read, in the type
 * {@link NrrdWriter#storedType} chooses) or throws an
 * {@link ImagingException} naming the file; any other exception or error is a finding.
 */
class VolumeReaderFuzzTest {
    private static final String[] NAMES = {"v.nrrd", "v.nii", "v.nii.gz", "v.mha"};
    private Path dir;

    @BeforeEach
    void open() throws IOException {
        dir = Files.createTempDirectory("painlab-volume-fuzz");
    }

    @AfterEach
    void close() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static VolumeReader reader(int format) {
        return switch (format) {
            case 0 -> new NrrdReader();
            case 1, 2 -> new NiftiReader();
            default -> new MetaImageReader();
        };
    }

    @FuzzTest(maxDuration = "20s")
    void fuzz(byte[] data) throws Exception {
        if (data.length == 0) {
            return;
        }
        int format = Math.floorMod(data[0], 4);
        Path file = dir.resolve(NAMES[format]);
        Files.write(file, Arrays.copyOfRange(data, 1, data.length));
        Volume v;
        try {
            v = reader(format).read(file);
        } catch (ImagingException e) {
            if (e.file() == null || !e.getMessage().startsWith(file.toString())) {
                throw new AssertionError("refusal does not name the file: " + e.getMessage(), e);
            }
            return;
        }
        check(v, file);
    }

    private void check(Volume v, Path file) throws IOException, ImagingException {
        long n = (long) v.nx() * v.ny() * v.nz();
        if (n != v.voxelCount() || n > Volume.MAX_VOXELS || v.nx() < 1 || v.ny() < 1 || v.nz() < 1) {
            throw new AssertionError(file + ": volume of impossible dims " + Arrays.toString(v.dims()));
        }
        for (double s : v.spacing()) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new AssertionError(file + ": spacing " + Arrays.toString(v.spacing()));
            }
        }
        for (double d : v.direction()) {
            if (!Double.isFinite(d)) {
                throw new AssertionError(file + ": direction " + Arrays.toString(v.direction()));
            }
        }
        for (double o : v.origin()) {
            if (!Double.isFinite(o)) {
                throw new AssertionError(file + ": origin " + Arrays.toString(v.origin()));
            }
        }
        if (n > 1_000_000) {
            return;
        }
        Path copy = dir.resolve("copy.nrrd");
        new NrrdWriter(NrrdWriter.Encoding.RAW).write(v, copy);
        Volume back = new NrrdReader().read(copy);
        // a type that cannot hold the values (a NIfTI scaled by scl_slope into fractions) is written as float/double
        if (back.type() != NrrdWriter.storedType(v) || !Arrays.equals(back.dims(), v.dims())) {
            throw new AssertionError(file + ": NRRD copy is " + back.type() + " " + Arrays.toString(back.dims()) + ", expected "
                    + NrrdWriter.storedType(v) + " " + Arrays.toString(v.dims()));
        }
        for (int i = 0; i < v.voxelCount(); i++) {
            if (Double.compare(v.value(i), back.value(i)) != 0) {
                throw new AssertionError(file + ": voxel " + i + " is " + v.value(i) + ", its NRRD copy " + back.value(i));
            }
        }
    }
}
