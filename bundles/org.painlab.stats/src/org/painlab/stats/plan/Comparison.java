package org.painlab.stats.plan;

import java.util.Locale;

/**
 * The two comparisons the analysis plan makes.
 *
 * @since 0.1
 */
public enum Comparison {
    /** Arms compared with each other at one time point. */
    BETWEEN("between"),
    /** One arm at a later time point compared with its own baseline (paired). */
    WITHIN("within");

    private final String id;

    Comparison(String id) {
        this.id = id;
    }

    /** @return identifier used in plan files and JSON */
    public String id() {
        return id;
    }

    /**
     * @param text "between" or "within", case-insensitive
     * @return the comparison
     */
    public static Comparison parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Comparison c : values()) {
            if (c.id.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown comparison '" + text + "': expected between or within");
    }
}
