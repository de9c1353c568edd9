package org.painlab.imaging.evaluate;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.Classifier;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.classify.TrainingSettings;

/**
 * K-fold cross-validation of a classifier grouped by patient ({@link PatientFolds}): each fold's model
 * learns from the other folds' labelled cases and grades the fold's cases, giving one out-of-fold
 * probability per labelled case. Fold f trains with seed {@code seed + f}, so a run is repeatable.
 *
 * @since 0.1
 */
public final class CrossValidation {

    /**
     * @param classifier the classifier
     * @param cases all cases; only labelled (0/1) ones are used
     * @param folds K
     * @param settings seed and the classifier's parameters
     * @param listener hears each training step of each fold
     * @param monitor progress (one share per fold) and cancellation
     * @return one out-of-fold prediction per labelled case, in the order of {@code cases}
     * @throws IllegalArgumentException when K is out of range or a fold cannot be learnt from
     * @throws OperationCanceledException when cancelled
     */
    public List<OutOfFold> run(Classifier classifier, List<Case> cases, int folds, TrainingSettings settings,
            TrainingListener listener, IProgressMonitor monitor) {
        List<Case> labelled = cases.stream().filter(c -> c.label() >= 0).toList();
        PatientFolds assignment = PatientFolds.of(labelled, folds, settings.seed());
        SubMonitor sub = SubMonitor.convert(monitor == null ? new NullProgressMonitor() : monitor,
                "Cross-validation", folds);
        double[] probability = new double[labelled.size()];
        for (int f = 0; f < folds; f++) {
            if (sub.isCanceled()) {
                throw new OperationCanceledException();
            }
            List<Case> training = assignment.part(labelled, f, false);
            TrainedModel model;
            try {
                model = classifier.train(training, new TrainingSettings(settings.seed() + f, settings.parameters()),
                        listener, sub.split(1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fold " + (f + 1) + " of " + folds + ": " + e.getMessage(), e);
            }
            for (int i = 0; i < labelled.size(); i++) {
                if (assignment.foldOf(labelled.get(i).patientId()) == f) {
                    probability[i] = model.probability(labelled.get(i));
                }
            }
        }
        List<OutOfFold> out = new ArrayList<>();
        for (int i = 0; i < labelled.size(); i++) {
            Case c = labelled.get(i);
            out.add(new OutOfFold(c.id(), c.patientId(), c.label(), probability[i], assignment.foldOf(c.patientId())));
        }
        return out;
    }
}
