package org.painlab.stats.power;

import java.util.Locale;

/**
 * Method used for the power and sample size of means. Ids are fixed.
 *
 * @since 0.1
 */
public enum MeansMethod {
    /** Known-variance normal approximation; closed form n = g (z_a + z_b)^2 sd^2 / delta^2. */
    NORMAL("normal"),
    /** Noncentral t, as R's {@code power.t.test}. */
    T("t");

    private final String id;

    MeansMethod(String id) {
        this.id = id;
    }

    /** The fixed id ({@code normal}, {@code t}). */
    public String id() {
        return id;
    }

    /** Looks a method up by its id (case-insensitive). */
    public static MeansMethod fromId(String id) {
        for (MeansMethod m : values()) {
            if (m.id.equals(id.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown means method '" + id + "' (normal | t)");
    }
}
