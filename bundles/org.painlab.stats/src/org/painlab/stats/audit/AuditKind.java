package org.painlab.stats.audit;

import java.util.Locale;

/**
 * What a row of a published table gives.
 *
 * @since 0.1
 */
public enum AuditKind {
    /** A contingency table of counts (groups × categories). */
    COUNTS("counts"),
    /** Counts of ordered categories by group (groups in rows, grades in columns, in order). */
    ORDINAL("ordinal"),
    /** Per group n, mean, SD and/or median and quartiles. */
    SUMMARY("summary");

    private final String id;

    AuditKind(String id) {
        this.id = id;
    }

    /** @return the id used in audit files */
    public String id() {
        return id;
    }

    /**
     * @param text counts, ordinal or summary
     * @return the kind
     */
    public static AuditKind parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (AuditKind k : values()) {
            if (k.id.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + text + "': expected counts, ordinal or summary");
    }
}
