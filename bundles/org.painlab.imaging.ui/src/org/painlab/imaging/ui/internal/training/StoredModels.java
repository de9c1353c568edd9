package org.painlab.imaging.ui.internal.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.imaging.evaluate.CrossValidationAnalysis;
import org.painlab.imaging.evaluate.ModelTraining;

/**
 * Reads what the Model Comparison shows from the study's stored results: per model its latest
 * cross-validation with its saved final model, and the CIs from the latest stored ROC comparison of the models'
 * predictions.
 */
public final class StoredModels {
    /** The statistics engine's analysis, known here by its id only. */
    public static final String ROC_COMPARISON = "org.painlab.stats.rocComparison";

    /**
     * @param study an open study
     * @return one row per model with a stored cross-validation, by model id
     * @throws StudyException when the results cannot be read
     */
    public List<ModelRow> read(Study study) throws StudyException {
        Map<String, StoredResult> latest = new TreeMap<>();
        StoredResult comparison = null;
        for (StoredResult r : new ResultStore(study).list()) {
            if (CrossValidationAnalysis.ID.equals(r.analysisId())) {
                String model = String.valueOf(r.body().get(CrossValidationAnalysis.MODEL));
                StoredResult held = latest.get(model);
                if (held == null || r.id() > held.id()) {
                    latest.put(model, r);
                }
            } else if (ROC_COMPARISON.equals(r.analysisId()) && (comparison == null || r.id() > comparison.id())) {
                comparison = r;
            }
        }
        Map<String, Map<?, ?>> cis = new LinkedHashMap<>();
        if (comparison != null && comparison.body().get("markers") instanceof List<?> markers) {
            for (Object o : markers) {
                if (o instanceof Map<?, ?> m) {
                    cis.put(String.valueOf(m.get("marker")), m);
                }
            }
        }
        List<ModelRow> out = new ArrayList<>();
        for (Map.Entry<String, StoredResult> e : latest.entrySet()) {
            StoredResult r = e.getValue();
            Map<?, ?> metrics = (Map<?, ?>) r.body().get("metrics");
            List<?> roc = (List<?>) r.body().get("roc");
            double[] fpr = new double[roc.size()];
            double[] tpr = new double[roc.size()];
            for (int i = 0; i < roc.size(); i++) {
                List<?> p = (List<?>) roc.get(i);
                fpr[i] = number(p.get(0));
                tpr[i] = number(p.get(1));
            }
            // a comparison made before this cross-validation compared an older model: its CI would not be this one's
            Map<?, ?> ci = comparison != null && comparison.id() > r.id() ? cis.get(e.getKey()) : null;
            double[] delong = ci == null ? new double[] { Double.NaN, Double.NaN } : pair(ci.get("ci95_delong"));
            double[] clustered = ci == null ? new double[] { Double.NaN, Double.NaN } : pair(ci.get("ci95_clustered"));
            out.add(new ModelRow(e.getKey(), r.id(), (int) number(r.body().get("n_cases")),
                    (int) number(r.body().get("n_patients")), number(metrics.get("auc")), delong[0], delong[1],
                    clustered[0], clustered[1], number(metrics.get("accuracy")), number(metrics.get("sensitivity")),
                    number(metrics.get("specificity")), fpr, tpr, ModelTraining.savedModel(study, r)
                            .map(f -> study.folder().relativize(f).toString()).orElse("")));
        }
        return out;
    }

    private static double number(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o == null) {
            return Double.NaN;
        }
        String s = o.toString();
        return s.equals("Infinity") ? Double.POSITIVE_INFINITY : Double.parseDouble(s);
    }

    private static double[] pair(Object o) {
        if (o instanceof double[] a && a.length == 2) {
            return a.clone();
        }
        if (o instanceof List<?> l && l.size() == 2) {
            return new double[] { number(l.get(0)), number(l.get(1)) };
        }
        return new double[] { Double.NaN, Double.NaN };
    }
}
