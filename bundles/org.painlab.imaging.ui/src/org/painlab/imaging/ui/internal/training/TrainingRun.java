package org.painlab.imaging.ui.internal.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.result.StoredResult;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.evaluate.CrossValidationAnalysis;

/**
 * One "Train Model" run, as {@code painlab imaging train} and {@code imaging compare} make it: the
 * cross-validation grouped by patient with a listener for the live curve, stored with provenance through
 * core's {@link AnalysisRunner}, then the statistics engine's ROC comparison of every stored model (run by
 * id, stored too) so the Model Comparison shows DeLong CIs. A cancelled run stores nothing.
 *
 * @param parameters the analysis parameters: model, folds, seed, the classifier's own, optionally cases
 */
public record TrainingRun(Map<String, String> parameters) {
    /** What a run stored. */
    public record Outcome(StoredResult crossValidation, StoredResult comparison, String comparisonProblem) {
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
        CrossValidationAnalysis analysis = new CrossValidationAnalysis();
        List<Case> cases = analysis.cases(study, parameters);
        Map<String, String> effective;
        AnalysisResult result;
        try {
            effective = CrossValidationAnalysis.effective(parameters);
            result = CrossValidationAnalysis.compute(cases, effective, listener, sub.split(90));
        } catch (IllegalArgumentException e) {
            throw new StudyException(study.folder() + ": " + e.getMessage(), e);
        }
        AnalysisRunner runner = new AnalysisRunner();
        StoredResult cv = runner.record(study, CrossValidationAnalysis.ID, effective, result, by);
        Map<String, String> compare = new LinkedHashMap<>();
        compare.put("observations", "predictions");
        try {
            StoredResult cmp = runner.run(study, StoredModels.ROC_COMPARISON, compare, by, sub.split(10));
            return new Outcome(cv, cmp, null);
        } catch (StudyException | RuntimeException e) {
            // the cross-validation is stored; without statistics' comparison the view shows no CI
            return new Outcome(cv, null, e.getMessage());
        }
    }
}
