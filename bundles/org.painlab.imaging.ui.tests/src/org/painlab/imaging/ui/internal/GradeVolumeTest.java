package org.painlab.imaging.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.UiThreadGuard;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.core.ui.ScreenCapture;
import org.painlab.core.ui.UiJobs;
import org.painlab.imaging.Classifiers;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.classify.TrainingSettings;
import org.painlab.imaging.store.ImagingStore;
import org.painlab.imaging.store.SavedModels;
import org.painlab.imaging.store.SimulatedStudy;
import org.painlab.imaging.store.StoredFeatures;
import org.painlab.imaging.store.StoredVolume;
import org.painlab.imaging.store.VolumeFeaturesAnalysis;
import org.painlab.imaging.store.VolumeGradingAnalysis;
import org.painlab.imaging.synth.CohortModel;
import org.painlab.imaging.synth.CohortSimulator;
import org.painlab.imaging.synth.UltrasoundModel;
import org.painlab.imaging.ui.internal.handlers.GradeVolumeDialog;
import org.painlab.imaging.ui.internal.handlers.GradeVolumeHandler;

/** Imaging > Grade Volume...: the dialog lists the saved models; the job grades a volume file and stores it. */
class GradeVolumeTest {
    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            ImagingFixture.studies().close(study);
        }
    }

    @Test
    void gradesAVolumeWithASavedForestInAJobAndStoresIt() throws Exception {
        ImagingFixture.imaging();
        Path dir = new NewStudy(StudySchemas.contributed()).create(tmp.resolve("g"), "g", null, 0, null);
        study = ImagingFixture.studies().open(dir);
        new SimulatedStudy(new CohortSimulator(CohortModel.defaults(), UltrasoundModel.defaults().withSize(20, 32, 8)))
                .addTo(study, 6, 5, "test", new NullProgressMonitor());
        new AnalysisRunner().run(study, VolumeFeaturesAnalysis.ID, Map.of(), "test", new NullProgressMonitor());
        ImagingStore store = new ImagingStore(study);
        List<Case> cases = store.cases().stream().filter(c -> c.label() >= 0).toList();
        TrainedModel model = new Classifiers().require("rf").train(cases, new TrainingSettings(2, Map.of("trees", "30")),
                TrainingListener.NONE, null);
        SavedModels.SavedModel saved = new SavedModels(study).save(1, model,
                new StoredFeatures(study).recipe(cases).orElseThrow());
        Case target = cases.get(3);
        StoredVolume v = store.get(Long.parseLong(target.id())).orElseThrow();
        Path image = store.path(v);
        Path mask = store.path(store.get(v.maskId()).orElseThrow());

        UiThreadGuard.Recording guard = UiThreadGuard.record();
        // Imaging > Grade Volume reads the saved models in a job before its dialog opens
        List<List<SavedModels.SavedModel>> listed = new ArrayList<>();
        GradeVolumeHandler.readModels(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), study, listed::add);
        ImagingFixture.waitForJobs(UiJobs.FAMILY, 30_000);
        ImagingFixture.processUntil(() -> !listed.isEmpty(), 10_000);
        assertEquals(1, listed.size());
        assertEquals(List.of(saved.trainingResult()), listed.get(0).stream().map(SavedModels.SavedModel::trainingResult).toList());
        GradeVolumeDialog d = new GradeVolumeDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                new SavedModels(study).list());
        d.setBlockOnOpen(false);
        d.open();
        try {
            d.fill(0, image.toString(), mask.toString());
            ImagingFixture.processEvents();
            Path shot = Path.of(System.getProperty("painlab.screenshots", "target/screenshots"), "grade-volume.png");
            ScreenCapture.save(d.getShell(), shot);
            assertTrue(Files.size(shot) > 1000, "screenshot written");
        } finally {
            d.close();
        }

        List<String> shown = new ArrayList<>();
        List<Boolean> ok = new ArrayList<>();
        GradeVolumeHandler.start(study, saved, image, mask, Display.getCurrent(), (success, text) -> {
            ok.add(success);
            shown.add(text);
        });
        ImagingFixture.waitForJobs(GradeVolumeHandler.JOB_FAMILY, 60_000);
        ImagingFixture.processUntil(() -> !shown.isEmpty(), 10_000);
        guard.close();
        assertEquals(List.of(), guard.through("GradeVolumeDialog"), "the dialog reads nothing on the UI thread");
        assertEquals(List.of(), guard.through("GradeVolumeHandler"), "grading reads and stores in a job");
        assertEquals(List.of(true), ok, shown.toString());
        StoredResult stored = new ResultStore(study).list().stream().filter(r -> r.analysisId().equals(VolumeGradingAnalysis.ID))
                .findFirst().orElseThrow();
        Map<?, ?> row = (Map<?, ?>) ((List<?>) stored.body().get("cases")).get(0);
        assertEquals(model.probability(target), ((Number) row.get("probability")).doubleValue(), 0);
        assertEquals(GradeVolumeHandler.summary(stored), shown.get(0));
        assertTrue(shown.get(0).contains("probability " + String.format(java.util.Locale.ROOT, "%.4f", model.probability(target))),
                shown.get(0));

        // without the mask the job reports why, and stores nothing more
        shown.clear();
        ok.clear();
        GradeVolumeHandler.start(study, saved, image, null, Display.getCurrent(), (success, text) -> {
            ok.add(success);
            shown.add(text);
        });
        ImagingFixture.waitForJobs(GradeVolumeHandler.JOB_FAMILY, 60_000);
        ImagingFixture.processUntil(() -> !shown.isEmpty(), 10_000);
        assertEquals(List.of(false), ok);
        assertTrue(shown.get(0).contains("mask"), shown.get(0));
        assertEquals(1, new ResultStore(study).list().stream().filter(r -> r.analysisId().equals(VolumeGradingAnalysis.ID)).count());
        assertFalse(GradeVolumeHandler.parameters(saved, image, null).containsKey(VolumeGradingAnalysis.MASK));
    }
}
