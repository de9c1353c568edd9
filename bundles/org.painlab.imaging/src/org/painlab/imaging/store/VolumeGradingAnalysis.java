package org.painlab.imaging.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.Analysis;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.imaging.Classifiers;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.VolumeReaders;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.Classifier;
import org.painlab.imaging.classify.ClassifierInput;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.evaluate.FeatureTable;
import org.painlab.imaging.internal.store.VolumeFiles;

/**
 * Grading new cases with a model the study saved ({@link SavedModels}), without retraining, as an analysis
 * (id {@value #ID}) whose result is stored with its provenance. A volume is graded by a model on volumes
 * directly and by a model on features through the feature settings saved with it ({@link FeatureRecipe}):
 * the same IBSI features inside the volume's mask, read by key. Parameters: {@value #MODEL} (classifier id,
 * required), {@value #TRAINING_RESULT} (whose model; default the newest), either {@value #VOLUME} (a volume
 * file, with {@value #MASK}) or {@value #CASES} (a feature table), and {@value #THRESHOLD} (default 0.5).
 * Inputs: the SHA-256 of the model file and of every file read.
 *
 * @since 0.1
 */
public final class VolumeGradingAnalysis implements Analysis {
    /** The analysis id saved studies refer to. */
    public static final String ID = "org.painlab.imaging.grade";
    /** Parameter: classifier id of the saved model. */
    public static final String MODEL = "model";
    /** Parameter: the stored cross-validation whose model grades (default: the newest model of the classifier). */
    public static final String TRAINING_RESULT = "training_result";
    /** Parameter: the volume file to grade. */
    public static final String VOLUME = "volume";
    /** Parameter: the volume's mask file (non-zero voxels = region of interest). */
    public static final String MASK = "mask";
    /** Parameter: a feature table whose rows to grade, instead of a volume. */
    public static final String CASES = "cases";
    /** Parameter: probability at or above which a case is graded 1. */
    public static final String THRESHOLD = "threshold";

    @Override
    public AnalysisResult run(Study study, Map<String, String> parameters, IProgressMonitor monitor) throws StudyException {
        String model = parameters.get(MODEL);
        if (model == null || model.isBlank()) {
            throw new StudyException("parameter '" + MODEL + "' (a classifier id) is required");
        }
        String volume = blankToNull(parameters.get(VOLUME));
        String table = blankToNull(parameters.get(CASES));
        if ((volume == null) == (table == null)) {
            throw new StudyException("give either parameter '" + VOLUME + "' (a volume file) or '" + CASES + "' (a feature table)");
        }
        double threshold = threshold(parameters.get(THRESHOLD));
        SubMonitor sub = SubMonitor.convert(monitor, "Grading with " + model, 3);
        Classifier classifier;
        try {
            classifier = new Classifiers().require(model);
        } catch (IllegalArgumentException e) {
            throw new StudyException(e.getMessage(), e);
        }
        SavedModels models = new SavedModels(study);
        SavedModels.SavedModel saved;
        TrainedModel trained;
        try {
            Long result = trainingResult(parameters.get(TRAINING_RESULT));
            saved = models.find(model, result).orElseThrow(() -> new StudyException(study.folder() + ": no saved model of '"
                    + model + "'" + (result == null ? "" : " from result " + result) + ": run `painlab imaging train "
                    + study.folder() + " --model " + model + " --seed S` first"));
            trained = SavedModels.load(saved, classifier);
        } catch (IOException e) {
            throw new StudyException("the saved model cannot be read: " + e.getMessage(), e);
        }
        sub.worked(1);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("model_file", List.of(study.folder().relativize(saved.file()).toString(), sha256(saved.file())));
        List<Case> cases;
        List<Map<String, Object>> files = new ArrayList<>();
        if (table != null) {
            Path t = Path.of(table);
            inputs.put("cases", List.of(t.toAbsolutePath().toString(), sha256(t)));
            cases = new FeatureTable(t).read();
        } else {
            Path v = Path.of(volume);
            String maskText = blankToNull(parameters.get(MASK));
            Path m = maskText == null ? null : Path.of(maskText);
            inputs.put("volume", List.of(v.toAbsolutePath().toString(), sha256(v), m == null ? "" : m.toAbsolutePath().toString(),
                    m == null ? "" : sha256(m)));
            cases = List.of(volumeCase(classifier, saved, v, m));
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("volume", v.toAbsolutePath().toString());
            f.put("mask", m == null ? null : m.toAbsolutePath().toString());
            files.add(f);
        }
        sub.worked(1);
        List<Object> graded = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            double p;
            try {
                p = trained.probability(c);
            } catch (IllegalArgumentException e) {
                throw new StudyException((table != null ? table : volume) + ": " + e.getMessage(), e);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("case", c.id());
            row.put("patient", c.patientId());
            if (!files.isEmpty()) {
                row.putAll(files.get(i));
            }
            row.put("probability", p);
            row.put("grade", p >= threshold ? 1 : 0);
            graded.add(row);
            rows.add(List.of(c.id(), c.patientId(), Math.round(p * 1e4) / 1e4, p >= threshold ? 1 : 0));
        }
        sub.worked(1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("training_result", Long.toString(saved.trainingResult()));
        body.put("model_file", study.folder().relativize(saved.file()).toString());
        body.put("input", classifier.input().name().toLowerCase(Locale.ROOT));
        body.put("feature_settings", saved.recipe() == null ? null : saved.recipe().describe());
        body.put("threshold", threshold);
        body.put("cases", graded);
        body.put("tables", List.of(Map.of("title", "Graded with " + model + " (training result " + saved.trainingResult() + ")",
                "header", List.of("Case", "Patient", "Probability", "Grade"), "rows", rows,
                "footnotes", List.of("Grade 1 at probability >= " + threshold + "."))));
        String title = "Grading of " + (cases.size() == 1 ? cases.get(0).id() : cases.size() + " cases") + " with " + model;
        return new AnalysisResult(title, body, inputs);
    }

    /** The case of a volume file: its voxels for a model on volumes, its features by the saved recipe for one on features. */
    private static Case volumeCase(Classifier classifier, SavedModels.SavedModel saved, Path file, Path maskFile)
            throws StudyException {
        FeatureRecipe recipe = null;
        if (classifier.input() == ClassifierInput.FEATURES) {
            recipe = saved.featureRecipe().orElseThrow(() -> new StudyException(saved.file()
                    + ": the model was saved without its feature settings (trained on a feature table, or before"
                    + " they were saved with the model), so it cannot grade a volume: grade a feature table"
                    + " (--cases) or train it again on the study's volumes"));
            if (maskFile == null) {
                throw new StudyException(file + ": a model on texture features needs the volume's mask (--mask): its"
                        + " features were computed inside masks");
            }
        }
        VolumeReaders readers = new VolumeReaders();
        Volume image;
        Volume mask;
        try {
            image = readers.read(file);
            mask = maskFile == null ? null : readers.read(maskFile);
        } catch (ImagingException e) {
            throw new StudyException(e.getMessage(), e);
        }
        Map<String, Double> features = Map.of();
        if (recipe != null) {
            try {
                features = recipe.features(image, mask);
            } catch (ImagingException e) {
                throw new StudyException(e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new StudyException(file + ": " + e.getMessage(), e);
            }
        }
        return new Case(file.getFileName().toString(), "-", -1, features, () -> image, () -> mask);
    }

    private static String sha256(Path file) throws StudyException {
        try {
            return VolumeFiles.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new StudyException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static Long trainingResult(String text) throws StudyException {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new StudyException("parameter '" + TRAINING_RESULT + "': expected a result id, found '" + t + "'", e);
        }
    }

    private static double threshold(String text) throws StudyException {
        String t = blankToNull(text);
        if (t == null) {
            return 0.5;
        }
        try {
            double v = Double.parseDouble(t);
            if (!(v >= 0 && v <= 1)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new StudyException("parameter '" + THRESHOLD + "': expected a probability from 0 to 1, found '" + t + "'", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
