package org.painlab.imaging.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
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
import org.painlab.core.result.StoredResult;
import org.painlab.imaging.Classifiers;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.Classifier;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.classify.TrainingSettings;
import org.painlab.imaging.synth.CohortModel;
import org.painlab.imaging.synth.CohortSimulator;
import org.painlab.imaging.synth.UltrasoundModel;

/**
 * A model on features saved with its feature settings grades a new volume file exactly as it grades the same
 * volume's stored features, through the grading analysis (stored with provenance, reproduced by a re-run);
 * models saved without the settings (or before the header existed) still load.
 */
class VolumeGradingAnalysisTest {
    @TempDir
    Path tmp;

    @Test
    void savedForestGradesAVolumeFileLikeItsStoredFeatures() throws Exception {
        try (Study study = Study.create(tmp.resolve("s"), "sim", StudySchemas.contributed())) {
            new SimulatedStudy(new CohortSimulator(CohortModel.defaults(), UltrasoundModel.defaults().withSize(20, 32, 8)))
                    .addTo(study, 4, 3, "test", new NullProgressMonitor());
            AnalysisRunner runner = new AnalysisRunner();
            StoredResult features = runner.run(study, VolumeFeaturesAnalysis.ID,
                    Map.of(VolumeFeaturesAnalysis.DISCRETISATION, "bin-number:16"), "tester", new NullProgressMonitor());
            ImagingStore store = new ImagingStore(study);
            List<Case> cases = store.cases().stream().filter(c -> c.label() >= 0).toList();
            FeatureRecipe recipe = new StoredFeatures(study).recipe(cases).orElseThrow();
            assertEquals("bin-number:16", recipe.discretisation());
            assertEquals("3d-averaged,3d-merged", recipe.aggregations());
            assertEquals(0, recipe.moranMaxVoxels());
            assertEquals(List.of(features.id()), recipe.featureResults());
            assertEquals(208, recipe.featureKeys().size());
            Classifier rf = new Classifiers().require("rf");
            TrainedModel model = rf.train(cases, new TrainingSettings(3, Map.of("trees", "40")), TrainingListener.NONE, null);
            SavedModels models = new SavedModels(study);
            SavedModels.SavedModel saved = models.save(7, model, recipe);
            assertEquals(List.of(saved), models.list());
            SavedModels.SavedModel found = models.find("rf", null).orElseThrow();
            assertEquals(recipe, found.recipe(), "the recipe reads back as saved");
            assertTrue(Files.readString(found.file(), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("painlab-model/1\n{"));

            Case target = cases.get(5);
            StoredVolume v = store.get(Long.parseLong(target.id())).orElseThrow();
            Path image = store.path(v);
            Path mask = store.path(store.get(v.maskId()).orElseThrow());
            Map<String, String> p = Map.of(VolumeGradingAnalysis.MODEL, "rf", VolumeGradingAnalysis.VOLUME, image.toString(),
                    VolumeGradingAnalysis.MASK, mask.toString());
            StoredResult graded = runner.run(study, VolumeGradingAnalysis.ID, p, "tester", new NullProgressMonitor());
            Map<?, ?> row = (Map<?, ?>) ((List<?>) graded.body().get("cases")).get(0);
            double expected = model.probability(target);
            assertEquals(expected, ((Number) row.get("probability")).doubleValue(), 0, "the same probability as from the stored features");
            assertEquals(expected >= 0.5 ? 1 : 0, ((Number) row.get("grade")).intValue());
            assertEquals("7", graded.body().get("training_result"));
            assertEquals(recipe.describe(), graded.body().get("feature_settings"));
            assertTrue(runner.check(study, graded.id(), new NullProgressMonitor()).reproduced(), "a re-run gives the same grading");

            // without the mask a model on features cannot grade; one saved without settings says why it cannot
            StudyException noMask = assertThrows(StudyException.class, () -> runner.run(study, VolumeGradingAnalysis.ID,
                    Map.of(VolumeGradingAnalysis.MODEL, "rf", VolumeGradingAnalysis.VOLUME, image.toString()), "tester", null));
            assertTrue(noMask.getMessage().contains("mask"), noMask.getMessage());
            models.save(8, model, null);
            StudyException noRecipe = assertThrows(StudyException.class, () -> runner.run(study, VolumeGradingAnalysis.ID,
                    Map.of(VolumeGradingAnalysis.MODEL, "rf", VolumeGradingAnalysis.VOLUME, image.toString(),
                            VolumeGradingAnalysis.MASK, mask.toString()), "tester", null));
            assertTrue(noRecipe.getMessage().contains("feature settings"), noRecipe.getMessage());

            // a file of the classifier's bytes alone (saved before the header) still loads and grades
            ByteArrayOutputStream bare = new ByteArrayOutputStream();
            model.save(bare);
            Files.write(models.folder().resolve("rf-result9.model"), bare.toByteArray());
            SavedModels.SavedModel old = models.find("rf", 9L).orElseThrow();
            assertTrue(old.featureRecipe().isEmpty());
            assertEquals(expected, SavedModels.load(old, rf).probability(target), 0);
            assertEquals(List.of(7L, 8L, 9L), models.list().stream().map(SavedModels.SavedModel::trainingResult).toList());

            // a damaged model file is refused naming the file and what is wrong
            byte[] whole = Files.readAllBytes(saved.file());
            Files.write(models.folder().resolve("rf-result10.model"), java.util.Arrays.copyOf(whole, whole.length - 20));
            StudyException cut = assertThrows(StudyException.class, () -> runner.run(study, VolumeGradingAnalysis.ID,
                    Map.of(VolumeGradingAnalysis.MODEL, "rf", VolumeGradingAnalysis.TRAINING_RESULT, "10",
                            VolumeGradingAnalysis.VOLUME, image.toString(), VolumeGradingAnalysis.MASK, mask.toString()), "tester", null));
            assertTrue(cut.getMessage().contains("rf-result10.model") && cut.getMessage().contains("truncated"), cut.getMessage());
        }
    }

    @Test
    void recipeOfAFeatureTableIsEmptyAndALaterVersionIsRefused() throws Exception {
        try (Study study = Study.create(tmp.resolve("t"), "t", StudySchemas.contributed())) {
            Case tableRow = new Case("P1-V1", "P1", 1, Map.of("a", 1.0), () -> null, () -> null);
            assertTrue(new StoredFeatures(study).recipe(List.of(tableRow)).isEmpty());
        }
        Map<String, Object> later = new java.util.LinkedHashMap<>(FeatureRecipe.of(
                VolumeFeaturesAnalysis.settings(Map.of()), List.of("stat.mean"), List.of(1L)).describe());
        assertEquals("bin-number:32", later.get("discretisation"));
        later.put("version", FeatureRecipe.VERSION + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureRecipe.read(later));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }
}
