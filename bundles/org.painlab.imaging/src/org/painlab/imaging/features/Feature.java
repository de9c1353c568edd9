package org.painlab.imaging.features;

/**
 * One computed feature value with its IBSI identity.
 *
 * @param family          IBSI family short form: morph, loc, stat, ih, ivh, cm, rlm, szm, dzm, ngt, ngl
 * @param name            IBSI name, e.g. "Joint maximum"
 * @param symbol          IBSI symbol, e.g. {@code cm.joint.max} (unique with the aggregation)
 * @param ibsiCode        IBSI permanent code, e.g. GYBY
 * @param aggregation     "3D, averaged", "2.5D, merged" ... ({@link TextureAggregation#label()}), "3D", "2D",
 *                        "2.5D" (zone/neighbourhood matrices) or "" (per ROI)
 * @param aggregationCode IBSI code of the aggregation (ITBB, IAZD, BTW3, SUJT, JJUI, ZW7Z; KOBO, 8QNN, 62GR) or ""
 * @param value           the value, unrounded
 * @since 0.1
 */
public record Feature(String family, String name, String symbol, String ibsiCode, String aggregation, String aggregationCode,
        double value) {
}
