package org.painlab.stats.ui.internal.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.painlab.core.extension.Contribution;
import org.painlab.stats.StatisticalTests;
import org.painlab.stats.plan.Comparison;
import org.painlab.stats.plan.ComparisonKind;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.table.Table;

/**
 * The tests a user may force on a comparison: the installed tests that declare its kind of data
 * ({@code appliesTo} of {@code org.painlab.stats.tests}), the built-ins first, so a contributed
 * test is offered wherever it fits.
 */
public final class ApplicableTests {
    private ApplicableTests() {
    }

    /**
     * @param r a comparison of the report
     * @return test ids that can replace its test, in menu order
     */
    public static List<String> of(ComparisonResult r) {
        return of(new StatisticalTests(), ComparisonKind.of(r));
    }

    /**
     * @param table a table of the report
     * @return the between-group tests that fit at least one of its comparisons
     */
    public static List<String> ofTable(Table table) {
        StatisticalTests tests = new StatisticalTests();
        Set<ComparisonKind> kinds = new LinkedHashSet<>();
        for (ComparisonResult r : table.results()) {
            if (r.comparison() == Comparison.BETWEEN) {
                kinds.add(ComparisonKind.of(r));
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (ComparisonKind kind : kinds) {
            out.addAll(of(tests, kind));
        }
        return List.copyOf(out);
    }

    private static List<String> of(StatisticalTests tests, ComparisonKind kind) {
        return tests.applicableTo(kind).stream().map(Contribution::id).toList();
    }
}
