package org.painlab.imaging.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.Analysis;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.imaging.Classifiers;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.Classifier;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.classify.TrainingSettings;
import org.painlab.imaging.internal.evaluate.StudyCases;

/**
 * Cross-validation of a classifier on the study's cases, grouped by patient, as an analysis (id
 * {@value #ID}) whose result is stored in the study: out-of-fold probability per case, accuracy,
 * sensitivity and specificity at 0.5 and at the Youden threshold, ROC points and AUC. Parameters:
 * {@value #MODEL} (a classifier id, required), {@value #FOLDS} (default 5), {@value #SEED} (default 1)
 * {@value #CASES} (a {@link FeatureTable} file; default: the study's volumes) and the classifier's own
 * parameters (its defaults fill the rest and are stored). The stored
 * predictions reach other analyses as clustered observations (imaging's predictions provider), which
 * is how the statistics engine compares models without imaging depending on it.
 *
 * @since 0.1
 */
public final class CrossValidationAnalysis implements Analysis {
    /** The analysis id saved studies refer to. */
    public static final String ID = "org.painlab.imaging.crossValidation";
    /** Parameter: classifier id. */
    public static final String MODEL = "model";
    /** Parameter: K. */
    public static final String FOLDS = "folds";
    /** Parameter: random seed. */
    public static final String SEED = "seed";
    /** Parameter: a feature table (CSV) to read the cases from instead of the study's volumes. */
    public static final String CASES = "cases";

    private final CaseSource cases;

    /** Reads the cases from the study's imaging store. */
    public CrossValidationAnalysis() {
        this(new StudyCases());
    }

    /** @param cases where the study's cases come from */
    public CrossValidationAnalysis(CaseSource cases) {
        this.cases = cases;
    }

    @Override
    public AnalysisResult run(Study study, Map<String, String> parameters, IProgressMonitor monitor) throws StudyException {
        List<Case> all = cases(study, parameters);
        try {
            return compute(all, parameters, TrainingListener.NONE, monitor);
        } catch (IllegalArgumentException e) {
            throw new StudyException(study.folder() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The cases a run with these parameters reads: the {@value #CASES} feature table when given, else the study's.
     *
     * @throws StudyException naming the file and line of a bad table, or when the study's cases cannot be read
     */
    public List<Case> cases(Study study, Map<String, String> parameters) throws StudyException {
        String table = parameters.get(CASES);
        return table == null ? cases.cases(study) : new FeatureTable(java.nio.file.Path.of(table)).read();
    }

    /**
     * The effective parameters: the given ones with the classifier's defaults, folds and seed filled in.
     *
     * @throws IllegalArgumentException when {@value #MODEL} is missing or unknown
     */
    public static Map<String, String> effective(Map<String, String> parameters) {
        String model = parameters.get(MODEL);
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("parameter '" + MODEL + "' (a classifier id) is required");
        }
        Map<String, String> p = new TreeMap<>(new Classifiers().require(model).defaults());
        p.put(FOLDS, "5");
        p.put(SEED, "1");
        p.putAll(parameters);
        return p;
    }

    /**
     * Runs the cross-validation.
     *
     * @param all the cases (unlabelled ones are left out)
     * @param parameters as {@link #effective}
     * @param listener hears each training step
     * @param monitor progress and cancellation
     * @return the result to store
     * @throws IllegalArgumentException naming the parameter or the fold when the run cannot be made
     */
    public static AnalysisResult compute(List<Case> all, Map<String, String> parameters, TrainingListener listener,
            IProgressMonitor monitor) {
        Map<String, String> p = effective(parameters);
        Classifier classifier = new Classifiers().require(p.get(MODEL));
        int folds = integer(p, FOLDS);
        long seed = integer(p, SEED);
        Map<String, String> own = new TreeMap<>(p);
        own.keySet().removeAll(List.of(MODEL, FOLDS, SEED, CASES));
        List<OutOfFold> oof = new CrossValidation().run(classifier, all, folds, new TrainingSettings(seed, own), listener,
                monitor);
        BinaryMetrics m = BinaryMetrics.of(oof);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(MODEL, p.get(MODEL));
        body.put(FOLDS, folds);
        body.put(SEED, seed);
        body.put("parameters", own);
        body.put("input", classifier.input().name().toLowerCase(java.util.Locale.ROOT));
        body.put("n_cases", oof.size());
        body.put("n_patients", oof.stream().map(OutOfFold::patientId).distinct().count());
        body.put("metrics", metrics(m));
        List<Object> roc = new ArrayList<>();
        for (BinaryMetrics.RocPoint r : m.roc()) {
            roc.add(List.of(r.falsePositiveRate(), r.truePositiveRate(),
                    Double.isInfinite(r.threshold()) ? "Infinity" : r.threshold()));
        }
        body.put("roc", roc);
        List<Object> predictions = new ArrayList<>();
        for (OutOfFold o : oof) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("case", o.caseId());
            row.put("patient", o.patientId());
            row.put("label", o.label());
            row.put("probability", o.probability());
            row.put("fold", o.fold());
            predictions.add(row);
        }
        body.put("predictions", predictions);
        body.put("tables", List.of(Map.of("title", "Cross-validation of " + p.get(MODEL) + " (" + folds
                + " folds grouped by patient, seed " + seed + ")", "header", List.of("Measure", "Value"), "rows",
                List.of(List.of("AUC", round(m.auc())), List.of("Accuracy at 0.5", round(m.accuracy())),
                        List.of("Sensitivity at 0.5", round(m.sensitivity())),
                        List.of("Specificity at 0.5", round(m.specificity())),
                        List.of("Youden threshold", round(m.youdenThreshold())),
                        List.of("Sensitivity at Youden", round(m.youdenSensitivity())),
                        List.of("Specificity at Youden", round(m.youdenSpecificity()))),
                "footnotes", List.of("95% CIs of the AUC (DeLong and patient-clustered) come from"
                        + " `painlab imaging compare`, analysis org.painlab.stats.rocComparison."))));
        return new AnalysisResult("Cross-validation of " + p.get(MODEL), body, inputs(all));
    }

    /** The metrics as stored (and printed by the commands). */
    public static Map<String, Object> metrics(BinaryMetrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("auc", m.auc());
        out.put("accuracy", m.accuracy());
        out.put("sensitivity", m.sensitivity());
        out.put("specificity", m.specificity());
        out.put("youden", Map.of("threshold", m.youdenThreshold(), "sensitivity", m.youdenSensitivity(),
                "specificity", m.youdenSpecificity()));
        return out;
    }

    private static Map<String, Object> inputs(List<Case> all) {
        List<Object> rows = new ArrayList<>();
        for (Case c : all) {
            rows.add(List.of(c.id(), c.patientId(), c.label(), new TreeMap<>(c.features())));
        }
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("cases", rows);
        in.put("features", new ArrayList<>(new TreeSet<>(all.stream().flatMap(c -> c.features().keySet().stream()).toList())));
        return in;
    }

    private static int integer(Map<String, String> p, String name) {
        try {
            return Integer.parseInt(p.get(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a whole number, was '" + p.get(name) + "'", e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
