package org.painlab.imaging.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.imaging.Classifiers;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.store.ImagingStore;
import org.painlab.imaging.store.SavedModels;
import org.painlab.imaging.store.StoredVolume;
import org.painlab.imaging.store.VolumeGradingAnalysis;

/** {@code painlab imaging synth|extract|train|grade}: a forest on features grades a volume file of the study. */
class ImagingGradeCliTest {
    @TempDir
    Path tmp;

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void trainedForestGradesASynthVolumeAsItsOwnPrediction() throws Exception {
        Path dir = tmp.resolve("us");
        assertEquals(0, Painlab.run("imaging", "synth", dir.toString(), "--patients", "6", "--seed", "9", "--size", "16x32x6").exitCode());
        Painlab.Result x = Painlab.run("imaging", "extract", dir.toString(), "--bin-number", "24", "--json");
        assertEquals(0, x.exitCode(), x.err());
        Painlab.Result t = Painlab.run("imaging", "train", dir.toString(), "--model", "rf", "--folds", "2", "--seed", "4",
                "--set", "trees=40", "--json");
        assertEquals(0, t.exitCode(), t.err());
        Map<?, ?> settings = (Map<?, ?>) t.json().get("feature_settings");
        assertEquals("bin-number:24", settings.get("discretisation"));
        assertEquals(1, num(settings.get("version")));
        assertEquals(List.of(x.json().get("id").toString()), settings.get("feature_results"));

        Path volume = dir.resolve("files/imaging/US002/right-L3-L4.nrrd");
        Path mask = dir.resolve("files/imaging/US002/right-L3-L4-mask.nrrd");
        Painlab.Result g = Painlab.run("imaging", "grade", dir.toString(), "--model", "rf", volume.toString(), "--mask",
                mask.toString(), "--json");
        assertEquals(0, g.exitCode(), g.err());
        Map<String, Object> m = g.json();
        Map<?, ?> row = (Map<?, ?>) ((List<?>) m.get("cases")).get(0);
        assertEquals(t.json().get("result_id").toString(), m.get("training_result").toString());
        assertEquals(settings, m.get("feature_settings"));

        // the final model's own probability for the same volume, from its stored features
        double own;
        try (Study study = Study.openReadOnly(dir, StudySchemas.contributed())) {
            ImagingStore store = new ImagingStore(study);
            StoredVolume v = store.volumes("US002").stream().filter(s -> store.path(s).endsWith("US002/right-L3-L4.nrrd")).findFirst().orElseThrow();
            Case c = store.cases().stream().filter(k -> k.id().equals(Long.toString(v.id()))).findFirst().orElseThrow();
            SavedModels models = new SavedModels(study);
            TrainedModel model = SavedModels.load(models.find("rf", null).orElseThrow(), new Classifiers().require("rf"));
            own = model.probability(c);
        }
        assertEquals(own, num(row.get("probability")), 0, "the grade of the file is the model's own prediction");
        assertEquals(own >= 0.5 ? 1 : 0, (int) num(row.get("grade")));
        assertEquals(volume.toAbsolutePath().toString(), row.get("volume"));

        // stored with provenance and reproduced by a re-run
        Painlab.Result results = Painlab.run("study", "results", dir.toString(), "--json");
        assertTrue(results.out().contains(VolumeGradingAnalysis.ID), results.out());
        Painlab.Result check = Painlab.run("study", "results", dir.toString(), "--check", m.get("result_id").toString(), "--json");
        assertEquals(Boolean.TRUE, check.json().get("reproduced"), check.out() + check.err());

        Painlab.Result noMask = Painlab.run("imaging", "grade", dir.toString(), "--model", "rf", volume.toString(), "--json");
        assertEquals(1, noMask.exitCode());
        assertTrue(noMask.err().contains("--mask"), noMask.err());
    }
}
