package org.painlab.stats.plan;

import java.util.Locale;

/**
 * The rule that decides between the chi-square test and Fisher's exact test from the expected
 * cell counts. Every rule is stated in the reason of each choice it makes.
 *
 * @since 0.1
 */
public enum ExpectedCountRule {
    /** Chi-square only when every expected count is at least 5; otherwise Fisher. */
    ALL_AT_LEAST_5("all-5", "chi-square when every expected count is ≥ 5, else Fisher's exact"),
    /**
     * Cochran (1954): chi-square when no expected count is below 1 and at most 20% are below 5;
     * otherwise Fisher (Fisher–Freeman–Halton for larger tables).
     */
    COCHRAN("cochran", "Cochran: chi-square when no expected count is < 1 and ≤ 20% are < 5, else Fisher's exact"),
    /** The default: all-5 for 2×2 tables, Cochran for larger ones, as the plan of BRIEF §1 reads. */
    TWO_BY_TWO_ALL_5_ELSE_COCHRAN("default",
            "2×2: chi-square when every expected count is ≥ 5; r×c: Cochran (no expected < 1, ≤ 20% < 5); else Fisher's exact"),
    /**
     * The rule of Chinese medical statistics textbooks: n ≥ 40 and all expected ≥ 5 → Pearson
     * chi-square; n ≥ 40 and some 1 ≤ expected &lt; 5 → Yates-corrected chi-square (2×2); n &lt; 40
     * or any expected &lt; 1 → Fisher. Larger tables follow Cochran.
     */
    TEXTBOOK("textbook",
            "2×2: n ≥ 40 and all expected ≥ 5 → Pearson χ²; n ≥ 40 and some 1 ≤ expected < 5 → Yates-corrected χ²;"
                    + " n < 40 or any expected < 1 → Fisher's exact; r×c: Cochran");

    private final String id;
    private final String statement;

    ExpectedCountRule(String id, String statement) {
        this.id = id;
        this.statement = statement;
    }

    /** @return identifier used in plan files */
    public String id() {
        return id;
    }

    /** @return the rule in words, for footnotes */
    public String statement() {
        return statement;
    }

    /**
     * @param text identifier: all-5, cochran, default or textbook
     * @return the rule
     */
    public static ExpectedCountRule parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ExpectedCountRule r : values()) {
            if (r.id.equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown expected_count_rule '" + text
                + "': expected default, all-5, cochran or textbook");
    }
}
