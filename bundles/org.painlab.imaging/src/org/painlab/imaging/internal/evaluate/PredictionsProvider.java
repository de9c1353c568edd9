package org.painlab.imaging.internal.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.data.ClusteredObservations;
import org.painlab.core.data.DataProvider;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.imaging.evaluate.CrossValidationAnalysis;

/**
 * Offers the stored cross-validation results to every analysis as clustered observations (units =
 * cases, clusters = patients): {@code predictions:<model>} (columns {@code label}, {@code probability})
 * from the latest result of each model, and {@code predictions} with column {@code label} and one
 * column per model over the cases all models graded, for paired comparisons.
 */
public final class PredictionsProvider implements DataProvider {
    /** Name of the observation set holding every model's out-of-fold probabilities. */
    public static final String ALL = "predictions";

    @Override
    public List<ClusteredObservations> clusteredObservations(Study study) throws StudyException {
        Map<String, StoredResult> latest = new TreeMap<>();
        for (StoredResult r : new ResultStore(study).list()) {
            if (!CrossValidationAnalysis.ID.equals(r.analysisId())) {
                continue;
            }
            String model = String.valueOf(r.body().get(CrossValidationAnalysis.MODEL));
            StoredResult held = latest.get(model);
            if (held == null || r.id() > held.id()) {
                latest.put(model, r);
            }
        }
        if (latest.isEmpty()) {
            return List.of();
        }
        List<ClusteredObservations> out = new ArrayList<>();
        Map<String, Map<String, Row>> byModel = new LinkedHashMap<>();
        for (Map.Entry<String, StoredResult> e : latest.entrySet()) {
            Map<String, Row> rows = rows(e.getValue());
            byModel.put(e.getKey(), rows);
            List<String> patients = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            double[] label = new double[rows.size()];
            double[] probability = new double[rows.size()];
            int i = 0;
            for (Row r : rows.values()) {
                ids.add(r.caseId);
                patients.add(r.patient);
                label[i] = r.label;
                probability[i++] = r.probability;
            }
            out.add(new ClusteredObservations(ALL + ":" + e.getKey(), "Out-of-fold probabilities of model " + e.getKey()
                    + " (stored result " + e.getValue().id() + ")", patients, ids,
                    Map.of("label", label, "probability", probability)));
        }
        out.add(common(byModel, latest));
        return out;
    }

    private static ClusteredObservations common(Map<String, Map<String, Row>> byModel, Map<String, StoredResult> latest) {
        List<String> ids = new ArrayList<>();
        List<String> patients = new ArrayList<>();
        Map<String, Row> first = byModel.values().iterator().next();
        for (Row r : first.values()) {
            if (byModel.values().stream().allMatch(m -> m.containsKey(r.caseId))) {
                ids.add(r.caseId);
                patients.add(r.patient);
            }
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        double[] label = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            label[i] = first.get(ids.get(i)).label;
        }
        columns.put("label", label);
        byModel.forEach((model, rows) -> {
            double[] p = new double[ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                p[i] = rows.get(ids.get(i)).probability;
            }
            columns.put(model, p);
        });
        return new ClusteredObservations(ALL, "Out-of-fold probabilities of models " + byModel.keySet()
                + " on the cases all of them graded (stored results "
                + latest.values().stream().map(StoredResult::id).toList() + ")", patients, ids, columns);
    }

    private static Map<String, Row> rows(StoredResult r) throws StudyException {
        Map<String, Row> out = new LinkedHashMap<>();
        Object list = r.body().get("predictions");
        if (!(list instanceof List<?> items)) {
            throw new StudyException("stored result " + r.id() + " (" + r.analysisId() + ") has no 'predictions'");
        }
        for (Object o : items) {
            Map<?, ?> m = (Map<?, ?>) o;
            Row row = new Row(String.valueOf(m.get("case")), String.valueOf(m.get("patient")),
                    ((Number) m.get("label")).doubleValue(), ((Number) m.get("probability")).doubleValue());
            out.put(row.caseId, row);
        }
        return out;
    }

    private record Row(String caseId, String patient, double label, double probability) {
    }
}
