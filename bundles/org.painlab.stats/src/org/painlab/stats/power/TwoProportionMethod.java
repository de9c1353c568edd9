package org.painlab.stats.power;

import java.util.Locale;

/**
 * Method used to compute power and sample size for two independent proportions. The ids are
 * fixed: they are stored in projects and shown in reports.
 *
 * @since 0.1
 */
public enum TwoProportionMethod {
    /** Normal approximation, pooled variance under H0 (R's {@code power.prop.test}). */
    POOLED("pooled"),
    /** Normal approximation with the unpooled variance under H0 as well as H1. */
    UNPOOLED("unpooled"),
    /** Pooled normal approximation with the Fleiss (Casagrande-Pike-Smith) continuity correction. */
    CC("cc"),
    /** Arcsine (variance-stabilising) transformation, Cohen's h. */
    ARCSINE("arcsine"),
    /** Full binomial enumeration of both arms for the test chosen in {@link ExactOptions}. */
    EXACT("exact");

    private final String id;

    TwoProportionMethod(String id) {
        this.id = id;
    }

    /** The fixed id ({@code pooled}, {@code unpooled}, {@code cc}, {@code arcsine}, {@code exact}). */
    public String id() {
        return id;
    }

    /** Looks a method up by its id (case-insensitive). */
    public static TwoProportionMethod fromId(String id) {
        for (TwoProportionMethod m : values()) {
            if (m.id.equals(id.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "unknown two-proportion method '" + id + "' (pooled | unpooled | cc | arcsine | exact)");
    }
}
