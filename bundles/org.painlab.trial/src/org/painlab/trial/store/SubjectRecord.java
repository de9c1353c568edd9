package org.painlab.trial.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything stored about one subject, as imported or exported: the subject, its baseline variables,
 * its answers and its repeated or per-visit observations of forms that are not instruments.
 *
 * @param subject the subject
 * @param baseline variable name to value, in definition order (unmodifiable)
 * @param answers visit id to instrument id to item id to answer, in visit, schedule and item order
 *     (unmodifiable)
 * @param observations values of repeated forms and of forms filled at several visits, in form, visit,
 *     instance and field order (unmodifiable)
 *
 * @since 0.1
 */
public record SubjectRecord(Subject subject, Map<String, VariableValue> baseline,
        Map<String, Map<String, Map<String, Double>>> answers, List<Observation> observations) {

    /**
     * A record without observations.
     *
     * @param subject the subject
     * @param baseline variable name to value
     * @param answers visit id to instrument id to item id to answer
     */
    public SubjectRecord(Subject subject, Map<String, VariableValue> baseline, Map<String, Map<String, Map<String, Double>>> answers) {
        this(subject, baseline, answers, List.of());
    }

    /** Copies the maps, keeping their order. */
    public SubjectRecord {
        Objects.requireNonNull(subject, "subject");
        baseline = Collections.unmodifiableMap(new LinkedHashMap<>(baseline == null ? Map.of() : baseline));
        Map<String, Map<String, Map<String, Double>>> a = new LinkedHashMap<>();
        if (answers != null) {
            answers.forEach((visit, byInstrument) -> {
                Map<String, Map<String, Double>> m = new LinkedHashMap<>();
                byInstrument.forEach((inst, items) -> m.put(inst, Collections.unmodifiableMap(new LinkedHashMap<>(items))));
                a.put(visit, Collections.unmodifiableMap(m));
            });
        }
        answers = Collections.unmodifiableMap(a);
        observations = observations == null ? List.of() : List.copyOf(observations);
    }

    /**
     * Number of answers (item values) over all visits and instruments.
     *
     * @return the count
     */
    public int answerCount() {
        int n = 0;
        for (Map<String, Map<String, Double>> byInstrument : answers.values()) {
            for (Map<String, Double> items : byInstrument.values()) {
                n += items.size();
            }
        }
        return n;
    }
}
