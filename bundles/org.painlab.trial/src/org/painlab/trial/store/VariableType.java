package org.painlab.trial.store;

import java.util.Locale;

/**
 * The type of a subject-level (baseline) variable.
 *
 * @since 0.1
 */
public enum VariableType {
    /** Whole numbers (stored as numbers). */
    INTEGER("integer"),
    /** Decimal numbers. */
    NUMBER("number"),
    /** Free or coded text. */
    TEXT("text"),
    /** A calendar date, stored as ISO text {@code yyyy-mm-dd}. */
    DATE("date");

    private final String code;

    VariableType(String code) {
        this.code = code;
    }

    /**
     * The stored code.
     *
     * @return e.g. "integer"
     */
    public String code() {
        return code;
    }

    /**
     * Whether values of this type are numbers.
     *
     * @return true for INTEGER and NUMBER
     */
    public boolean numeric() {
        return this == INTEGER || this == NUMBER;
    }

    /**
     * The type of a code.
     *
     * @param code e.g. "number"
     * @return the type
     * @throws IllegalArgumentException for an unknown code
     */
    public static VariableType of(String code) {
        String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (VariableType t : values()) {
            if (t.code.equals(c)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown variable type '" + code + "': valid integer, number, text, date");
    }
}
