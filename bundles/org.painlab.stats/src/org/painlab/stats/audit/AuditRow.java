package org.painlab.stats.audit;

import java.util.List;
import org.painlab.stats.Alternative;

/**
 * One row of a published table to audit: its summary data, the printed P and the test the paper
 * says it used.
 *
 * @param label row label
 * @param kind counts, ordinal or summary
 * @param table counts (groups × categories) for counts and ordinal rows, else null
 * @param groups group summaries for summary rows, else empty
 * @param printed the printed P
 * @param statedTest the test the paper names for the row, or null
 * @param statedAlternative the sidedness the paper states, or null when it states none (two-sided
 *        is then assumed, as papers almost always mean)
 *
 * @since 0.1
 */
public record AuditRow(String label, AuditKind kind, long[][] table, List<GroupSummary> groups, PrintedP printed,
        String statedTest, Alternative statedAlternative) {

    /** Copies the groups. */
    public AuditRow {
        groups = List.copyOf(groups == null ? List.of() : groups);
    }

    /** @return the sidedness to judge against: the stated one, else two-sided */
    public Alternative judgedAlternative() {
        return statedAlternative == null ? Alternative.TWO_SIDED : statedAlternative;
    }
}
