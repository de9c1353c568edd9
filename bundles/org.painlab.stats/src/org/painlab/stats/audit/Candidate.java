package org.painlab.stats.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.painlab.stats.Alternative;

/**
 * One test and option combination tried on a row.
 *
 * @param test test id
 * @param alternative its alternative
 * @param correct continuity correction (Yates for χ², 0.5 for rank tests)
 * @param exact exact p-value
 * @param pValue p at the printed summary values
 * @param pMin smallest p over the rounding box of printed means and SDs (summary rows), else p
 * @param pMax largest p over that box, else p
 * @param note remark, or null
 *
 * @since 0.1
 */
public record Candidate(String test, Alternative alternative, boolean correct, boolean exact, double pValue,
        double pMin, double pMax, String note) {

    /**
     * @param test test id
     * @param alternative alternative
     * @param correct continuity correction
     * @param exact exact
     * @param p p-value
     * @return a candidate computed from exact data (no rounding range)
     */
    public static Candidate of(String test, Alternative alternative, boolean correct, boolean exact, double p) {
        return new Candidate(test, alternative, correct, exact, p, p, p, null);
    }

    /** @return "fisher (less)" style description */
    public String describe() {
        StringBuilder sb = new StringBuilder(test);
        if (correct) {
            sb.append(test.startsWith("chi") ? " with Yates' correction" : " with continuity correction");
        }
        if (exact) {
            sb.append(", exact");
        }
        if (alternative != null && alternative != Alternative.TWO_SIDED) {
            sb.append(" (one-sided, ").append(alternative.id()).append(')');
        }
        return sb.toString();
    }

    /** @return JSON-shaped map; p unrounded */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test", test);
        m.put("alternative", alternative == null ? null : alternative.id());
        if (correct) {
            m.put("correct", true);
        }
        if (exact) {
            m.put("exact", true);
        }
        m.put("p_value", Double.isNaN(pValue) ? null : pValue);
        if (pMin != pValue || pMax != pValue) {
            m.put("p_min", pMin);
            m.put("p_max", pMax);
        }
        if (note != null) {
            m.put("note", note);
        }
        return m;
    }
}
