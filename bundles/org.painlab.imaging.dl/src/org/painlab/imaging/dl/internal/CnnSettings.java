package org.painlab.imaging.dl.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.painlab.imaging.classify.TrainingSettings;

/**
 * The 3D CNN's parameters, read from a training run's text parameters with their defaults and checked, so
 * that a typo gives a message naming the parameter instead of a network that silently trains another way.
 *
 * @param epochs passes over the training volumes
 * @param batchSize volumes per optimiser step
 * @param learningRate Adam's step size
 * @param inputSize edge of the cube every volume is resampled to (voxels)
 * @param seed the run's seed (weights and the order of volumes in each epoch)
 */
record CnnSettings(int epochs, int batchSize, double learningRate, int inputSize, long seed) {
    static final String EPOCHS = "epochs";
    static final String BATCH_SIZE = "batchSize";
    static final String LEARNING_RATE = "learningRate";
    static final String INPUT_SIZE = "inputSize";

    /** Defaults as shown to users and stored with results (insertion order = display order). */
    static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(EPOCHS, "15");
        d.put(BATCH_SIZE, "16");
        d.put(LEARNING_RATE, "0.003");
        d.put(INPUT_SIZE, "32");
        return d;
    }

    /** Reads and checks the parameters; unknown names are refused (a misspelt name would be ignored otherwise). */
    static CnnSettings from(TrainingSettings settings) {
        Map<String, String> defaults = defaults();
        Set<String> known = defaults.keySet();
        for (String name : settings.parameters().keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(
                        "cnn: unknown parameter '" + name + "' (known: " + String.join(", ", known) + ")");
            }
        }
        int epochs = whole(settings, EPOCHS, defaults, 1, 10_000);
        int batch = whole(settings, BATCH_SIZE, defaults, 1, 4096);
        double rate = positive(settings, LEARNING_RATE, defaults);
        // below 8 the two max pools leave less than 2 voxels per edge for the last convolution
        int size = whole(settings, INPUT_SIZE, defaults, 8, 256);
        return new CnnSettings(epochs, batch, rate, size, settings.seed());
    }

    /** The settings as text parameters, for the saved model's record. */
    Map<String, String> asParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(EPOCHS, Integer.toString(epochs));
        p.put(BATCH_SIZE, Integer.toString(batchSize));
        p.put(LEARNING_RATE, Double.toString(learningRate));
        p.put(INPUT_SIZE, Integer.toString(inputSize));
        return p;
    }

    private static int whole(TrainingSettings s, String name, Map<String, String> defaults, int min, int max) {
        String text = s.get(name, defaults.get(name)).trim();
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cnn: parameter " + name + " must be a whole number, was '" + text + "'",
                    e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "cnn: parameter " + name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private static double positive(TrainingSettings s, String name, Map<String, String> defaults) {
        String text = s.get(name, defaults.get(name)).trim();
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cnn: parameter " + name + " must be a number, was '" + text + "'", e);
        }
        if (!(value > 0) || value > 1 || Double.isNaN(value)) {
            throw new IllegalArgumentException("cnn: parameter " + name + " must be above 0 and at most 1, was " + text);
        }
        return value;
    }
}
