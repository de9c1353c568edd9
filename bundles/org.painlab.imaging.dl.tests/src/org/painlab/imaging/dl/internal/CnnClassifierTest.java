package org.painlab.imaging.dl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.ClassifierInput;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.classify.TrainingSettings;

/**
 * Trains the 3D CNN in OSGi on synthetic volumes (two textures under random gain) and checks it learns,
 * is repeatable, saves and loads, stops when cancelled and needs no network. One model is trained for the
 * class; the few other trainings are short.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CnnClassifierTest {
    private static final long SEED = 20261202L;
    private static final Map<String, String> SMALL = Map.of("epochs", "8", "batchSize", "8", "inputSize", "16",
            "learningRate", "0.01");

    private final CnnClassifier classifier = new CnnClassifier();
    private final List<Case> training = SyntheticVolumes.cases(40, 16, 1);
    private final List<Case> heldOut = SyntheticVolumes.cases(40, 16, 2);
    private final List<double[]> epochs = new ArrayList<>();
    private TrainedModel model;
    private double[] probabilities;

    @BeforeAll
    void train() {
        long t0 = System.nanoTime();
        model = classifier.train(training, new TrainingSettings(SEED, SMALL),
                (step, steps, loss, accuracy) -> epochs.add(new double[] {step, steps, loss, accuracy}),
                new NullProgressMonitor());
        probabilities = grade(model, heldOut);
        System.out.printf("cnn test: trained 40 volumes x 8 epochs in %d ms; epochs %s%n",
                (System.nanoTime() - t0) / 1_000_000,
                epochs.stream().map(e -> String.format("%.3f/%.2f", e[2], e[3])).toList());
    }

    @Test
    void gradesHeldOutVolumesWellAboveChance() {
        int correct = 0;
        for (int i = 0; i < heldOut.size(); i++) {
            if ((probabilities[i] >= 0.5 ? 1 : 0) == heldOut.get(i).label()) {
                correct++;
            }
        }
        double accuracy = correct / (double) heldOut.size();
        System.out.printf("cnn test: held-out accuracy %.3f%n", accuracy);
        // chance is 0.5; 0.8 on 40 volumes is far outside what guessing gives (p < 1e-4)
        assertTrue(accuracy >= 0.8, "held-out accuracy " + accuracy);
        assertEquals(CnnClassifier.ID, model.classifierId());
        assertEquals(ClassifierInput.VOLUMES, classifier.input());
    }

    @Test
    void listenerHearsEveryEpochAndLossFalls() {
        assertEquals(8, epochs.size());
        for (int i = 0; i < epochs.size(); i++) {
            assertEquals(i + 1, epochs.get(i)[0]);
            assertEquals(8, epochs.get(i)[1]);
            assertTrue(Double.isFinite(epochs.get(i)[2]) && epochs.get(i)[2] >= 0, "loss " + epochs.get(i)[2]);
            assertTrue(epochs.get(i)[3] >= 0 && epochs.get(i)[3] <= 1, "accuracy " + epochs.get(i)[3]);
        }
        assertTrue(epochs.get(7)[2] < epochs.get(0)[2], "last epoch's loss below the first's");
    }

    @Test
    void savedModelGradesAlike() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        TrainedModel loaded = classifier.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(CnnClassifier.ID, loaded.classifierId());
        // the same bytes through the same code: equal to the last bit, not just close
        assertArrayEquals(probabilities, grade(loaded, heldOut), 0.0);
        System.out.printf("cnn test: saved model %d bytes%n", bytes.size());
        assertTrue(bytes.size() < 200_000, "saved model is small: " + bytes.size() + " bytes");
    }

    @Test
    void sameSeedSameModel() {
        Map<String, String> shortRun = Map.of("epochs", "2", "batchSize", "8", "inputSize", "16");
        List<Case> few = training.subList(0, 16);
        double[] first = grade(classifier.train(few, new TrainingSettings(7, shortRun), TrainingListener.NONE,
                new NullProgressMonitor()), heldOut.subList(0, 8));
        double[] second = grade(classifier.train(few, new TrainingSettings(7, shortRun), TrainingListener.NONE,
                new NullProgressMonitor()), heldOut.subList(0, 8));
        double[] other = grade(classifier.train(few, new TrainingSettings(8, shortRun), TrainingListener.NONE,
                new NullProgressMonitor()), heldOut.subList(0, 8));
        // libtorch on CPU with the same thread count repeats its float sums exactly (measured); allow 1e-6
        System.out.printf("cnn test: same seed, largest difference %.3g%n", maxDiff(first, second));
        assertArrayEquals(first, second, 1e-6);
        assertTrue(!Arrays.equals(first, other), "another seed gives another model");
    }

    @Test
    void cancellingStopsTraining() {
        List<Integer> heard = new ArrayList<>();
        NullProgressMonitor monitor = new NullProgressMonitor();
        Map<String, String> longRun = Map.of("epochs", "50", "batchSize", "8", "inputSize", "16");
        assertThrows(OperationCanceledException.class, () -> classifier.train(training,
                new TrainingSettings(SEED, longRun), (step, steps, loss, accuracy) -> {
                    heard.add(step);
                    monitor.setCanceled(true);
                }, monitor));
        assertEquals(List.of(1), heard, "stops within the epoch after the cancel");
    }

    @Test
    void runsOfflineFromTheEmbeddedNatives() throws IOException {
        assertEquals("true", System.getProperty("ai.djl.offline"));
        // the surefire configuration points DJL at a fresh cache and every proxied connection at a closed
        // port: libtorch there was unpacked from the bundle's pytorch-native-cpu jar, not downloaded
        Path cache = Path.of(System.getProperty("DJL_CACHE_DIR"));
        try (Stream<Path> files = Files.walk(cache)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("libtorch_cpu.so")),
                    "libtorch_cpu.so unpacked under " + cache);
        }
    }

    @Test
    void badParametersAndLabelsAreRefusedByName() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> classifier.train(training, new TrainingSettings(1, Map.of("epoch", "3")),
                        TrainingListener.NONE, new NullProgressMonitor()));
        assertTrue(unknown.getMessage().contains("unknown parameter 'epoch'"), unknown.getMessage());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> classifier.train(training, new TrainingSettings(1, Map.of("learningRate", "fast")),
                        TrainingListener.NONE, new NullProgressMonitor()));
        assertTrue(rate.getMessage().contains("learningRate"), rate.getMessage());
        List<Case> oneClass = training.stream().filter(c -> c.label() == 1).toList();
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> classifier.train(oneClass, new TrainingSettings(1, SMALL), TrainingListener.NONE,
                        new NullProgressMonitor()));
        assertTrue(single.getMessage().contains("one class"), single.getMessage());
        assertEquals(Map.of("epochs", "15", "batchSize", "16", "learningRate", "0.003", "inputSize", "32"),
                classifier.defaults());
    }

    @Test
    void damagedSavedModelIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        byte[] whole = bytes.toByteArray();
        IOException truncated = assertThrows(IOException.class,
                () -> classifier.load(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length - 100))));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        IOException other = assertThrows(IOException.class,
                () -> classifier.load(new ByteArrayInputStream("random forest".getBytes())));
        assertTrue(other.getMessage().contains("not a saved 3D CNN"), other.getMessage());
    }

    private static double maxDiff(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    private static double[] grade(TrainedModel m, List<Case> cases) {
        double[] p = new double[cases.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = m.probability(cases.get(i));
        }
        return p;
    }
}
