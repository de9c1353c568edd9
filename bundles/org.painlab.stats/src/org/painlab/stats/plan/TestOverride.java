package org.painlab.stats.plan;

import org.painlab.stats.Alternative;
import org.painlab.stats.TestOptions;

/**
 * A user's choice that replaces the automatic one, for one variable or for a whole table.
 *
 * @param testId id of the test to run, e.g. "t-welch"
 * @param comparison the comparison it applies to; null means whichever comparison the test fits
 *        (paired tests: within, the others: between)
 * @param alternative the alternative, or null for the plan's
 * @param exact exact p-values (rank tests), or null for the test's default
 * @param correct continuity correction (Yates for chi-square, 0.5 for rank tests)
 *
 * @since 0.1
 */
public record TestOverride(String testId, Comparison comparison, Alternative alternative, Boolean exact,
        boolean correct) {

    /** Checks the test id. */
    public TestOverride {
        if (testId == null || testId.isBlank()) {
            throw new IllegalArgumentException("an override needs a test id");
        }
    }

    /**
     * @param testId test id
     * @return an override of the test with default options
     */
    public static TestOverride of(String testId) {
        return new TestOverride(testId, null, null, null, false);
    }

    /**
     * @param base the plan's options (sidedness, confidence level)
     * @return the options this override runs with
     */
    public TestOptions options(TestOptions base) {
        TestOptions o = base.withExact(exact).withCorrect(correct);
        return alternative == null ? o : o.withAlternative(alternative);
    }

    /** @return a short description, e.g. "t-welch (exact, corrected, less)" */
    public String describe() {
        StringBuilder sb = new StringBuilder(testId);
        StringBuilder opts = new StringBuilder();
        if (Boolean.TRUE.equals(exact)) {
            opts.append("exact");
        }
        if (correct) {
            opts.append(opts.isEmpty() ? "" : ", ").append("continuity corrected");
        }
        if (alternative != null) {
            opts.append(opts.isEmpty() ? "" : ", ").append(alternative.id());
        }
        if (!opts.isEmpty()) {
            sb.append(" (").append(opts).append(')');
        }
        return sb.toString();
    }
}
