package org.painlab.imaging.internal.classify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.Classifier;
import org.painlab.imaging.classify.ClassifierInput;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.classify.TrainingSettings;

/**
 * The built-in random forest ({@code rf}) on the cases' texture features: bootstrap samples, CART trees
 * with Gini impurity and a random subset of features per node ({@link CartGrower}), probability = mean of
 * the trees' leaf shares. Every tree's seed is drawn from the run's seed before any tree grows, so trees grow
 * side by side on every core and the forest is the same whatever the number of cores. Trees grow in steps
 * of {@code trees_per_step}: after each step the listener hears the training accuracy and a cancel stops.
 */
public final class RandomForestClassifier implements Classifier {
    /** Contribution id. */
    public static final String ID = "rf";
    static final String TREES = "trees";
    static final String MAX_DEPTH = "max_depth";
    static final String FEATURES_PER_SPLIT = "features_per_split";
    static final String MIN_SAMPLES_SPLIT = "min_samples_split";
    static final String MIN_SAMPLES_LEAF = "min_samples_leaf";
    static final String BATCH = "trees_per_step";

    @Override
    public ClassifierInput input() {
        return ClassifierInput.FEATURES;
    }

    @Override
    public Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(TREES, "300");
        d.put(MAX_DEPTH, "12");
        // "sqrt": the square root of the number of features, as Breiman's forests and scikit-learn do
        d.put(FEATURES_PER_SPLIT, "sqrt");
        d.put(MIN_SAMPLES_SPLIT, "2");
        d.put(MIN_SAMPLES_LEAF, "1");
        d.put(BATCH, "25");
        return d;
    }

    @Override
    public TrainedModel train(List<Case> training, TrainingSettings settings, TrainingListener listener,
            IProgressMonitor monitor) {
        int trees = positive(settings, TREES);
        int batch = Math.min(trees, positive(settings, BATCH));
        FeatureColumns columns = FeatureColumns.of(training);
        ForestSettings forest = new ForestSettings(featuresPerSplit(settings.get(FEATURES_PER_SPLIT,
                defaults().get(FEATURES_PER_SPLIT)), columns.names().size()), positive(settings, MAX_DEPTH),
                Math.max(2, positive(settings, MIN_SAMPLES_SPLIT)), positive(settings, MIN_SAMPLES_LEAF), true);
        double[][] rows = new double[training.size()][];
        int[] labels = new int[training.size()];
        int[] counts = new int[2];
        for (int i = 0; i < rows.length; i++) {
            Case c = training.get(i);
            if (c.label() != 0 && c.label() != 1) {
                throw new IllegalArgumentException("case " + c.id() + " (patient " + c.patientId()
                        + ") has no label (0 or 1) to learn from");
            }
            labels[i] = c.label();
            counts[c.label()]++;
            rows[i] = columns.values(c);
        }
        if (counts[0] == 0 || counts[1] == 0) {
            throw new IllegalArgumentException("the training cases hold one class only (" + counts[0] + " negative, "
                    + counts[1] + " positive): a classifier needs both");
        }
        CartGrower grower = new CartGrower(new ForestData(rows, labels), forest);
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        long[] treeSeed = new long[trees];
        for (int t = 0; t < trees; t++) {
            treeSeed[t] = seeds.nextLong();
        }
        int steps = (trees + batch - 1) / batch;
        SubMonitor sub = SubMonitor.convert(monitor == null ? new NullProgressMonitor() : monitor, "Random forest", steps);
        // training accuracy after each step from running sums: each tree grades the cases once
        double[] votes = new double[rows.length];
        List<CartTree> grown = new ArrayList<>(trees);
        for (int step = 0; step < steps; step++) {
            if (sub.isCanceled()) {
                throw new OperationCanceledException();
            }
            int from = step * batch;
            int to = Math.min(trees, from + batch);
            List<CartTree> wave = IntStream.range(from, to).parallel().mapToObj(t -> grower.grow(treeSeed[t])).toList();
            int right = 0;
            for (int i = 0; i < rows.length; i++) {
                for (CartTree t : wave) {
                    votes[i] += t.positiveShare(rows[i]);
                }
                right += (votes[i] / to >= 0.5 ? 1 : 0) == labels[i] ? 1 : 0;
            }
            grown.addAll(wave);
            listener.step(step + 1, steps, Double.NaN, right / (double) rows.length);
            sub.worked(1);
        }
        return new ForestModel(columns, grown);
    }

    @Override
    public TrainedModel load(InputStream in) throws IOException {
        return ForestFormats.read(in);
    }

    private static int positive(TrainingSettings settings, String name) {
        String raw = settings.get(name, new RandomForestClassifier().defaults().get(name));
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < 1) {
                throw new IllegalArgumentException("parameter '" + name + "' must be at least 1, was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a whole number, was '" + raw + "'", e);
        }
    }

    /** Features drawn per node: {@code sqrt} = max(1, floor(sqrt(p))) as scikit-learn, or a number (at most p). */
    static int featuresPerSplit(String raw, int features) {
        if ("sqrt".equalsIgnoreCase(raw.trim())) {
            return Math.max(1, (int) Math.floor(Math.sqrt(features)));
        }
        int k;
        try {
            k = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + FEATURES_PER_SPLIT
                    + "' must be 'sqrt' or a whole number, was '" + raw + "'", e);
        }
        if (k < 1) {
            throw new IllegalArgumentException("parameter '" + FEATURES_PER_SPLIT + "' must be at least 1, was " + raw);
        }
        return Math.min(k, features);
    }
}
