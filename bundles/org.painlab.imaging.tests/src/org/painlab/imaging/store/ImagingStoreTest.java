package org.painlab.imaging.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.NrrdWriter;
import org.painlab.imaging.ScanSite;
import org.painlab.imaging.Volume;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.internal.store.ImagingDataProvider;
import org.painlab.imaging.synth.ScanCondition;
import org.painlab.imaging.synth.SimulatedScan;
import org.painlab.imaging.synth.UltrasoundModel;
import org.painlab.imaging.synth.UltrasoundSimulator;

/** Volumes stored in a study: files and rows, loading checked by SHA-256, cases, nothing half-added. */
class ImagingStoreTest {
    @TempDir
    Path tmp;

    private static final UltrasoundSimulator SIM = new UltrasoundSimulator(UltrasoundModel.defaults().withSize(16, 32, 6));

    private static SimulatedScan scan(long seed) {
        return SIM.simulate(new ScanCondition(0.4, 0, 4, 10, 0, 0, seed));
    }

    private static NewVolume volume(String subject, ScanSite.Side side, String level, Integer grade, long seed) {
        SimulatedScan s = scan(seed);
        return new NewVolume(subject, new ScanSite(side, level), s.image(), s.mask(), grade, 0.4, "simulated", null);
    }

    @Test
    void volumesRoundTripThroughTheStudy() throws Exception {
        try (Study study = Study.create(tmp.resolve("s"), "t", StudySchemas.contributed())) {
            ImagingStore store = new ImagingStore(study);
            NewVolume a = volume("P1", ScanSite.Side.LEFT, "L4-L5", 2, 1);
            StoredVolume sa = store.add(a, "tester");
            store.add(volume("P1", ScanSite.Side.RIGHT, "L4-L5", 0, 2), "tester");
            store.add(volume("P2", ScanSite.Side.LEFT, "L5-S1", null, 3), "tester");
            assertEquals(3, store.volumes().size());
            assertEquals(2, store.volumes("P1").size());
            assertEquals(List.of("P1", "P2"), store.subjects());
            assertEquals("imaging/P1/left-L4-L5.nrrd", sa.file());
            assertTrue(Files.isRegularFile(study.filesFolder().resolve(sa.file())));
            assertEquals(64, sa.sha256().length());
            assertNotNull(sa.maskId());
            StoredVolume got = store.get(sa.id()).orElseThrow();
            assertEquals(sa.file(), got.file());
            assertEquals(2, got.mriGrade());
            assertArrayEquals(new int[] {16, 32, 6}, got.dims());
            Volume back = store.load(got);
            assertTrue(back.sameGeometry(a.image()));
            for (int i = 0; i < back.voxelCount(); i++) {
                assertEquals(a.image().value(i), back.value(i), 0.0);
            }
            Volume mask = store.loadMask(got).orElseThrow();
            for (int i = 0; i < mask.voxelCount(); i++) {
                assertEquals(a.mask().value(i), mask.value(i), 0.0);
            }
            assertEquals(3L, study.info().count("volumes"));
            assertEquals(3L, study.info().count("masks"));
            assertEquals(2L, study.info().count("imaging_subjects"));
        }
    }

    @Test
    void aChangedFileIsRefusedByItsHash() throws Exception {
        try (Study study = Study.create(tmp.resolve("s"), "t", StudySchemas.contributed())) {
            ImagingStore store = new ImagingStore(study);
            StoredVolume v = store.add(volume("P1", ScanSite.Side.LEFT, "L3-L4", 1, 1), null);
            Path f = study.filesFolder().resolve(v.file());
            new NrrdWriter(NrrdWriter.Encoding.RAW).write(scan(99).image(), f);
            ImagingException e = assertThrows(ImagingException.class, () -> store.load(v));
            assertEquals("sha256", e.field());
            assertTrue(e.getMessage().contains("changed since it was stored"), e.getMessage());
        }
    }

    @Test
    void casesCarryPatientLabelAndLazyVoxels() throws Exception {
        try (Study study = Study.create(tmp.resolve("s"), "t", StudySchemas.contributed())) {
            ImagingStore store = new ImagingStore(study);
            store.add(volume("P1", ScanSite.Side.LEFT, "L2-L3", 3, 1), null);
            store.add(volume("P1", ScanSite.Side.RIGHT, "L2-L3", 1, 2), null);
            SimulatedScan s = scan(3);
            store.add(new NewVolume("P2", new ScanSite(ScanSite.Side.LEFT, "L2-L3"), s.image(), null, null, null, "simulated", null), null);
            List<Case> cases = store.cases();
            assertEquals(3, cases.size());
            assertEquals("P1", cases.get(0).patientId());
            assertEquals(1, cases.get(0).label());
            assertEquals(0, cases.get(1).label());
            assertEquals(-1, cases.get(2).label());
            assertTrue(cases.get(0).features().isEmpty(), "no features before extraction");
            assertEquals(16, cases.get(0).volume().get().nx());
            assertNotNull(cases.get(0).mask().get());
            assertNull(cases.get(2).mask().get());
            assertEquals(0, store.cases(4).stream().filter(c -> c.label() == 1).count());
            // a volume whose file is gone fails only when its voxels are asked for
            Files.delete(study.filesFolder().resolve(store.volumes("P2").get(0).file()));
            List<Case> again = store.cases();
            assertThrows(UncheckedIOException.class, () -> again.get(2).volume().get());
        }
    }

    @Test
    void aFailureHalfwayAddsNothing() throws Exception {
        try (Study study = Study.create(tmp.resolve("s"), "t", StudySchemas.contributed())) {
            ImagingStore store = new ImagingStore(study);
            Iterable<NewVolume> failing = () -> new Iterator<>() {
                int n;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public NewVolume next() {
                    if (n++ == 2) {
                        throw new IllegalStateException("generator broke");
                    }
                    return volume("P" + n, ScanSite.Side.LEFT, "L4-L5", 1, n);
                }
            };
            assertThrows(IllegalStateException.class, () -> store.addAll(failing, null));
            assertEquals(0, store.volumes().size());
            try (var files = Files.walk(study.filesFolder())) {
                assertFalse(files.anyMatch(Files::isRegularFile), "volume files written before the failure are removed");
            }
            assertThrows(NoSuchElementException.class, () -> store.get(1).orElseThrow());
        }
    }

    @Test
    void importReadsAFileWithTheReadersAndChecksTheMask() throws Exception {
        SimulatedScan s = scan(5);
        Path image = tmp.resolve("us.nrrd");
        Path mask = tmp.resolve("us-mask.nrrd");
        new NrrdWriter(NrrdWriter.Encoding.RAW).write(s.image(), image);
        new NrrdWriter(NrrdWriter.Encoding.GZIP).write(s.mask(), mask);
        Path wrongMask = tmp.resolve("small-mask.nrrd");
        new NrrdWriter(NrrdWriter.Encoding.RAW).write(Volume.builder(2, 2, 2).data(new float[8]).build(), wrongMask);
        try (Study study = Study.create(tmp.resolve("s"), "t", StudySchemas.contributed())) {
            ImagingStore store = new ImagingStore(study);
            StoredVolume v = store.importVolume(image, mask, "S-7", new ScanSite(ScanSite.Side.RIGHT, "l5-s1"), 2, "lab");
            assertEquals("L5-S1", v.site().level());
            assertEquals("imported", v.source());
            assertEquals(image.toAbsolutePath().toString(), v.originalFile());
            assertEquals(s.image().value(100), store.load(v).value(100), 0.0);
            ImagingException e = assertThrows(ImagingException.class,
                    () -> store.importVolume(image, wrongMask, "S-7", new ScanSite(ScanSite.Side.LEFT, "L4-L5"), null, "lab"));
            assertEquals("geometry", e.field());
            assertEquals(1, store.volumes().size());
        }
    }

    @Test
    void theDataProviderGivesVolumesClusteredBySubject() throws Exception {
        try (Study study = Study.create(tmp.resolve("s"), "t", StudySchemas.contributed())) {
            ImagingStore store = new ImagingStore(study);
            assertTrue(new ImagingDataProvider().clusteredObservations(study).isEmpty());
            store.add(volume("P1", ScanSite.Side.LEFT, "L2-L3", 3, 1), null);
            store.add(volume("P1", ScanSite.Side.RIGHT, "L2-L3", 1, 2), null);
            store.add(volume("P2", ScanSite.Side.LEFT, "L2-L3", null, 3), null);
            var obs = new ImagingDataProvider().clusteredObservations(study).get(0);
            assertEquals("volume", obs.name());
            assertEquals(3, obs.size());
            assertEquals(List.of("P1", "P2"), obs.clusters());
            assertArrayEquals(new double[] {1, 0, Double.NaN}, obs.values("label"));
            assertArrayEquals(new double[] {3, 1, Double.NaN}, obs.values("mri_grade"));
        }
    }
}
