package org.painlab.literature;

import java.util.Locale;

/**
 * What an import does with a record that duplicates a reference already in the study (or an
 * earlier record of the same file): the user's choice.
 *
 * @since 0.1
 */
public enum DuplicatePolicy {
    /** The study's reference stays; the record is counted as a duplicate removed (the default). */
    KEEP_EXISTING,
    /** The record's fields replace the study's reference, which keeps its key. */
    REPLACE,
    /** The record is added as a reference of its own. */
    KEEP_BOTH;

    /** {@code keep-existing}, {@code replace}, {@code keep-both}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DuplicatePolicy of(String id) {
        for (DuplicatePolicy p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("duplicate policy '" + id + "': expected keep-existing, replace or keep-both");
    }
}
