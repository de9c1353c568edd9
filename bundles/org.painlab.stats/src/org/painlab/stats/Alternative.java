package org.painlab.stats;

import java.util.Locale;

/**
 * Direction of the alternative hypothesis of a test, with the identifiers used on the
 * command line and in JSON output.
 *
 * @since 0.1
 */
public enum Alternative {
    /** The effect differs from the null value in either direction. */
    TWO_SIDED("two-sided"),
    /** The effect is smaller than the null value (for two samples: first below second). */
    LESS("less"),
    /** The effect is greater than the null value (for two samples: first above second). */
    GREATER("greater");

    private final String id;

    Alternative(String id) {
        this.id = id;
    }

    /** @return the identifier written in JSON output: "two-sided", "less" or "greater" */
    public String id() {
        return id;
    }

    /**
     * Parses an identifier; R's spelling "two.sided" and "two_sided" are accepted because
     * users copy them from R calls.
     *
     * @param text the identifier, case-insensitive
     * @return the alternative
     * @throws IllegalArgumentException if the text names no alternative
     */
    public static Alternative parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("alternative is missing: expected two-sided, less or greater");
        }
        String key = text.trim().toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
        for (Alternative a : values()) {
            if (a.id.equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException(
                "unknown alternative '" + text + "': expected two-sided (or two.sided), less or greater");
    }
}
