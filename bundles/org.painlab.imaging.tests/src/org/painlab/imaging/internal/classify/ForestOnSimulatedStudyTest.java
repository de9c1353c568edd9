package org.painlab.imaging.internal.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.junit.jupiter.api.Test;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.Classifier;
import org.painlab.imaging.classify.ClassifierInput;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.classify.TrainingSettings;
import org.painlab.imaging.evaluate.BinaryMetrics;
import org.painlab.imaging.evaluate.CrossValidation;
import org.painlab.imaging.features.Feature;
import org.painlab.imaging.features.FeatureExtractor;
import org.painlab.imaging.features.FeatureSet;
import org.painlab.imaging.store.VolumeFeaturesAnalysis;
import org.painlab.imaging.synth.CohortModel;
import org.painlab.imaging.synth.CohortSimulator;
import org.painlab.imaging.synth.PlannedScan;
import org.painlab.imaging.synth.SimulatedScan;
import org.painlab.imaging.synth.UltrasoundModel;

/**
 * The new forest against the Tribuo forest rf used before, on IBSI features of a simulated ultrasound study
 * (as {@code imaging synth} makes, smaller: 20 patients x 8 volumes of 32 x 32 x 16), the same patient-grouped
 * folds and seed: their cross-validated AUCs must be comparable.
 */
class ForestOnSimulatedStudyTest {
    /** The old rf (Tribuo, 300 trees in steps of 25, depth 12), as a classifier for {@link CrossValidation}. */
    private static final class TribuoForest implements Classifier {
        @Override
        public ClassifierInput input() {
            return ClassifierInput.FEATURES;
        }

        @Override
        public Map<String, String> defaults() {
            return Map.of();
        }

        @Override
        public TrainedModel train(List<Case> training, TrainingSettings settings, TrainingListener listener,
                IProgressMonitor monitor) {
            return TribuoForests.train(training, settings.seed(), 300, 25, 12);
        }

        @Override
        public TrainedModel load(InputStream in) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    @Test
    void crossValidatedAucIsComparableToTheTribuoForest() throws Exception {
        CohortSimulator sim = new CohortSimulator(CohortModel.defaults(), UltrasoundModel.defaults().withSize(32, 32, 16));
        FeatureExtractor extractor = new FeatureExtractor();
        var settings = VolumeFeaturesAnalysis.settings(Map.of());
        List<Case> cases = new ArrayList<>();
        for (PlannedScan scan : sim.plan(20, 20261123L)) {
            SimulatedScan s = sim.simulate(scan);
            FeatureSet fs = extractor.extract(s.image(), s.mask(), settings);
            Map<String, Double> f = new LinkedHashMap<>();
            for (Feature x : fs.features()) {
                if (Double.isFinite(x.value())) {
                    f.put(VolumeFeaturesAnalysis.key(x), x.value());
                }
            }
            cases.add(new Case("P" + scan.patient() + "-" + scan.site(), "P" + scan.patient(), scan.mriGrade() >= 2 ? 1 : 0,
                    f, () -> null, () -> null));
        }
        TrainingSettings seed = new TrainingSettings(7, Map.of());
        double ours = BinaryMetrics.of(new CrossValidation().run(new RandomForestClassifier(), cases, 5, seed,
                TrainingListener.NONE, null)).auc();
        double tribuo = BinaryMetrics.of(new CrossValidation().run(new TribuoForest(), cases, 5, seed,
                TrainingListener.NONE, null)).auc();
        System.out.printf(java.util.Locale.ROOT, "simulated study (%d cases): 5-fold grouped CV AUC rf %.4f, Tribuo forest %.4f%n",
                cases.size(), ours, tribuo);
        assertTrue(ours > 0.7 && tribuo > 0.7, "both learn: rf " + ours + ", Tribuo " + tribuo);
        assertTrue(Math.abs(ours - tribuo) < 0.06, "comparable: rf " + ours + ", Tribuo " + tribuo);
    }
}
