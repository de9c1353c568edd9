package org.painlab.imaging.internal.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.painlab.imaging.classify.Case;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The forest rf grew up to bundle version 0.1 (Tribuo CART trees in batches, each batch a Tribuo forest
 * with the next seed of the run's SplittableRandom; features per split passed as Tribuo's share), kept in
 * the tests to write models in the old format {@code painlab-rf/1} and to compare AUCs with the new forest.
 */
final class TribuoForests {
    private TribuoForests() {
    }

    static TribuoForestModel train(List<Case> cases, long seed, int trees, int batch, int maxDepth) {
        FeatureColumns columns = FeatureColumns.of(cases);
        int p = columns.names().size();
        float fraction = (float) Math.min((Math.max(1, Math.floor(Math.sqrt(p))) + 0.5) / p, 0.999);
        SplittableRandom seeds = new SplittableRandom(seed);
        List<Model<Label>> forests = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int done = 0; done < trees; done += batch) {
            int size = Math.min(batch, trees - done);
            long s = seeds.nextLong();
            forests.add(new RandomForestTrainer<>(new CARTClassificationTrainer(maxDepth, fraction, s),
                    new FullyWeightedVotingCombiner(), size, s).train(dataset(cases, columns)));
            sizes.add(size);
        }
        return new TribuoForestModel(columns, forests, sizes);
    }

    private static MutableDataset<Label> dataset(List<Case> training, FeatureColumns columns) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("painlab imaging cases",
                java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"), TribuoForestModel.LABELS), TribuoForestModel.LABELS);
        String[] names = columns.names().toArray(String[]::new);
        for (Case c : training) {
            Example<Label> e = new ArrayExample<>(new Label(Integer.toString(c.label())), names, columns.values(c));
            data.add(e);
        }
        return data;
    }
}
