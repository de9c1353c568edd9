package org.painlab.stats.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.painlab.stats.TestResult;

/**
 * An assumption check the chooser ran (Shapiro–Wilk per arm or on paired differences, Levene
 * across arms), kept so that reports and the R script can show and reproduce it.
 *
 * @param testId "shapiro-wilk" or "levene"
 * @param arm the arm whose values were checked, or null when all arms were (Levene)
 * @param onDifferences true when the values were paired differences (follow-up − baseline)
 * @param used number of values the check used (Shapiro–Wilk takes at most 5000)
 * @param available number of values there were
 * @param result the result, or null when the check could not run
 * @param note why it could not run, or null
 *
 * @since 0.1
 */
public record Diagnostic(String testId, String arm, boolean onDifferences, int used, int available, TestResult result,
        String note) {

    /** @return the p-value, or NaN when the check did not run */
    public double pValue() {
        return result == null ? Double.NaN : result.pValue();
    }

    /** @return JSON-shaped map; the p-value unrounded */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test", testId);
        m.put("arm", arm);
        m.put("on_differences", onDifferences);
        m.put("n_used", used);
        m.put("n_available", available);
        m.put("result", result == null ? null : result.toMap());
        if (note != null) {
            m.put("note", note);
        }
        return m;
    }
}
