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
 * @param subscore for a column of one sub-score ({@link org.painlab.trial.instrument.Instrument#subscoreLabels()},
 *     keyed {@code <instrument>.<visit>.<subscore>}, labelled with the sub-score's short label), its key; else null
 *
 * @since 0.1
 */
public record GridColumn(String key, String label, Kind kind, String visitId, String instrumentId, String subscore) {

    /** A column without a sub-score (a subject field, a variable or an instrument's score). */
    public GridColumn(String key, String label, Kind kind, String visitId, String instrumentId) {
        this(key, label, kind, visitId, instrumentId, null);
    }

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
