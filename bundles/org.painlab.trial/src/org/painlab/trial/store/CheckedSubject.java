package org.painlab.trial.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A subject to import whose answer sets are already checked ({@link AnswerChecker}): the subject, its
 * baseline variables, its answers and its observations. {@link TrialEditor#importSubject(CheckedSubject,
 * String)} writes it like a {@link SubjectRecord}, checking everything but the answer sets again.
 *
 * @param subject the subject
 * @param baseline variable name to value, in the order given (unmodifiable copy)
 * @param answers the answer sets, grouped by visit (unmodifiable copy)
 * @param observations values of repeated forms and of forms filled at several visits (unmodifiable copy)
 *
 * @since 0.1
 */
public record CheckedSubject(Subject subject, Map<String, VariableValue> baseline, List<CheckedAnswers> answers,
        List<Observation> observations) {

    /** Copies the collections, keeping their order. */
    public CheckedSubject {
        Objects.requireNonNull(subject, "subject");
        baseline = baseline == null || baseline.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(baseline));
        answers = answers == null ? List.of() : List.copyOf(answers);
        observations = observations == null ? List.of() : List.copyOf(observations);
    }

    /**
     * Number of answers (item values) over all answer sets.
     *
     * @return the count
     */
    public int answerCount() {
        int n = 0;
        for (CheckedAnswers a : answers) {
            n += a.size();
        }
        return n;
    }
}
