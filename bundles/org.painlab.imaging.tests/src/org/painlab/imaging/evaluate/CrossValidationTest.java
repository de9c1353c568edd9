package org.painlab.imaging.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.painlab.imaging.Classifiers;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.Classifier;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.classify.TrainingSettings;

/** The contributed random forest through the registry, grouped cross-validation and the metrics. */
class CrossValidationTest {
    private static final TrainingSettings SMALL = new TrainingSettings(7, Map.of("trees", "60", "trees_per_step", "20"));

    private static Classifier rf() {
        return new Classifiers().require("rf");
    }

    @Test
    void randomForestIsContributedThroughThePoint() {
        assertTrue(new Classifiers().list().stream().anyMatch(c -> c.id().equals("rf")
                && c.contributor().equals("org.painlab.imaging")), new Classifiers().list().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Classifiers().require("svm"));
        assertTrue(e.getMessage().contains("rf"), "names the installed ones: " + e.getMessage());
    }

    @Test
    void learnsASeparableFeatureSet() {
        List<Case> cases = SyntheticCases.make(30, 4, 3.0, 1);
        List<OutOfFold> oof = new CrossValidation().run(rf(), cases, 5, SMALL, TrainingListener.NONE, null);
        assertEquals(cases.size(), oof.size());
        BinaryMetrics m = BinaryMetrics.of(oof);
        assertTrue(m.auc() > 0.9, "AUC " + m.auc());
        assertTrue(m.accuracy() > 0.8, "accuracy " + m.accuracy());
    }

    @Test
    void randomFeaturesScoreNearChance() {
        List<Case> cases = SyntheticCases.make(40, 4, 0.0, 2);
        BinaryMetrics m = BinaryMetrics.of(new CrossValidation().run(rf(), cases, 5, SMALL, TrainingListener.NONE, null));
        assertTrue(Math.abs(m.auc() - 0.5) < 0.15, "AUC " + m.auc());
    }

    @Test
    void noPatientOnBothSidesAndFoldsAreStratified() {
        List<Case> cases = SyntheticCases.make(23, 3, 1.0, 3);
        PatientFolds folds = PatientFolds.of(cases, 4, 99);
        for (int f = 0; f < 4; f++) {
            Set<String> test = new HashSet<>();
            folds.part(cases, f, true).forEach(c -> test.add(c.patientId()));
            for (Case c : folds.part(cases, f, false)) {
                assertFalse(test.contains(c.patientId()), "patient " + c.patientId() + " on both sides of fold " + f);
            }
            long positives = folds.part(cases, f, true).stream().filter(c -> c.label() == 1).count();
            assertTrue(positives > 0 && positives < folds.part(cases, f, true).size(), "fold " + f + " has both labels");
        }
        assertEquals(folds.foldOf("P5"), PatientFolds.of(cases, 4, 99).foldOf("P5"), "same seed, same folds");
        // and the out-of-fold predictions record a fold their patient's volumes share
        Map<String, Integer> foldOfPatient = new HashMap<>();
        for (OutOfFold o : new CrossValidation().run(rf(), cases, 4, SMALL, TrainingListener.NONE, null)) {
            Integer held = foldOfPatient.putIfAbsent(o.patientId(), o.fold());
            assertTrue(held == null || held == o.fold(), o.toString());
        }
    }

    @Test
    void savedModelGradesAlike() throws Exception {
        List<Case> cases = SyntheticCases.make(20, 3, 1.5, 4);
        TrainedModel model = rf().train(cases, SMALL, TrainingListener.NONE, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        TrainedModel back = rf().load(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals("rf", back.classifierId());
        for (Case c : SyntheticCases.make(10, 2, 1.5, 5)) {
            assertEquals(model.probability(c), back.probability(c), 0.0, c.id());
        }
    }

    @Test
    void sameSeedSameModelAndStepsAreReported() {
        List<Case> cases = SyntheticCases.make(16, 2, 1.0, 6);
        int[] steps = new int[2];
        TrainedModel a = rf().train(cases, SMALL, (step, total, loss, accuracy) -> {
            steps[0] = step;
            steps[1] = total;
            assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
        }, null);
        TrainedModel b = rf().train(cases, SMALL, TrainingListener.NONE, null);
        assertEquals(3, steps[1], "60 trees in steps of 20");
        assertEquals(3, steps[0]);
        Case probe = SyntheticCases.make(1, 1, 1.0, 8).get(0);
        assertEquals(a.probability(probe), b.probability(probe), 0.0);
    }

    @Test
    void cancellingStopsTraining() {
        NullProgressMonitor monitor = new NullProgressMonitor();
        List<Case> cases = SyntheticCases.make(16, 2, 1.0, 6);
        assertThrows(OperationCanceledException.class, () -> rf().train(cases, SMALL, (step, total, loss, acc) -> {
            monitor.setCanceled(true);
        }, monitor));
    }

    @Test
    void refusesOneClassAndMissingFeatures() {
        List<Case> negatives = SyntheticCases.make(10, 2, 1.0, 9).stream().filter(c -> c.label() == 0).toList();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rf().train(negatives, SMALL, TrainingListener.NONE, null));
        assertTrue(e.getMessage().contains("one class"), e.getMessage());
        List<Case> cases = SyntheticCases.make(10, 2, 1.0, 9);
        TrainedModel m = rf().train(cases, SMALL, TrainingListener.NONE, null);
        Case lacking = new Case("X1", "PX", -1, Map.of("noise_0", 1.0), () -> null, () -> null);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> m.probability(lacking));
        assertTrue(missing.getMessage().contains("X1") && missing.getMessage().contains("missing"), missing.getMessage());
    }

    @Test
    void aFeatureSomeVolumesLackIsLeftOut() {
        List<Case> cases = new java.util.ArrayList<>(SyntheticCases.make(12, 2, 2.0, 12));
        Case first = cases.get(0);
        Map<String, Double> fewer = new HashMap<>(first.features());
        fewer.remove("noise_3");
        Case lacking = new Case(first.id(), first.patientId(), first.label(), fewer, first.volume(), first.mask());
        cases.set(0, lacking);
        TrainedModel m = rf().train(cases, SMALL, TrainingListener.NONE, null);
        double p = m.probability(lacking);
        assertTrue(p >= 0 && p <= 1, "graded without the feature it never learnt: " + p);
        Case empty = new Case("E1", "PE", 0, Map.of(), () -> null, () -> null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rf().train(List.of(empty, cases.get(1)), SMALL, TrainingListener.NONE, null));
        assertTrue(e.getMessage().contains("E1") && e.getMessage().contains("texture features"), e.getMessage());
    }

    @Test
    void metricsOfAHandCountedExample() {
        // positives 0.9, 0.6, 0.4; negatives 0.7, 0.3, 0.1: 7 of 9 pairs ordered right
        List<OutOfFold> p = List.of(new OutOfFold("a", "1", 1, 0.9, 0), new OutOfFold("b", "2", 1, 0.6, 0),
                new OutOfFold("c", "3", 1, 0.4, 0), new OutOfFold("d", "4", 0, 0.7, 0),
                new OutOfFold("e", "5", 0, 0.3, 0), new OutOfFold("f", "6", 0, 0.1, 0));
        BinaryMetrics m = BinaryMetrics.of(p);
        assertEquals(7 / 9.0, m.auc(), 1e-12);
        assertEquals(2 / 3.0, m.sensitivity(), 1e-12);
        assertEquals(2 / 3.0, m.specificity(), 1e-12);
        assertEquals(4 / 6.0, m.accuracy(), 1e-12);
        assertEquals(0.4, m.youdenThreshold(), 1e-12, "sens 1, spec 2/3 at 0.4");
        assertEquals(1.0, m.youdenSensitivity(), 1e-12);
        assertEquals(7, m.roc().size(), "(0,0) and one point per distinct probability");
    }
}
