package org.painlab.stats.internal.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.painlab.stats.EffectSize;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestResult;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.stats.plan.Choice;
import org.painlab.stats.plan.Comparison;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.plan.Selection;
import org.painlab.stats.plan.TestCatalog;
import org.painlab.stats.plan.TestChooser;
import org.painlab.core.data.VariableKind;
import org.painlab.stats.plan.VariableSpec;

/**
 * Runs the comparisons of the plan: takes the values from the arm split, lets the chooser pick
 * the test, runs it through the catalog, and completes the effect sizes. A test that cannot run
 * (constant data, too few values) gives a result with an error instead of stopping the report.
 */
public final class ComparisonRunner {

    private final AnalysisPlan plan;
    private final TestCatalog catalog;
    private final ArmSplit split;
    private final TestChooser chooser;

    /**
     * @param plan the plan
     * @param catalog the tests
     * @param split the population's data by arm
     */
    public ComparisonRunner(AnalysisPlan plan, TestCatalog catalog, ArmSplit split) {
        this.plan = plan;
        this.catalog = catalog;
        this.split = split;
        this.chooser = new TestChooser(plan, catalog);
    }

    /** @return the split the runner reads */
    public ArmSplit split() {
        return split;
    }

    /**
     * Between-arm comparison of a variable at a time point, by its kind: numbers for continuous
     * and ordinal variables, counts for binary (event level vs the rest) and categorical ones.
     *
     * @param spec variable
     * @param timePoint time point or null
     * @return the result
     */
    public ComparisonResult between(VariableSpec spec, String timePoint) {
        return switch (spec.kind()) {
            case CONTINUOUS, ORDINAL -> samples(spec, timePoint);
            case BINARY -> counts(spec, timePoint, spec.eventLevels(), VariableKind.BINARY, "between");
            case CATEGORICAL -> counts(spec, timePoint, List.of(), VariableKind.CATEGORICAL, "between");
        };
    }

    /**
     * Between-arm comparison of a rate: the share of subjects in the given levels (the
     * excellent-plus-good rate of MacNab grades).
     *
     * @param spec coded variable
     * @param timePoint time point or null
     * @param levels the levels that count as success
     * @return the result
     */
    public ComparisonResult rate(VariableSpec spec, String timePoint, List<String> levels) {
        return counts(spec, timePoint, levels, VariableKind.BINARY, "rate");
    }

    /**
     * Within-arm comparison of a time point against the variable's first time point.
     *
     * @param spec continuous or ordinal variable
     * @param arm arm index in the split
     * @param timePoint follow-up time point
     * @return the result
     */
    public ComparisonResult within(VariableSpec spec, int arm, String timePoint) {
        String baseline = spec.firstTimePoint();
        String armName = split.arms().get(arm);
        double[][] pairs = split.pairs(spec.name(), spec.kind(), timePoint, baseline, arm);
        double[] d = new double[pairs[0].length];
        for (int i = 0; i < d.length; i++) {
            d[i] = pairs[0][i] - pairs[1][i];
        }
        Choice choice = chooser.within(spec, armName, d);
        Selection sel = new Selection(spec.name(), spec.kind(), spec.levels(), timePoint, baseline, armName, List.of());
        String id = spec.name() + "@" + timePoint + ":within:" + armName;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("x", pairs[0]);
        fields.put("y", pairs[1]);
        Outcome o = run(choice, fields);
        boolean rank = choice.testId() != null && choice.testId().startsWith("wilcoxon");
        List<EffectSize> effects = EffectSizes.paired(o.result, d, rank, plan.confLevel());
        return new ComparisonResult(id, Comparison.WITHIN, sel, List.of(armName), List.of(d.length), o.choice,
                o.result, effects, o.error);
    }

    private ComparisonResult samples(VariableSpec spec, String timePoint) {
        List<String> arms = split.arms();
        List<double[]> samples = split.numbers(spec.name(), timePoint);
        Choice choice = chooser.betweenSamples(spec, arms, samples);
        Map<String, Object> fields = new LinkedHashMap<>();
        if (arms.size() == 2) {
            fields.put("x", samples.get(0));
            fields.put("y", samples.get(1));
        }
        LinkedHashMap<String, double[]> groups = new LinkedHashMap<>();
        for (int a = 0; a < arms.size(); a++) {
            groups.put(arms.get(a), samples.get(a));
        }
        fields.put(TestInput.GROUPS, groups);
        if (spec.kind() == VariableKind.ORDINAL) {
            long[][] full = split.levelCounts(spec.name(), timePoint, spec.levels().size());
            putTable(fields, full);
        }
        Outcome o = run(choice, fields);
        String test = o.choice.testId();
        boolean rank = test != null && (test.equals("mann-whitney") || test.equals("kruskal-wallis"));
        List<EffectSize> effects = arms.size() == 2
                ? EffectSizes.twoSamples(o.result, samples.get(0), samples.get(1), split.sorted(spec.name(), timePoint)
                        .get(0), split.sorted(spec.name(), timePoint).get(1), rank, plan.confLevel())
                : o.result == null ? List.of() : o.result.effectSizes();
        Selection sel = new Selection(spec.name(), spec.kind(), spec.levels(), timePoint, null, null, List.of());
        return new ComparisonResult(id(spec, timePoint, "between"), Comparison.BETWEEN, sel, arms, sizes(samples),
                o.choice, o.result, effects, o.error);
    }

    private ComparisonResult counts(VariableSpec spec, String timePoint, List<String> eventLevels, VariableKind kind,
            String suffix) {
        List<String> arms = split.arms();
        long[][] full = split.levelCounts(spec.name(), timePoint, spec.levels().size());
        long[][] table = eventLevels.isEmpty() ? full : Tables.eventTable(full, spec.levels(), eventLevels);
        // keep the event column first even if empty so effects read "event"; tests need non-empty margins
        long[][] tested = Tables.dropEmpty(table);
        List<String> testedArms = Tables.nonEmptyRows(table, arms);
        Choice choice = chooser.betweenCounts(spec, kind, testedArms, tested);
        Map<String, Object> fields = new LinkedHashMap<>();
        putTable(fields, table);
        Outcome o = run(choice, fields);
        boolean twoByTwo = tested.length == 2 && tested[0].length == 2;
        List<EffectSize> effects = o.result == null || tested.length < 2 || tested[0].length < 2 ? List.of()
                : EffectSizes.counts(o.result, twoByTwo ? table : tested, plan.confLevel());
        Selection sel = new Selection(spec.name(), kind, spec.levels(), timePoint, null, null, eventLevels);
        List<Integer> n = new ArrayList<>();
        for (long[] row : table) {
            long s = 0;
            for (long c : row) {
                s += c;
            }
            n.add((int) s);
        }
        return new ComparisonResult(id(spec, timePoint, suffix), Comparison.BETWEEN, sel, arms, n, o.choice, o.result,
                effects, o.error);
    }

    /** The table without empty rows and columns, with the scores the kept ones had (for trend tests). */
    private static void putTable(Map<String, Object> fields, long[][] full) {
        long[][] tested = Tables.dropEmpty(full);
        if (tested.length >= 2 && tested[0].length >= 2) {
            double[][] scores = Tables.keptScores(full);
            fields.put(TestInput.TABLE_ROWS, tested);
            fields.put("row_scores", scores[0]);
            fields.put("col_scores", scores[1]);
        }
    }

    private Outcome run(Choice choice, Map<String, Object> fields) {
        if (!choice.runnable()) {
            return new Outcome(choice, null, choice.reason());
        }
        try {
            TestResult r = catalog.get(choice.testId()).run(TestInput.of(fields), choice.options());
            return new Outcome(choice, r, null);
        } catch (IllegalArgumentException | ArithmeticException e) {
            if ("fisher".equals(choice.testId()) && fields.get(TestInput.TABLE_ROWS) instanceof long[][] t
                    && (t.length > 2 || t[0].length > 2)) {
                // the exact network can exceed its work bound on large r x c tables; say so and use chi-square
                Choice fallback = choice.replacedBy("chi-square", choice.options().withCorrect(false),
                        "exact enumeration not feasible (" + e.getMessage() + ") → Pearson χ² instead");
                return run(fallback, fields);
            }
            return new Outcome(choice, null, e.getMessage());
        }
    }

    private static List<Integer> sizes(List<double[]> samples) {
        List<Integer> n = new ArrayList<>();
        for (double[] s : samples) {
            n.add(s.length);
        }
        return n;
    }

    private static String id(VariableSpec spec, String timePoint, String suffix) {
        return spec.name() + (timePoint == null ? "" : "@" + timePoint) + ":" + suffix;
    }

    private record Outcome(Choice choice, TestResult result, String error) {
    }
}
