package org.painlab.imaging.classify;

/**
 * Hears how training goes, step by step (an epoch of a network, a batch of trees of a forest), so a view can
 * draw a live loss/accuracy curve. Called on the training thread.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface TrainingListener {
    /** A listener that ignores everything. */
    TrainingListener NONE = (step, steps, loss, accuracy) -> {
    };

    /**
     * @param step the step just finished, from 1
     * @param steps the steps planned
     * @param loss training loss after the step (NaN when the classifier has none)
     * @param accuracy training accuracy after the step (NaN when not computed)
     */
    void step(int step, int steps, double loss, double accuracy);
}
