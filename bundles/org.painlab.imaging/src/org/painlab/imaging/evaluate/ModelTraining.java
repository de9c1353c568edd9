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
import org.painlab.core.result.StoredResult;
import org.painlab.imaging.Classifiers;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.Classifier;
import org.painlab.imaging.classify.ClassifierInput;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.classify.TrainingSettings;
import org.painlab.imaging.store.FeatureRecipe;
import org.painlab.imaging.store.SavedModels;
import org.painlab.imaging.store.StoredFeatures;

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
     * @param recipe    how the model's features are computed from a volume (saved with it, so the model can
     *                  grade a new volume); null for a model on volumes or one trained on a feature table
     */
    public record Outcome(StoredResult result, AnalysisResult computed, Path modelFile, FeatureRecipe recipe) {
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
        // how the features were computed goes with a model on features, so it can grade a new volume
        String model = effective.get(CrossValidationAnalysis.MODEL);
        FeatureRecipe recipe = effective.containsKey(CrossValidationAnalysis.CASES)
                || new Classifiers().require(model).input() != ClassifierInput.FEATURES ? null
                        : new StoredFeatures(study).recipe(cases.stream().filter(c -> c.label() >= 0).toList()).orElse(null);
        StoredResult stored = new AnalysisRunner().record(study, CrossValidationAnalysis.ID, effective, result, actor);
        Path saved;
        try {
            saved = new SavedModels(study).save(stored.id(), finalModel, recipe).file();
        } catch (IOException e) {
            throw new StudyException(study.folder() + ": the trained model cannot be saved (" + e.getMessage() + ")", e);
        }
        return new Outcome(stored, result, saved, recipe);
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
