package org.painlab.imaging.classify;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A classifier after training: grades a case and can be saved in the study so that it grades new volumes
 * later without retraining.
 *
 * @since 0.1
 */
public interface TrainedModel {
    /** Id of the {@link Classifier} that made this model (its contribution id). */
    String classifierId();

    /** Probability (0..1) that the case is positive (label 1). Never reads the case's label. */
    double probability(Case c);

    /** Writes the model so that {@link Classifier#load} gives a model that grades alike. */
    void save(OutputStream out) throws IOException;
}
