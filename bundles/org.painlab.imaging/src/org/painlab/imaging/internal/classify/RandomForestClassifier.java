package org.painlab.imaging.internal.classify;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The built-in random forest ({@code rf}) on the cases' texture features, with Tribuo's CART trees.
 * The forest is grown in batches of trees (each batch a Tribuo forest with its own seed drawn from
 * the run's seed) so that training reports progress and can be cancelled between batches; the
 * probability of a case is the mean of the trees' class distributions over all batches.
 */
public final class RandomForestClassifier implements Classifier {
    /** Contribution id. */
    public static final String ID = "rf";
    static final String TREES = "trees";
    static final String MAX_DEPTH = "max_depth";
    static final String FEATURES_PER_SPLIT = "features_per_split";
    static final String BATCH = "trees_per_step";
    static final LabelFactory LABELS = new LabelFactory();

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
        d.put(BATCH, "25");
        return d;
    }

    @Override
    public TrainedModel train(List<Case> training, TrainingSettings settings, TrainingListener listener,
            IProgressMonitor monitor) {
        int trees = positive(settings, TREES);
        int maxDepth = positive(settings, MAX_DEPTH);
        int batch = Math.min(trees, positive(settings, BATCH));
        FeatureColumns columns = FeatureColumns.of(training);
        float fraction = fraction(settings.get(FEATURES_PER_SPLIT, defaults().get(FEATURES_PER_SPLIT)),
                columns.names().size());
        dataset(training, columns); // refuses unlabelled or one-class training sets before any work
        int steps = (trees + batch - 1) / batch;
        SubMonitor sub = SubMonitor.convert(monitor == null ? new NullProgressMonitor() : monitor, "Random forest", steps);
        // every batch's seed and size fixed up front: a batch's trees depend on nothing else, so batches can
        // grow side by side on every core and the forest is the same whatever the number of cores
        java.util.SplittableRandom seeds = new java.util.SplittableRandom(settings.seed());
        long[] batchSeed = new long[steps];
        int[] batchSize = new int[steps];
        for (int step = 0; step < steps; step++) {
            batchSeed[step] = seeds.nextLong();
            batchSize[step] = Math.min(batch, trees - step * batch);
        }
        String[] names = columns.names().toArray(String[]::new);
        double[][] rows = new double[training.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = columns.values(training.get(i));
        }
        // training accuracy after each batch from running vote sums: each forest grades the cases once
        double[] votes = new double[training.size()];
        int voted = 0;
        int parallel = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<Model<Label>> forests = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int first = 0; first < steps; first += parallel) {
            if (sub.isCanceled()) {
                throw new OperationCanceledException();
            }
            List<Model<Label>> wave = java.util.stream.IntStream.range(first, Math.min(steps, first + parallel)).parallel()
                    .mapToObj(step -> grow(training, columns, maxDepth, fraction, batchSize[step], batchSeed[step])).toList();
            for (int w = 0; w < wave.size(); w++) {
                int step = first + w;
                Model<Label> forest = wave.get(w);
                forests.add(forest);
                sizes.add(batchSize[step]);
                voted += batchSize[step];
                int right = 0;
                for (int i = 0; i < rows.length; i++) {
                    votes[i] += batchSize[step] * RandomForestModel.positiveScore(forest, names, rows[i]);
                    right += (votes[i] / voted >= 0.5 ? 1 : 0) == training.get(i).label() ? 1 : 0;
                }
                listener.step(step + 1, steps, Double.NaN, right / (double) rows.length);
                sub.worked(1);
            }
        }
        return new RandomForestModel(columns, forests, sizes);
    }

    @Override
    public TrainedModel load(InputStream in) throws IOException {
        return RandomForestModel.read(new DataInputStream(in));
    }

    /** One batch: a Tribuo forest of {@code size} CART trees from {@code seed}, on its own copy of the data (trainers run side by side). */
    private static Model<Label> grow(List<Case> training, FeatureColumns columns, int maxDepth, float fraction, int size, long seed) {
        CARTClassificationTrainer tree = new CARTClassificationTrainer(maxDepth, fraction, seed);
        return new RandomForestTrainer<>(tree, new FullyWeightedVotingCombiner(), size, seed).train(dataset(training, columns));
    }

    static MutableDataset<Label> dataset(List<Case> training, FeatureColumns columns) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("painlab imaging cases",
                java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"), LABELS), LABELS);
        int[] counts = new int[2];
        String[] names = columns.names().toArray(String[]::new);
        for (Case c : training) {
            if (c.label() != 0 && c.label() != 1) {
                throw new IllegalArgumentException("case " + c.id() + " (patient " + c.patientId()
                        + ") has no label (0 or 1) to learn from");
            }
            counts[c.label()]++;
            Example<Label> e = new ArrayExample<>(new Label(Integer.toString(c.label())), names, columns.values(c));
            data.add(e);
        }
        if (counts[0] == 0 || counts[1] == 0) {
            throw new IllegalArgumentException("the training cases hold one class only (" + counts[0] + " negative, "
                    + counts[1] + " positive): a classifier needs both");
        }
        return data;
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

    /** Tribuo takes a share of the features; it must stay below 1 for a random forest. */
    static float fraction(String raw, int features) {
        double k;
        if ("sqrt".equalsIgnoreCase(raw.trim())) {
            k = Math.max(1, Math.floor(Math.sqrt(features)));
        } else {
            try {
                k = Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter '" + FEATURES_PER_SPLIT
                        + "' must be 'sqrt' or a whole number, was '" + raw + "'", e);
            }
            if (k < 1) {
                throw new IllegalArgumentException("parameter '" + FEATURES_PER_SPLIT + "' must be at least 1, was " + raw);
            }
        }
        // Tribuo rounds fraction * features down: aim half a feature above k
        return (float) Math.min((Math.min(k, features) + 0.5) / features, 0.999);
    }
}
