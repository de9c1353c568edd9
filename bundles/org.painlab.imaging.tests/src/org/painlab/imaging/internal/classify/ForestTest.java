package org.painlab.imaging.internal.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.classify.TrainingSettings;
import org.painlab.imaging.evaluate.SyntheticCases;

/** The forest's own CART trees: splits where Gini says, repeatable on any number of threads, saved formats. */
class ForestTest {
    private static final ForestSettings ALL_FEATURES_NO_BOOTSTRAP = new ForestSettings(2, 10, 2, 1, false);

    private static CartTree tree(double[][] rows, int[] labels, ForestSettings s) {
        int[] weight = new int[labels.length];
        Arrays.fill(weight, 1);
        return new CartGrower(new ForestData(rows, labels), s).grow(weight, new SplittableRandom(1));
    }

    @Test
    void separableToyProblemSplitsMidwayBetweenTheClasses() {
        // feature 0 separates at 4.5; feature 1 is noise that no threshold separates
        double[][] rows = {{1, 3}, {2, 1}, {3, 4}, {4, 2}, {5, 2}, {6, 4}, {7, 1}, {8, 3}};
        int[] labels = {0, 0, 0, 0, 1, 1, 1, 1};
        CartTree t = tree(rows, labels, ALL_FEATURES_NO_BOOTSTRAP);
        assertEquals(3, t.nodes(), "root and two pure leaves");
        assertEquals(0, t.feature(0));
        assertEquals(4.5, t.threshold(0), 0);
        assertEquals(0.0, t.positive(t.left(0)), 0);
        assertEquals(1.0, t.positive(t.right(0)), 0);
        assertEquals(0.5, t.positive(0), 0);
        assertEquals(1, t.depth());
    }

    @Test
    void giniPicksTheFirstOfTwoEqualSplitsAndStopsAtMaxDepth() {
        // labels 0 0 1 0 1 1 along x: thresholds 2.5 and 4.5 both give children Gini 1/4 weighted 4/6
        // (proxy 4.5, the best); 1.5 and 5.5 give 3.6, 3.5 gives 3.33. The first best in sorted order wins.
        double[][] rows = {{1}, {2}, {3}, {4}, {5}, {6}};
        int[] labels = {0, 0, 1, 0, 1, 1};
        CartTree t = tree(rows, labels, new ForestSettings(1, 1, 2, 1, false));
        assertEquals(0, t.feature(0));
        assertEquals(2.5, t.threshold(0), 0);
        assertEquals(0.0, t.positive(t.left(0)), 0);
        assertEquals(0.75, t.positive(t.right(0)), 0);
        assertEquals(1, t.depth());
        // min_samples_leaf 3 leaves only 3.5
        CartTree leaf3 = tree(rows, labels, new ForestSettings(1, 1, 2, 3, false));
        assertEquals(3.5, leaf3.threshold(0), 0);
        // grown out fully: every leaf pure, each training case graded by its own label
        CartTree full = tree(rows, labels, new ForestSettings(1, 10, 2, 1, false));
        for (int i = 0; i < rows.length; i++) {
            assertEquals(labels[i], full.positiveShare(rows[i]), 0, "case " + i);
        }
    }

    @Test
    void bootstrapMultiplicitiesWeighTheGini() {
        // with case 2 (label 1 at x=3) counted four times, the leaf right of 2.5 holds 4+1+1 positives of 7
        double[][] rows = {{1}, {2}, {3}, {4}, {5}, {6}};
        int[] labels = {0, 0, 1, 0, 1, 1};
        CartTree t = new CartGrower(new ForestData(rows, labels), new ForestSettings(1, 1, 2, 1, false))
                .grow(new int[] {1, 1, 4, 1, 1, 1}, new SplittableRandom(1));
        assertEquals(2.5, t.threshold(0), 0);
        assertEquals(6 / 7.0, t.positive(t.right(0)), 1e-15);
        assertEquals(6 / 9.0, t.positive(0), 1e-15);
    }

    private static final TrainingSettings SETTINGS = new TrainingSettings(42,
            Map.of("trees", "60", "trees_per_step", "16", "max_depth", "8"));

    private static TrainedModel trainOn(int threads, List<Case> cases) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> new RandomForestClassifier().train(cases, SETTINGS, TrainingListener.NONE, null)).get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void sameForestOnOneOrManyThreads() throws Exception {
        List<Case> cases = SyntheticCases.make(24, 4, 1.0, 11);
        TrainedModel one = trainOn(1, cases);
        TrainedModel three = trainOn(3, cases);
        TrainedModel common = new RandomForestClassifier().train(cases, SETTINGS, TrainingListener.NONE, null);
        int informative = 0;
        for (Case c : SyntheticCases.make(10, 2, 1.0, 12)) {
            long bits = Double.doubleToLongBits(one.probability(c));
            assertEquals(bits, Double.doubleToLongBits(three.probability(c)), "case " + c.id());
            assertEquals(bits, Double.doubleToLongBits(common.probability(c)), "case " + c.id());
            informative += one.probability(c) != 0.5 ? 1 : 0;
        }
        assertTrue(informative > 0, "the forest grades");
    }

    @Test
    void savedAndLoadedGradesIdentically() throws IOException {
        List<Case> cases = SyntheticCases.make(24, 4, 1.0, 11);
        TrainedModel model = new RandomForestClassifier().train(cases, SETTINGS, TrainingListener.NONE, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        assertEquals("painlab-rf/2", new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())).readUTF());
        TrainedModel back = new RandomForestClassifier().load(new ByteArrayInputStream(bytes.toByteArray()));
        assertInstanceOf(ForestModel.class, back);
        assertEquals(60, ((ForestModel) back).trees().size());
        for (Case c : SyntheticCases.make(10, 2, 1.0, 12)) {
            assertEquals(Double.doubleToLongBits(model.probability(c)), Double.doubleToLongBits(back.probability(c)), c.id());
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        back.save(again);
        assertTrue(Arrays.equals(bytes.toByteArray(), again.toByteArray()), "saving a loaded forest gives the same bytes");
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() - 9);
        IOException e = assertThrows(IOException.class, () -> new RandomForestClassifier().load(new ByteArrayInputStream(cut)));
        assertTrue(e.getMessage().contains("painlab-rf/2") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void oldTribuoFormatStillLoadsAndGrades() throws IOException {
        List<Case> cases = SyntheticCases.make(24, 4, 1.0, 11);
        TribuoForestModel old = TribuoForests.train(cases, 42, 30, 10, 6);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        old.save(bytes);
        assertEquals("painlab-rf/1", new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())).readUTF());
        TrainedModel back = new RandomForestClassifier().load(new ByteArrayInputStream(bytes.toByteArray()));
        assertInstanceOf(TribuoForestModel.class, back);
        assertEquals("rf", back.classifierId());
        for (Case c : SyntheticCases.make(10, 2, 1.0, 12)) {
            assertEquals(Double.doubleToLongBits(old.probability(c)), Double.doubleToLongBits(back.probability(c)), c.id());
        }
    }

    @Test
    void unknownFormatIsRefusedNamingTheKnownOnes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var d = new java.io.DataOutputStream(bytes)) {
            d.writeUTF("painlab-rf/9");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        IOException e = assertThrows(IOException.class, () -> new RandomForestClassifier().load(new ByteArrayInputStream(bytes.toByteArray())));
        assertTrue(e.getMessage().contains("painlab-rf/9") && e.getMessage().contains("painlab-rf/1")
                && e.getMessage().contains("painlab-rf/2"), e.getMessage());
    }

    @Test
    void featuresPerSplitFollowsScikitLearn() {
        assertEquals(13, RandomForestClassifier.featuresPerSplit("sqrt", 170));
        assertEquals(1, RandomForestClassifier.featuresPerSplit("sqrt", 1));
        assertEquals(8, RandomForestClassifier.featuresPerSplit("20", 8));
        assertThrows(IllegalArgumentException.class, () -> RandomForestClassifier.featuresPerSplit("0", 8));
        assertThrows(IllegalArgumentException.class, () -> RandomForestClassifier.featuresPerSplit("half", 8));
    }
}
