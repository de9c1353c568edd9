package org.painlab.imaging.cli.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * A lab's classifier as a test contributes it: a logistic score of one feature, centred between the two
 * classes' means and scaled by the pooled spread. Weaker than the forest on purpose.
 */
public final class OneFeatureClassifier implements Classifier {
    static final String FEATURE = "feature";

    @Override
    public ClassifierInput input() {
        return ClassifierInput.FEATURES;
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of(FEATURE, "noise_0");
    }

    @Override
    public TrainedModel train(List<Case> training, TrainingSettings settings, TrainingListener listener,
            IProgressMonitor monitor) {
        String feature = settings.get(FEATURE, "noise_0");
        double[] sum = new double[2];
        double[] n = new double[2];
        double all = 0;
        double all2 = 0;
        for (Case c : training) {
            double x = c.features().get(feature);
            sum[c.label()] += x;
            n[c.label()]++;
            all += x;
            all2 += x * x;
        }
        double mean = all / training.size();
        double sd = Math.sqrt(Math.max(1e-12, all2 / training.size() - mean * mean));
        double centre = (sum[0] / n[0] + sum[1] / n[1]) / 2;
        double sign = sum[1] / n[1] >= sum[0] / n[0] ? 1 : -1;
        listener.step(1, 1, Double.NaN, Double.NaN);
        return new Model(feature, centre, sign / sd);
    }

    @Override
    public TrainedModel load(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        return new Model(d.readUTF(), d.readDouble(), d.readDouble());
    }

    private record Model(String feature, double centre, double scale) implements TrainedModel {
        @Override
        public String classifierId() {
            return "test-threshold";
        }

        @Override
        public double probability(Case c) {
            return 1 / (1 + Math.exp(-scale * (c.features().get(feature) - centre)));
        }

        @Override
        public void save(OutputStream out) throws IOException {
            DataOutputStream d = new DataOutputStream(out);
            d.writeUTF(feature);
            d.writeDouble(centre);
            d.writeDouble(scale);
            d.flush();
        }
    }
}
