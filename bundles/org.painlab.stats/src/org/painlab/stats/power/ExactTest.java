package org.painlab.stats.power;

/**
 * The test whose exact power is enumerated by {@link TwoProportionMethod#EXACT}.
 *
 * @since 0.1
 */
public enum ExactTest {
    /**
     * Fisher's exact test, conditional on the total number of successes; the two-sided rule is
     * chosen by {@link FisherTwoSidedRule}.
     */
    FISHER("fisher"),
    /**
     * The pooled Z test (normal critical value), whose exact rejection probability is enumerated
     * over all tables without conditioning ("unconditional Z-pooled" in PASS).
     */
    Z_POOLED("z_pooled");

    private final String id;

    ExactTest(String id) {
        this.id = id;
    }

    /** Stable id ({@code fisher}, {@code z_pooled}). */
    public String id() {
        return id;
    }
}
