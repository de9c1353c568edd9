package org.painlab.imaging.classify;

import java.util.Map;

/**
 * How one training run is made: the seed that makes it repeatable and the classifier's own parameters
 * (e.g. {@code trees=300}, {@code epochs=20}), by name, as text, so they can be stored with a result.
 *
 * @param seed random seed; the same seed, cases and parameters give the same model
 * @param parameters classifier-specific parameters; a classifier names the ones it knows in its
 *        {@link Classifier#defaults()}
 * @since 0.1
 */
public record TrainingSettings(long seed, Map<String, String> parameters) {
    /** Copies the parameters. */
    public TrainingSettings {
        parameters = Map.copyOf(parameters);
    }

    /** The parameter's value, or the fallback when it is not set. */
    public String get(String name, String fallback) {
        return parameters.getOrDefault(name, fallback);
    }
}
