package org.painlab.imaging.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.data.ClusteredObservations;
import org.painlab.core.data.StudyData;
import org.painlab.core.result.StoredResult;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.synth.CohortModel;
import org.painlab.imaging.synth.CohortSimulator;
import org.painlab.imaging.synth.UltrasoundModel;

/** IBSI features of a study's volumes as a stored result with provenance, read back by cases and the data provider. */
class VolumeFeaturesAnalysisTest {
    @TempDir
    Path tmp;

    private static Study simulated(Path dir, int patients) throws StudyException {
        Study study = Study.create(dir, "sim", StudySchemas.contributed());
        new SimulatedStudy(new CohortSimulator(CohortModel.defaults(), UltrasoundModel.defaults().withSize(20, 32, 8)))
                .addTo(study, patients, 3, "test", new NullProgressMonitor());
        return study;
    }

    @Test
    void featuresAreStoredWithProvenanceAndReproducedByARerun() throws Exception {
        try (Study study = simulated(tmp.resolve("s"), 2)) {
            assertEquals(16L, study.info().count("volumes"));
            AnalysisRunner runner = new AnalysisRunner();
            StoredResult r = runner.run(study, VolumeFeaturesAnalysis.ID, Map.of(VolumeFeaturesAnalysis.DISCRETISATION, "bin-number:16"),
                    "tester", new NullProgressMonitor());
            assertEquals(VolumeFeaturesAnalysis.ID, r.analysisId());
            assertEquals("bin-number:16", r.parameters().get(VolumeFeaturesAnalysis.DISCRETISATION));
            assertEquals(64, r.inputsHash().length());
            List<?> volumes = (List<?>) r.body().get("volumes");
            assertEquals(16, volumes.size());
            Map<?, ?> settings = (Map<?, ?>) r.body().get("settings");
            assertEquals(Map.of("method", "fixed-bin-number", "bins", 16), settings.get("discretisation"));
            // the IBSI families of a masked volume, keyed by code (and aggregation)
            Map<?, ?> first = (Map<?, ?>) ((Map<?, ?>) volumes.get(0)).get("features");
            assertEquals(208, first.size(), "features per volume (the IBSI 210 without Moran and Geary)");
            assertTrue(first.containsKey("stat.mean"), "mean intensity is there");
            assertTrue(first.containsKey("ivh.V10") && first.containsKey("ivh.V90"), "features sharing an IBSI code keep their own keys");
            assertTrue(first.containsKey("cm.joint.max.ITBB") && first.containsKey("cm.joint.max.IAZD"), first.keySet().toString());

            AnalysisRunner.Check check = runner.check(study, r.id(), new NullProgressMonitor());
            assertTrue(check.reproduced(), "re-run gives the same inputs and body");
            StoredResult again = runner.run(study, VolumeFeaturesAnalysis.ID, Map.of(VolumeFeaturesAnalysis.DISCRETISATION, "bin-number:16"),
                    "tester", new NullProgressMonitor());
            assertEquals(r.id(), again.id(), "an identical run is not stored twice");

            List<Case> cases = new ImagingStore(study).cases();
            Case c0 = cases.get(0);
            Map<?, ?> row0 = volumes.stream().map(v -> (Map<?, ?>) v).filter(v -> c0.id().equals(v.get("volume_id"))).findFirst().orElseThrow();
            Map<?, ?> f0 = (Map<?, ?>) row0.get("features");
            assertEquals(((Number) f0.get("stat.mean")).doubleValue(), c0.features().get("stat.mean"), 0.0);
            assertFalse(c0.features().isEmpty());

            // the data provider offers the same numbers to any area
            ClusteredObservations obs = new StudyData().clusteredObservations(study).stream()
                    .filter(o -> o.name().equals("volume")).findFirst().orElseThrow();
            assertEquals(16, obs.size());
            assertEquals(2, obs.clusters().size());
            assertTrue(obs.columns().containsAll(List.of("label", "mri_grade", "stat.mean")));
            int i0 = java.util.stream.IntStream.range(0, obs.size()).filter(i -> obs.observationId(i).equals(c0.id())).findFirst().orElseThrow();
            assertEquals(c0.features().get("stat.mean"), obs.values("stat.mean")[i0], 0.0);
            assertEquals(c0.label(), obs.values("label")[i0], 0.0);
        }
    }

    @Test
    void aLaterRunForOneSubjectUpdatesOnlyThatSubject() throws Exception {
        try (Study study = simulated(tmp.resolve("s"), 2)) {
            AnalysisRunner runner = new AnalysisRunner();
            runner.run(study, VolumeFeaturesAnalysis.ID, Map.of(), "t", null);
            Map<String, Map<String, Double>> before = features(study);
            StoredResult one = runner.run(study, VolumeFeaturesAnalysis.ID,
                    Map.of(VolumeFeaturesAnalysis.SUBJECT, "US001", VolumeFeaturesAnalysis.DISCRETISATION, "bin-number:8"), "t", null);
            assertEquals(8, ((List<?>) one.body().get("volumes")).size());
            Map<String, Map<String, Double>> after = features(study);
            for (Case c : new ImagingStore(study).cases()) {
                boolean changed = !before.get(c.id()).equals(after.get(c.id()));
                assertEquals(c.patientId().equals("US001"), changed, c.id() + " of " + c.patientId());
            }
        }
    }

    private static Map<String, Map<String, Double>> features(Study study) throws StudyException {
        Map<String, Map<String, Double>> out = new java.util.HashMap<>();
        for (Case c : new ImagingStore(study).cases()) {
            out.put(c.id(), c.features());
        }
        return out;
    }

    @Test
    void theJobStoresTheResultWithProgressAndCanBeCancelled() throws Exception {
        try (Study study = simulated(tmp.resolve("s"), 1)) {
            java.util.concurrent.atomic.AtomicInteger worked = new java.util.concurrent.atomic.AtomicInteger();
            VolumeFeaturesJob job = new VolumeFeaturesJob(study, Map.of(VolumeFeaturesAnalysis.SUBJECT, "US001"), "t");
            org.eclipse.core.runtime.IStatus status = job.run(new NullProgressMonitor() {
                @Override
                public void worked(int work) {
                    worked.addAndGet(work);
                }
            });
            assertTrue(status.isOK(), status.getMessage());
            assertTrue(worked.get() > 0, "progress is reported");
            assertEquals(VolumeFeaturesAnalysis.ID, job.result().analysisId());
            assertEquals(1L, study.info().count("results"));
            NullProgressMonitor cancelled = new NullProgressMonitor();
            cancelled.setCanceled(true);
            VolumeFeaturesJob stopped = new VolumeFeaturesJob(study, Map.of(VolumeFeaturesAnalysis.DISCRETISATION, "bin-number:4"), "t");
            assertEquals(org.eclipse.core.runtime.IStatus.CANCEL, stopped.run(cancelled).getSeverity());
            assertEquals(1L, study.info().count("results"), "a cancelled run stores nothing");
        }
    }

    @Test
    void wrongParametersAreNamed() throws Exception {
        try (Study study = simulated(tmp.resolve("s"), 1)) {
            AnalysisRunner runner = new AnalysisRunner();
            StudyException e = assertThrows(StudyException.class, () -> runner.run(study, VolumeFeaturesAnalysis.ID,
                    Map.of(VolumeFeaturesAnalysis.DISCRETISATION, "bins:7"), "t", null));
            assertTrue(e.getMessage().contains("parameter 'discretisation'"), e.getMessage());
            e = assertThrows(StudyException.class, () -> runner.run(study, VolumeFeaturesAnalysis.ID,
                    Map.of(VolumeFeaturesAnalysis.SUBJECT, "nobody"), "t", null));
            assertTrue(e.getMessage().contains("subject 'nobody' has no volumes"), e.getMessage());
            assertEquals(0L, study.info().count("results"));
        }
    }
}
