package org.painlab.trial.exchange;

import java.util.List;

import org.painlab.trial.store.TrialStore;

/**
 * The column naming of CSV and XLSX files, shared by import and export.
 *
 * <p><b>Wide layout</b> (one row per subject):
 * <ul>
 * <li>subject fields: {@code subject_id} (required), {@code arm}, {@code status} (enrolled, completed,
 * lost_to_follow_up, withdrawn), {@code allocation_seq}, {@code stratum}, {@code enrolled_on}
 * (yyyy-mm-dd), {@code simulated} (true/false);</li>
 * <li>baseline variables: their plain name, e.g. {@code age}, {@code bmi} (a letter, then letters,
 * digits or '_');</li>
 * <li>answers: {@code <instrument>.<visit>.<item>}, e.g. {@code odi.admission.pain_intensity}; for an
 * instrument with a single item (VAS, NRS, MacNab) {@code <instrument>.<visit>} also names that item,
 * e.g. {@code vas.admission}; exports use that short form.</li>
 * </ul>
 * An empty cell is a missing value. Scores are never imported or exported: they are computed from the
 * items.
 *
 * <p><b>Long layout</b> (one row per value): columns {@code subject_id, visit, instrument, item, value}.
 * A subject field or baseline variable is a row with empty {@code visit} and {@code instrument} and the
 * field's name in {@code item}; an answer names all three (the item may be empty for a single-item
 * instrument).
 *
 * <p>Other column names can be mapped onto these with a {@link ColumnMapping}.
 *
 * @since 0.1
 */
public final class ColumnNames {
    /** The subject-id column. */
    public static final String SUBJECT_ID = "subject_id";
    /** Long layout columns, in order. */
    public static final List<String> LONG_COLUMNS = List.of("subject_id", "visit", "instrument", "item", "value");
    /** The subject fields, in export order. */
    public static final List<String> SUBJECT_FIELDS = TrialStore.SUBJECT_FIELDS;

    private ColumnNames() {
    }

    /**
     * The wide column of an answer.
     *
     * @param instrumentId the instrument
     * @param visitId the visit
     * @param itemId the item, or null for a single-item instrument's short form
     * @return e.g. "odi.admission.pain_intensity" or "vas.admission"
     */
    public static String answerColumn(String instrumentId, String visitId, String itemId) {
        return itemId == null ? instrumentId + "." + visitId : instrumentId + "." + visitId + "." + itemId;
    }
}
