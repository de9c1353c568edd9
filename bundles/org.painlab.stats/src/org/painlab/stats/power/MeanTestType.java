package org.painlab.stats.power;

import java.util.Locale;

/**
 * Design of a t test, as R's {@code power.t.test(type = ...)}.
 *
 * @since 0.1
 */
public enum MeanTestType {
    /** Two independent groups of n each; sd is the common within-group sd. */
    TWO_SAMPLE("two.sample", 2),
    /** n pairs; sd is the sd of the within-pair differences. */
    PAIRED("paired", 1),
    /** One sample of n against a fixed value. */
    ONE_SAMPLE("one.sample", 1);

    private final String id;
    private final int groups;

    MeanTestType(String id, int groups) {
        this.id = id;
        this.groups = groups;
    }

    /** Stable id, spelled as R spells it. */
    public String id() {
        return id;
    }

    /** R's {@code tsample}: 2 for two samples, 1 otherwise (also the groups that n counts). */
    public int groups() {
        return groups;
    }

    /** Looks a type up by its id (case-insensitive). */
    public static MeanTestType fromId(String id) {
        for (MeanTestType t : values()) {
            if (t.id.equals(id.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown t-test type '" + id + "' (two.sample | paired | one.sample)");
    }
}
