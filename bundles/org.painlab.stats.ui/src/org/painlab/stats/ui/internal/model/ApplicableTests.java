package org.painlab.stats.ui.internal.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.painlab.stats.plan.Comparison;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.core.data.VariableKind;
import org.painlab.stats.table.Table;

/**
 * The tests a user may force on a comparison: the same family the automatic choice picks from
 * (BRIEF §1 plan), so an override is a deliberate alternative rather than any test at all.
 */
public final class ApplicableTests {
    private ApplicableTests() {
    }

    /**
     * @param r a comparison of the report
     * @return test ids that can replace its test, in menu order
     */
    public static List<String> of(ComparisonResult r) {
        if (r.comparison() == Comparison.WITHIN) {
            return List.of("t-paired", "wilcoxon-signed-rank");
        }
        boolean counts = !r.selection().eventLevels().isEmpty() || r.selection().kind() == VariableKind.BINARY
                || r.selection().kind() == VariableKind.CATEGORICAL;
        if (counts) {
            return List.of("chi-square", "fisher");
        }
        boolean two = r.arms().size() == 2;
        return two ? List.of("t-student", "t-welch", "mann-whitney") : List.of("anova", "welch-anova", "kruskal-wallis");
    }

    /**
     * @param table a table of the report
     * @return the between-group tests that fit at least one of its comparisons
     */
    public static List<String> ofTable(Table table) {
        Set<String> out = new LinkedHashSet<>();
        for (ComparisonResult r : table.results()) {
            if (r.comparison() == Comparison.BETWEEN) {
                out.addAll(of(r));
            }
        }
        return List.copyOf(out);
    }
}
