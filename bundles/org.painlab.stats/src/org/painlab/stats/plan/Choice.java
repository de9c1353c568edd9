package org.painlab.stats.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.painlab.stats.TestOptions;

/**
 * The test chosen for one comparison, with the options it runs with and the reason in words
 * (shown next to the result), e.g. "Shapiro–Wilk p=0.012 in arm S (&lt;0.05): not normal →
 * Mann–Whitney U".
 *
 * @param testId id of the chosen test, or null when no test can be run (the reason says why)
 * @param options options it runs with (the alternative is always explicit)
 * @param reason why this test
 * @param overridden true when a user override made the choice
 * @param diagnostics assumption checks behind the choice
 *
 * @since 0.1
 */
public record Choice(String testId, TestOptions options, String reason, boolean overridden,
        List<Diagnostic> diagnostics) {

    /** Copies the diagnostics. */
    public Choice {
        diagnostics = List.copyOf(diagnostics == null ? List.of() : diagnostics);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a choice needs a reason");
        }
    }

    /**
     * @param reason why no test can be run
     * @param diagnostics checks that were run
     * @return a choice without test
     */
    public static Choice none(String reason, List<Diagnostic> diagnostics) {
        return new Choice(null, null, reason, false, diagnostics);
    }

    /** @return true when a test was chosen */
    public boolean runnable() {
        return testId != null;
    }

    /**
     * @param testId another test
     * @param options its options
     * @param extraReason what to append to the reason
     * @return a copy with the test replaced and the reason extended
     */
    public Choice replacedBy(String testId, TestOptions options, String extraReason) {
        return new Choice(testId, options, reason + "; " + extraReason, overridden, diagnostics);
    }

    /** @return JSON-shaped map */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test", testId);
        if (options != null) {
            m.put("alternative", options.alternative().id());
            m.put("exact", options.exact());
            m.put("correct", options.correct());
            m.put("conf_level", options.confLevel());
        }
        m.put("reason", reason);
        m.put("overridden", overridden);
        List<Object> d = new ArrayList<>();
        for (Diagnostic x : diagnostics) {
            d.add(x.toMap());
        }
        m.put("diagnostics", d);
        return m;
    }
}
