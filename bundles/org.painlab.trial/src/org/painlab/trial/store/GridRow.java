package org.painlab.trial.store;

import java.util.Collections;
import java.util.List;

/**
 * One row of the {@link SubjectGrid}: one subject.
 *
 * @param subjectId the subject
 * @param values one value per {@link SubjectGrid#columns()} entry: String, Double or null
 *
 * @since 0.1
 */
public record GridRow(String subjectId, List<Object> values) {
    /** Wraps the values unmodifiably (nulls allowed). */
    public GridRow {
        values = Collections.unmodifiableList(values);
    }
}
