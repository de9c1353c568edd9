package org.painlab.trial.internal.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.painlab.core.data.ClusteredObservations;
import org.painlab.trial.store.Observation;

/**
 * Turns the trial's stored observations into the core data contract's clustered observations: one
 * set per form, one observation per subject, visit and instance, one column per field whose values are
 * all numbers (NaN where an observation lacks the field).
 */
final class FormObservations {
    private FormObservations() {
    }

    static List<ClusteredObservations> from(Map<String, List<Observation>> bySubject) {
        Map<String, Map<String, Map<String, Observation>>> byForm = new LinkedHashMap<>();
        Map<String, String> subjectOf = new LinkedHashMap<>();
        Map<String, Set<String>> textFields = new LinkedHashMap<>();
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        bySubject.forEach((subject, list) -> {
            for (Observation o : list) {
                String id = o.observationId(subject);
                subjectOf.put(id, subject);
                byForm.computeIfAbsent(o.form(), f -> new LinkedHashMap<>()).computeIfAbsent(id, k -> new LinkedHashMap<>())
                        .put(o.field(), o);
                fields.computeIfAbsent(o.form(), f -> new java.util.LinkedHashSet<>()).add(o.field());
                if (o.number() == null) {
                    textFields.computeIfAbsent(o.form(), f -> new HashSet<>()).add(o.field());
                }
            }
        });
        List<ClusteredObservations> out = new ArrayList<>();
        byForm.forEach((form, observations) -> {
            List<String> ids = new ArrayList<>(observations.keySet());
            List<String> subjects = new ArrayList<>(ids.size());
            for (String id : ids) {
                subjects.add(subjectOf.get(id));
            }
            Map<String, double[]> columns = new LinkedHashMap<>();
            Set<String> text = textFields.getOrDefault(form, Set.of());
            for (String field : fields.get(form)) {
                if (text.contains(field)) {
                    continue;
                }
                double[] v = new double[ids.size()];
                for (int i = 0; i < v.length; i++) {
                    Observation o = observations.get(ids.get(i)).get(field);
                    v[i] = o == null ? Double.NaN : o.number();
                }
                columns.put(field, v);
            }
            out.add(new ClusteredObservations("form:" + form, "Form " + form + " of the trial: " + ids.size()
                    + " observations (subject/visit/instance) of " + new HashSet<>(subjects).size() + " subjects",
                    subjects, ids, columns));
        });
        return out;
    }
}
