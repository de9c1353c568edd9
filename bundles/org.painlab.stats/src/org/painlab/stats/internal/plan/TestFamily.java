package org.painlab.stats.internal.plan;

import org.painlab.stats.plan.Comparison;
import org.painlab.core.data.VariableKind;

/**
 * What data a test takes, so that an override is applied only where it fits (a two-sample test
 * to two arms of numbers, a table test to counts, a paired test to a within-group comparison).
 */
public enum TestFamily {
    /** Two independent samples x, y. */
    TWO_SAMPLE,
    /** Two or more samples in "groups". */
    K_SAMPLE,
    /** Paired x, y. */
    PAIRED,
    /** A contingency table in "table_rows". */
    TABLE,
    /** A contributed test the plan does not know; it gets every field and picks its own. */
    UNKNOWN;

    /**
     * @param testId test id
     * @return its family
     */
    public static TestFamily of(String testId) {
        return switch (testId) {
            case "t-student", "t-welch", "mann-whitney" -> TWO_SAMPLE;
            case "anova", "welch-anova", "kruskal-wallis", "levene", "brown-forsythe" -> K_SAMPLE;
            case "t-paired", "wilcoxon-signed-rank" -> PAIRED;
            case "chi-square", "g-test", "fisher", "linear-by-linear" -> TABLE;
            default -> UNKNOWN;
        };
    }

    /**
     * @param comparison the comparison
     * @param kind kind of the variable
     * @param arms number of arms compared
     * @return true when a test of this family can take that comparison's data
     */
    public boolean fits(Comparison comparison, VariableKind kind, int arms) {
        return switch (this) {
            case TWO_SAMPLE -> comparison == Comparison.BETWEEN && arms == 2
                    && (kind == VariableKind.CONTINUOUS || kind == VariableKind.ORDINAL);
            case K_SAMPLE -> comparison == Comparison.BETWEEN
                    && (kind == VariableKind.CONTINUOUS || kind == VariableKind.ORDINAL);
            case PAIRED -> comparison == Comparison.WITHIN
                    && (kind == VariableKind.CONTINUOUS || kind == VariableKind.ORDINAL);
            case TABLE -> comparison == Comparison.BETWEEN && kind.isCoded();
            case UNKNOWN -> true;
        };
    }

    /** @return the comparison an override of this family means when it does not say */
    public Comparison defaultComparison() {
        return this == PAIRED ? Comparison.WITHIN : Comparison.BETWEEN;
    }
}
