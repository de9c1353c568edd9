package org.painlab.imaging.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.io.AtomicFiles;
import org.painlab.core.result.StoredResult;
import org.painlab.imaging.Classifiers;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.Classifier;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.classify.TrainingSettings;

/**
 * Trains a model in a study the one way every front end does ({@code painlab imaging train}, the Imaging
 * perspective's Train Model): the {@link CrossValidationAnalysis} grouped by patient, then the classifier
 * trained on every labelled case, then the cross-validation stored with provenance and that final model saved
 * as {@code files/models/<model>-result<id>.model} next to it. Both are made before anything is stored, so a
 * failure or a cancel leaves neither a result nor a model file.
 *
 * @since 0.1
 */
public final class ModelTraining {
    /** The study folder (under {@code files/}) holding saved models. */
    public static final String MODELS_FOLDER = "models";

    private final CrossValidationAnalysis analysis;

    /** Reads the cases as {@code analysis} does (the study's volumes, or a feature table named by the parameters). */
    public ModelTraining(CrossValidationAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * What a run stored.
     *
     * @param result    the stored cross-validation
     * @param computed  its body as computed (metrics, ROC, predictions)
     * @param modelFile the saved final model
     */
    public record Outcome(StoredResult result, AnalysisResult computed, Path modelFile) {
    }

    /**
     * @param parameters  model, folds, seed, optionally cases, and the classifier's own parameters
     * @param actor       who runs it, for the provenance (null: the OS user)
     * @param listener    hears the cross-validation's training steps (for live curves)
     * @param monitor     progress (cross-validation 85 %, final model 15 %) and cancel
     * @throws StudyException when the cases cannot be read or the model cannot be saved
     * @throws IllegalArgumentException naming a bad parameter or a fold that cannot be trained (nothing stored)
     * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled (nothing stored)
     */
    public Outcome run(Study study, Map<String, String> parameters, String actor, TrainingListener listener,
            IProgressMonitor monitor) throws StudyException {
        SubMonitor sub = SubMonitor.convert(monitor, 100);
        List<Case> cases = analysis.cases(study, parameters);
        Map<String, String> effective = CrossValidationAnalysis.effective(parameters);
        AnalysisResult result = CrossValidationAnalysis.compute(cases, effective, listener, sub.split(85));
        TrainedModel finalModel = trainOnAll(cases, effective, sub.split(15));
        StoredResult stored = new AnalysisRunner().record(study, CrossValidationAnalysis.ID, effective, result, actor);
        Path saved = modelFile(study, effective.get(CrossValidationAnalysis.MODEL), stored.id());
        try {
            AtomicFiles.write(saved, finalModel::save);
        } catch (IOException e) {
            throw new StudyException(study.folder() + ": the trained model cannot be saved (" + e.getMessage() + ")", e);
        }
        return new Outcome(stored, result, saved);
    }

    /** Where the final model of cross-validation {@code resultId} of classifier {@code model} is saved. */
    public static Path modelFile(Study study, String model, long resultId) {
        return study.filesFolder().resolve(MODELS_FOLDER).resolve(model + "-result" + resultId + ".model");
    }

    /** The saved final model of a stored cross-validation, when its file is there. */
    public static Optional<Path> savedModel(Study study, StoredResult crossValidation) {
        if (!CrossValidationAnalysis.ID.equals(crossValidation.analysisId())) {
            return Optional.empty();
        }
        Path file = modelFile(study, String.valueOf(crossValidation.body().get(CrossValidationAnalysis.MODEL)), crossValidation.id());
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static TrainedModel trainOnAll(List<Case> cases, Map<String, String> effective, IProgressMonitor monitor) {
        Classifier classifier = new Classifiers().require(effective.get(CrossValidationAnalysis.MODEL));
        Map<String, String> own = new LinkedHashMap<>(effective);
        own.keySet().removeAll(List.of(CrossValidationAnalysis.MODEL, CrossValidationAnalysis.FOLDS, CrossValidationAnalysis.SEED,
                CrossValidationAnalysis.CASES));
        long seed = Long.parseLong(effective.get(CrossValidationAnalysis.SEED).trim());
        return classifier.train(cases.stream().filter(c -> c.label() >= 0).toList(), new TrainingSettings(seed, own),
                TrainingListener.NONE, monitor);
    }
}
