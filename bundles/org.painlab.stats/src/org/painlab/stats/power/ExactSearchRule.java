package org.painlab.stats.power;

/**
 * Which n the exact search reports. Exact power is saw-toothed in n (the discrete rejection
 * region jumps), so "the smallest n with power &ge; target" and "the n from which power no longer
 * drops below target" can differ.
 *
 * @since 0.1
 */
public enum ExactSearchRule {
    /** The first n (searching upward) whose exact power reaches the target. */
    FIRST_REACHING("first_reaching"),
    /**
     * The first n from which exact power stays &ge; target for every n checked after it, over
     * the look-ahead window of {@link ExactOptions#lookahead()}.
     */
    STAYS_ABOVE("stays_above");

    private final String id;

    ExactSearchRule(String id) {
        this.id = id;
    }

    /** Stable id ({@code first_reaching}, {@code stays_above}). */
    public String id() {
        return id;
    }
}
