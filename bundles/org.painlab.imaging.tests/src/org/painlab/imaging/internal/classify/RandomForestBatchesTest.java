package org.painlab.imaging.internal.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.classify.TrainingSettings;
import org.painlab.imaging.evaluate.SyntheticCases;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;

/**
 * Batches of trees grown side by side on every core make the same forest as growing them one after
 * the other (the way rf did before): every probability bit-identical, and the training accuracy
 * reported after each batch is the accuracy of the forest grown so far.
 */
class RandomForestBatchesTest {
    @Test
    void parallelBatchesGiveTheSequentialForest() {
        List<Case> cases = SyntheticCases.make(24, 4, 1.0, 11);
        TrainingSettings settings = new TrainingSettings(42, Map.of("trees", "70", "trees_per_step", "20", "max_depth", "6"));
        List<double[]> reported = new ArrayList<>();
        TrainedModel model = new RandomForestClassifier().train(cases, settings,
                (step, steps, loss, accuracy) -> reported.add(new double[] {step, steps, accuracy}), null);

        // the previous loop: one batch after the other, each with the next seed of the run's SplittableRandom
        FeatureColumns columns = FeatureColumns.of(cases);
        float fraction = RandomForestClassifier.fraction("sqrt", columns.names().size());
        java.util.SplittableRandom seeds = new java.util.SplittableRandom(42);
        List<Model<Label>> forests = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int size : new int[] {20, 20, 20, 10}) {
            long seed = seeds.nextLong();
            forests.add(new RandomForestTrainer<>(new CARTClassificationTrainer(6, fraction, seed), new FullyWeightedVotingCombiner(), size, seed)
                    .train(RandomForestClassifier.dataset(cases, columns)));
            sizes.add(size);
            RandomForestModel sofar = new RandomForestModel(columns, forests, sizes);
            int right = 0;
            for (Case c : cases) {
                right += (sofar.probability(c) >= 0.5 ? 1 : 0) == c.label() ? 1 : 0;
            }
            double[] r = reported.get(forests.size() - 1);
            assertEquals(forests.size(), (int) r[0]);
            assertEquals(4, (int) r[1]);
            assertEquals(right / (double) cases.size(), r[2], 0, "training accuracy after batch " + forests.size());
        }
        RandomForestModel sequential = new RandomForestModel(columns, forests, sizes);
        int informative = 0;
        for (Case c : cases) {
            assertEquals(Double.doubleToLongBits(sequential.probability(c)), Double.doubleToLongBits(model.probability(c)), "case " + c.id());
            informative += model.probability(c) != 0.5 ? 1 : 0;
        }
        assertTrue(informative > 0, "the forest grades");
    }
}
