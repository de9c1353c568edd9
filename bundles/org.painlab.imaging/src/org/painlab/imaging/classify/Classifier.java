package org.painlab.imaging.classify;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * A way to learn a grade from labelled cases, contributed to extension point
 * {@code org.painlab.imaging.classifiers} (element {@code classifier} with attributes {@code id}, {@code name},
 * {@code class}). The random forest and the 3D CNN are built-ins contributed like a third party's.
 * Implementations have a public no-argument constructor and keep no state between calls.
 *
 * @since 0.1
 */
public interface Classifier {
    /** What this classifier reads from a case. */
    ClassifierInput input();

    /** The parameters it knows with their default values (shown to users and stored with results). */
    Map<String, String> defaults();

    /**
     * Learns from the training cases (labels 0 or 1 only).
     *
     * @param listener hears each step (loss, accuracy) for live curves; {@link TrainingListener#NONE} when unused
     * @param monitor progress (one unit per tree / epoch ...); cancelling stops training with
     *        {@link org.eclipse.core.runtime.OperationCanceledException}
     * @throws IllegalArgumentException when the cases cannot be learnt from (one class only, no features...)
     */
    TrainedModel train(List<Case> training, TrainingSettings settings, TrainingListener listener,
            IProgressMonitor monitor);

    /** Reads a model written by {@link TrainedModel#save}. */
    TrainedModel load(InputStream in) throws IOException;
}
