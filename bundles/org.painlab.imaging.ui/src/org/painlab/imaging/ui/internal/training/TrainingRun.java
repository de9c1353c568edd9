package org.painlab.imaging.ui.internal.training;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.result.StoredResult;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.evaluate.CrossValidationAnalysis;
import org.painlab.imaging.evaluate.ModelTraining;

/**
 * One "Train Model" run, as {@code painlab imaging train} and {@code imaging compare} make it: the engine's
 * {@link ModelTraining} (the code path of the command: cross-validation grouped by patient with a listener for
 * the live curve, stored with provenance, and the model trained on all cases saved in the study), then the
 * statistics engine's ROC comparison of every stored model (run by id, stored too) so the Model Comparison
 * shows DeLong CIs. A cancelled run stores nothing.
 *
 * @param parameters the analysis parameters: model, folds, seed, the classifier's own, optionally cases
 */
public record TrainingRun(Map<String, String> parameters) {
    /** What a run stored. */
    public record Outcome(StoredResult crossValidation, Path modelFile, StoredResult comparison, String comparisonProblem) {
    }

    public TrainingRun {
        parameters = Map.copyOf(parameters);
    }

    /** The folds the run trains. */
    public int folds() {
        return Integer.parseInt(CrossValidationAnalysis.effective(parameters).get(CrossValidationAnalysis.FOLDS).trim());
    }

    /**
     * @throws StudyException when the cases cannot be read or the run fails (nothing stored)
     * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled (nothing stored)
     */
    public Outcome run(Study study, String by, TrainingListener listener, IProgressMonitor monitor) throws StudyException {
        SubMonitor sub = SubMonitor.convert(monitor, "Training " + parameters.get(CrossValidationAnalysis.MODEL), 100);
        ModelTraining.Outcome trained;
        try {
            trained = new ModelTraining(new CrossValidationAnalysis()).run(study, parameters, by, listener, sub.split(90));
        } catch (IllegalArgumentException e) {
            throw new StudyException(study.folder() + ": " + e.getMessage(), e);
        }
        Map<String, String> compare = new LinkedHashMap<>();
        compare.put("observations", "predictions");
        try {
            StoredResult cmp = new AnalysisRunner().run(study, StoredModels.ROC_COMPARISON, compare, by, sub.split(10));
            return new Outcome(trained.result(), trained.modelFile(), cmp, null);
        } catch (StudyException | RuntimeException e) {
            // the cross-validation and the model are stored; without statistics' comparison the view shows no CI
            return new Outcome(trained.result(), trained.modelFile(), null, e.getMessage());
        }
    }
}
