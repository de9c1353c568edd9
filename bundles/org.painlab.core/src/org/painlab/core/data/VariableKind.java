package org.painlab.core.data;

import java.util.Locale;

/**
 * What kind of values a variable holds, which decides how it is summarised and which tests the
 * analysis plan may choose for it.
 *
 * @since 0.1
 */
public enum VariableKind {
    /** Measured on a numeric scale (age, VAS, ODI); summarised as mean ± SD or median (Q1–Q3). */
    CONTINUOUS("continuous"),
    /** Two levels, reported as n (%) of the event level (hypertension yes/no, a complication). */
    BINARY("binary"),
    /** Unordered levels (sex, herniation level), reported as n (%) per level. */
    CATEGORICAL("categorical"),
    /** Ordered levels (Pfirrmann I–V, MacNab grades), reported as n (%) and compared by ranks. */
    ORDINAL("ordinal");

    private final String id;

    VariableKind(String id) {
        this.id = id;
    }

    /** @return the identifier used in plan files: continuous, binary, categorical or ordinal */
    public String id() {
        return id;
    }

    /** @return true for kinds whose values are level codes rather than numbers */
    public boolean isCoded() {
        return this != CONTINUOUS;
    }

    /**
     * Parses a kind; "count" and "dichotomous" are read as binary and "nominal" as categorical
     * because plan files written by hand use those words.
     *
     * @param text the identifier, case-insensitive
     * @return the kind
     * @throws IllegalArgumentException naming the accepted words
     */
    public static VariableKind parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "continuous", "numeric" -> CONTINUOUS;
            case "binary", "count", "counts", "dichotomous" -> BINARY;
            case "categorical", "nominal" -> CATEGORICAL;
            case "ordinal", "ordered" -> ORDINAL;
            default -> throw new IllegalArgumentException("unknown variable kind '" + text
                    + "': expected continuous, binary (count), categorical (nominal) or ordinal");
        };
    }
}
