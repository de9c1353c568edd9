package org.painlab.trial.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything stored about one subject, as imported or exported: the subject, its baseline variables
 * and its answers.
 *
 * @param subject the subject
 * @param baseline variable name to value, in definition order (unmodifiable)
 * @param answers visit id to instrument id to item id to answer, in visit, schedule and item order
 *     (unmodifiable)
 *
 * @since 0.1
 */
public record SubjectRecord(Subject subject, Map<String, VariableValue> baseline,
        Map<String, Map<String, Map<String, Double>>> answers) {

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
