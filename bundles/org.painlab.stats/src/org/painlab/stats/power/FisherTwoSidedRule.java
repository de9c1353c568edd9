package org.painlab.stats.power;

/**
 * How the two-sided p-value of Fisher's exact test is formed.
 *
 * @since 0.1
 */
public enum FisherTwoSidedRule {
    /**
     * Sum of the probabilities of all tables (same margins) that are no more likely than the
     * observed one, with R's relative tie slack 1e-7. This is R's {@code fisher.test} and the
     * default here, so results can be checked against R.
     */
    SUM_OF_SMALL_P("sum_small_p"),
    /** Twice the smaller one-sided p-value (capped at 1), i.e. each tail tested at alpha/2. */
    DOUBLING("doubling");

    private final String id;

    FisherTwoSidedRule(String id) {
        this.id = id;
    }

    /** Stable id ({@code sum_small_p}, {@code doubling}). */
    public String id() {
        return id;
    }
}
