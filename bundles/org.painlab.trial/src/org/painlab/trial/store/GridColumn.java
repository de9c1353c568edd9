package org.painlab.trial.store;

/**
 * A column of the {@link SubjectGrid}.
 *
 * @param key column key: a subject field ({@code subject_id, arm, status}), a variable name, or
 *     {@code <instrument>.<visit>} for a score
 * @param label header label
 * @param kind what the column holds
 * @param visitId the visit of a score column, else null
 * @param instrumentId the instrument of a score column, else null
 *
 * @since 0.1
 */
public record GridColumn(String key, String label, Kind kind, String visitId, String instrumentId) {

    /** What a grid column holds. */
    public enum Kind {
        /** A subject field (text). */
        SUBJECT,
        /** A baseline variable (number or text). */
        VARIABLE,
        /** An instrument's score at a visit, computed from the answers (number, or null when not scorable). */
        SCORE
    }
}
