package org.painlab.trial.store;

import java.util.Objects;

/**
 * A planned visit (time point) of the trial, e.g. {@code admission} or {@code month3}.
 *
 * @param id stable id used in column names and exports (letters, digits, '_' or '-')
 * @param label human-readable label, e.g. "3 months after surgery"
 * @param dayOffset planned day relative to surgery or enrolment, or null when not fixed
 * @param ordinal time order
 *
 * @since 0.1
 */
public record VisitDefinition(String id, String label, Integer dayOffset, int ordinal) {
    /** Checks that id and label are present. */
    public VisitDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
