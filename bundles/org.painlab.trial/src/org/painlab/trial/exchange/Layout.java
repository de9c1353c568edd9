package org.painlab.trial.exchange;

import java.util.Locale;

/**
 * How a CSV or XLSX table holds the trial data (see {@link ColumnNames}).
 *
 * @since 0.1
 */
public enum Layout {
    /** One row per subject; columns are subject fields, baseline variables and {@code <instrument>.<visit>.<item>}. */
    WIDE("wide"),
    /** One row per value: {@code subject_id, visit, instrument, item, value}. */
    LONG("long");

    private final String code;

    Layout(String code) {
        this.code = code;
    }

    /**
     * The option value.
     *
     * @return "wide" or "long"
     */
    public String code() {
        return code;
    }

    /**
     * The layout of an option value.
     *
     * @param code wide or long (case-insensitive)
     * @return the layout
     * @throws IllegalArgumentException naming the valid values
     */
    public static Layout of(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (Layout l : values()) {
            if (l.code.equals(c)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown layout '" + code + "': valid wide, long");
    }
}
