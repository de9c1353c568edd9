package org.painlab.stats.power;

import java.util.Locale;

/**
 * Sidedness of the test whose power is computed.
 *
 * <p>One-sided always means "in the direction of the assumed effect" for proportions (as R's
 * {@code power.prop.test}, which uses |p1 - p2|). For means it follows R's {@code power.t.test}:
 * the one-sided alternative is delta &gt; 0, so a negative delta gives power below alpha.
 *
 * @since 0.1
 */
public enum Sides {
    /** Two-sided test at level alpha (alpha/2 in each tail). */
    TWO_SIDED("two.sided", 2),
    /** One-sided test at level alpha. */
    ONE_SIDED("one.sided", 1);

    private final String id;
    private final int sides;

    Sides(String id, int sides) {
        this.id = id;
        this.sides = sides;
    }

    /** The stable id, spelled as R spells it ({@code two.sided}, {@code one.sided}). */
    public String id() {
        return id;
    }

    /** Number of tails alpha is split over (R's {@code tside}). */
    public int sides() {
        return sides;
    }

    /** Looks an alternative up by its id (case-insensitive). */
    public static Sides fromId(String id) {
        for (Sides a : values()) {
            if (a.id.equals(id.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown alternative '" + id + "' (two.sided | one.sided)");
    }
}
