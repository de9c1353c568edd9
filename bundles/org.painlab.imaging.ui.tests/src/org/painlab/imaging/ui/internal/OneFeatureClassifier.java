package org.painlab.imaging.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.Classifier;
import org.painlab.imaging.classify.ClassifierInput;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.classify.TrainingSettings;

/**
 * A deliberately simple classifier for the Model Comparison test: a logistic curve on one feature, centred
 * between the two classes' means and pointing from the negative to the positive mean.
 */
public final class OneFeatureClassifier implements Classifier {
    @Override
    public ClassifierInput input() {
        return ClassifierInput.FEATURES;
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("feature", "f2");
    }

    @Override
    public TrainedModel train(List<Case> training, TrainingSettings settings, TrainingListener listener,
            IProgressMonitor monitor) {
        String feature = settings.get("feature", "f2");
        double[] sum = new double[2];
        int[] n = new int[2];
        for (Case c : training) {
            sum[c.label()] += c.features().get(feature);
            n[c.label()]++;
        }
        if (n[0] == 0 || n[1] == 0) {
            throw new IllegalArgumentException("training cases of one class only");
        }
        double m0 = sum[0] / n[0];
        double m1 = sum[1] / n[1];
        Model model = new Model(feature, (m0 + m1) / 2, m1 >= m0 ? 1 : -1);
        long right = training.stream().filter(c -> (model.probability(c) >= 0.5 ? 1 : 0) == c.label()).count();
        listener.step(1, 1, Double.NaN, (double) right / training.size());
        return model;
    }

    @Override
    public TrainedModel load(InputStream in) throws IOException {
        String[] p = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split(",");
        return new Model(p[0], Double.parseDouble(p[1]), Integer.parseInt(p[2]));
    }

    private record Model(String feature, double centre, int direction) implements TrainedModel {
        @Override
        public String classifierId() {
            return "threshold";
        }

        @Override
        public double probability(Case c) {
            return 1 / (1 + Math.exp(-direction * (c.features().get(feature) - centre)));
        }

        @Override
        public void save(OutputStream out) throws IOException {
            out.write((feature + "," + centre + "," + direction).getBytes(StandardCharsets.UTF_8));
        }
    }
}
