package org.painlab.stats.plan;

import org.painlab.core.data.VariableKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.plan.ExpectedCounts;
import org.painlab.stats.internal.plan.Normality;
import org.painlab.stats.internal.plan.Numbers;
import org.painlab.stats.internal.plan.TestFamily;
import org.painlab.stats.internal.plan.TestNames;

/**
 * Chooses the test of each comparison as the analysis plan of BRIEF §1 says, and says why:
 * <ul>
 * <li>continuous, between arms: Shapiro–Wilk in every arm; all normal → Levene: equal variances
 * → Student t (one-way ANOVA for more arms), unequal → Welch t′ (Welch ANOVA); any arm not
 * normal → Mann–Whitney U (Kruskal–Wallis H);</li>
 * <li>ordinal, between arms: Mann–Whitney U on the grades (Kruskal–Wallis H for more arms);</li>
 * <li>counts, between arms: Pearson χ² or Fisher's exact test by the plan's expected-count rule
 * (Yates-corrected χ² under the textbook rule);</li>
 * <li>within an arm against baseline: Shapiro–Wilk on the paired differences; normal → paired t,
 * else Wilcoxon signed-rank (ordinal: Wilcoxon signed-rank).</li>
 * </ul>
 * A user override for the variable, or else for its table, replaces the choice when the test fits
 * the comparison; the reason then says "user override" and keeps the automatic reasoning.
 * Stateless apart from the plan and catalog it was made with.
 *
 * @since 0.1
 */
public final class TestChooser {

    private final AnalysisPlan plan;
    private final TestCatalog catalog;

    /**
     * @param plan the plan (thresholds, rule, overrides, sidedness)
     * @param catalog where the assumption-check tests come from
     */
    public TestChooser(AnalysisPlan plan, TestCatalog catalog) {
        this.plan = plan;
        this.catalog = catalog;
    }

    /**
     * Between-arm choice for numbers: continuous values or the level codes of an ordinal variable.
     *
     * @param spec the variable
     * @param arms arm names, in order
     * @param samples the values of each arm, missing values removed
     * @return the choice
     */
    public Choice betweenSamples(VariableSpec spec, List<String> arms, List<double[]> samples) {
        Choice auto = spec.kind() == VariableKind.ORDINAL ? ordinal(arms, samples) : continuous(arms, samples);
        return withOverride(auto, spec, spec.kind(), Comparison.BETWEEN, arms.size());
    }

    /**
     * Between-arm choice for counts.
     *
     * @param spec the variable
     * @param kind the kind as compared (binary for a rate derived from grades)
     * @param arms arm names, one per table row
     * @param table counts, arms × levels, with empty rows and columns already removed
     * @return the choice
     */
    public Choice betweenCounts(VariableSpec spec, VariableKind kind, List<String> arms, long[][] table) {
        Choice auto = counts(table);
        return withOverride(auto, spec, kind, Comparison.BETWEEN, arms.size());
    }

    /**
     * Within-arm choice, follow-up against baseline.
     *
     * @param spec the variable
     * @param arm the arm
     * @param differences follow-up − baseline for subjects with both values
     * @return the choice
     */
    public Choice within(VariableSpec spec, String arm, double[] differences) {
        Choice auto = paired(spec.kind(), arm, differences);
        return withOverride(auto, spec, spec.kind(), Comparison.WITHIN, 1);
    }

    private Choice continuous(List<String> arms, List<double[]> samples) {
        String empty = emptyArm(arms, samples, 1);
        if (empty != null) {
            return Choice.none(empty, List.of());
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        List<String> passing = new ArrayList<>();
        String thinned = null;
        for (int a = 0; a < arms.size(); a++) {
            Diagnostic d = shapiro(arms.get(a), false, samples.get(a));
            diagnostics.add(d);
            if (d.used() < d.available()) {
                thinned = "Shapiro–Wilk on a systematic sample of " + d.used() + " of " + d.available() + " values";
            }
            if (d.result() == null) {
                failing.add("not computable in arm " + arms.get(a) + " (" + d.note() + ")");
            } else if (d.pValue() < plan.normalityAlpha()) {
                failing.add(Numbers.pReason(d.pValue(), plan.normalityAlpha()) + " in arm " + arms.get(a));
            } else {
                passing.add(arms.get(a) + " " + Numbers.pReason(d.pValue(), plan.normalityAlpha()));
            }
        }
        String a05 = Numbers.threshold(plan.normalityAlpha());
        boolean two = arms.size() == 2;
        String suffix = thinned == null ? "" : " [" + thinned + "]";
        if (!failing.isEmpty()) {
            String test = two ? "mann-whitney" : "kruskal-wallis";
            return new Choice(test, plan.baseOptions(), "Shapiro–Wilk " + String.join(", ", failing) + " (<" + a05
                    + "): not normal → " + TestNames.name(test, null, 0) + suffix, false, diagnostics);
        }
        String normal = "Shapiro–Wilk p≥" + a05 + " in every arm (" + String.join(", ", passing) + "): normal";
        Diagnostic levene = levene(arms, samples);
        diagnostics.add(levene);
        String v05 = Numbers.threshold(plan.varianceAlpha());
        String test;
        String why;
        if (levene.result() != null && levene.pValue() >= plan.varianceAlpha()) {
            test = two ? "t-student" : "anova";
            why = "Levene " + Numbers.pReason(levene.pValue(), plan.varianceAlpha()) + " (≥" + v05
                    + "): equal variances";
        } else {
            test = two ? "t-welch" : "welch-anova";
            why = levene.result() == null
                    ? "Levene not computable (" + levene.note() + "): variances not assumed equal"
                    : "Levene " + Numbers.pReason(levene.pValue(), plan.varianceAlpha()) + " (<" + v05
                            + "): unequal variances";
        }
        return new Choice(test, plan.baseOptions(), normal + "; " + why + " → " + TestNames.name(test, null, 0) + suffix,
                false, diagnostics);
    }

    private Choice ordinal(List<String> arms, List<double[]> samples) {
        String empty = emptyArm(arms, samples, 1);
        if (empty != null) {
            return Choice.none(empty, List.of());
        }
        String test = arms.size() == 2 ? "mann-whitney" : "kruskal-wallis";
        return new Choice(test, plan.baseOptions(), "ordered categories → " + TestNames.name(test, null, 0)
                + " (ordinal)", false, List.of());
    }

    private Choice counts(long[][] table) {
        if (table.length < 2) {
            return Choice.none("fewer than two arms have data: no test", List.of());
        }
        if (table[0].length < 2) {
            return Choice.none("every subject is in the same category: no test", List.of());
        }
        ExpectedCounts e = ExpectedCounts.of(table);
        ExpectedCountRule rule = plan.countRule();
        if (rule == ExpectedCountRule.TWO_BY_TWO_ALL_5_ELSE_COCHRAN) {
            rule = e.twoByTwo() ? ExpectedCountRule.ALL_AT_LEAST_5 : ExpectedCountRule.COCHRAN;
        }
        if (rule == ExpectedCountRule.TEXTBOOK && !e.twoByTwo()) {
            rule = ExpectedCountRule.COCHRAN;
        }
        String smallest = " (smallest " + Numbers.fixed(e.min(), 2) + ")";
        String fisher = TestNames.name("fisher", null, e.cells());
        TestOptions base = plan.baseOptions();
        return switch (rule) {
            case ALL_AT_LEAST_5 -> e.below5() == 0
                    ? new Choice("chi-square", base, e.size() + ": all " + e.cells() + " expected counts ≥ 5" + smallest
                            + " → Pearson χ²", false, List.of())
                    : new Choice("fisher", base, e.size() + ": " + e.below5() + " of " + e.cells()
                            + " expected counts < 5" + smallest + " → " + fisher, false, List.of());
            case COCHRAN -> cochran(e, smallest, fisher, base);
            case TEXTBOOK -> textbook(e, smallest, fisher, base);
            default -> throw new IllegalStateException(rule.name());
        };
    }

    private static Choice cochran(ExpectedCounts e, String smallest, String fisher, TestOptions base) {
        long share = Math.round(100.0 * e.below5() / e.cells());
        boolean ok = e.below1() == 0 && e.below5() <= 0.2 * e.cells();
        String detail = e.size() + ": " + e.below5() + " of " + e.cells() + " expected counts < 5 (" + share + "% "
                + (e.below5() <= 0.2 * e.cells() ? "≤" : ">") + " 20%), " + (e.below1() == 0 ? "none" : e.below1())
                + " < 1" + smallest + " (Cochran)";
        return ok ? new Choice("chi-square", base, detail + " → Pearson χ²", false, List.of())
                : new Choice("fisher", base, detail + " → " + fisher, false, List.of());
    }

    private static Choice textbook(ExpectedCounts e, String smallest, String fisher, TestOptions base) {
        if (e.total() < 40) {
            return new Choice("fisher", base, "2×2: n=" + e.total() + " < 40 → " + fisher, false, List.of());
        }
        if (e.below1() > 0) {
            return new Choice("fisher", base, "2×2: an expected count < 1" + smallest + " → " + fisher, false, List.of());
        }
        if (e.below5() > 0) {
            return new Choice("chi-square", base.withCorrect(true), "2×2: n=" + e.total() + " ≥ 40, " + e.below5()
                    + " of 4 expected counts between 1 and 5" + smallest + " → Yates-corrected χ²", false, List.of());
        }
        return new Choice("chi-square", base, "2×2: n=" + e.total() + " ≥ 40, all expected counts ≥ 5" + smallest
                + " → Pearson χ²", false, List.of());
    }

    private Choice paired(VariableKind kind, String arm, double[] differences) {
        if (differences.length < 2) {
            return Choice.none("arm " + arm + ": " + differences.length + " pair(s) with both values: no test", List.of());
        }
        boolean anyChange = false;
        for (double d : differences) {
            anyChange |= d != 0;
        }
        if (!anyChange) {
            return Choice.none("arm " + arm + ": no subject changed: no test", List.of());
        }
        if (kind == VariableKind.ORDINAL) {
            return new Choice("wilcoxon-signed-rank", plan.baseOptions(),
                    "ordered categories → Wilcoxon signed-rank (ordinal)", false, List.of());
        }
        Diagnostic d = shapiro(arm, true, differences);
        String a05 = Numbers.threshold(plan.normalityAlpha());
        String thinned = d.used() < d.available()
                ? " [Shapiro–Wilk on a systematic sample of " + d.used() + " of " + d.available() + " differences]"
                : "";
        if (d.result() != null && d.pValue() >= plan.normalityAlpha()) {
            return new Choice("t-paired", plan.baseOptions(), "Shapiro–Wilk on the differences "
                    + Numbers.pReason(d.pValue(), plan.normalityAlpha()) + " (≥" + a05 + "): normal → paired t" + thinned,
                    false, List.of(d));
        }
        String why = d.result() == null ? "not computable (" + d.note() + ")"
                : Numbers.pReason(d.pValue(), plan.normalityAlpha()) + " (<" + a05 + ")";
        return new Choice("wilcoxon-signed-rank", plan.baseOptions(), "Shapiro–Wilk on the differences " + why
                + ": not normal → Wilcoxon signed-rank" + thinned, false, List.of(d));
    }

    private Choice withOverride(Choice auto, VariableSpec spec, VariableKind kind, Comparison comparison, int arms) {
        TestOverride o = find(plan.variableOverrides().getOrDefault(spec.name(), List.of()), kind, comparison, arms);
        String scope = "variable";
        if (o == null) {
            o = find(plan.tableOverrides().getOrDefault(spec.section(), List.of()), kind, comparison, arms);
            scope = spec.section().id() + " table";
        }
        if (o == null) {
            return auto;
        }
        return new Choice(o.testId(), o.options(plan.baseOptions()), "user override (" + scope + "): " + o.describe()
                + "; automatic choice was: " + auto.reason(), true, auto.diagnostics());
    }

    private static TestOverride find(List<TestOverride> overrides, VariableKind kind, Comparison comparison, int arms) {
        for (TestOverride o : overrides) {
            TestFamily family = TestFamily.of(o.testId());
            Comparison meant = o.comparison() != null ? o.comparison() : family.defaultComparison();
            if (meant == comparison && family.fits(comparison, kind, arms)) {
                return o;
            }
        }
        return null;
    }

    private Diagnostic shapiro(String arm, boolean differences, double[] values) {
        double[] sample = Normality.sample(values);
        if (values.length < 3) {
            return new Diagnostic("shapiro-wilk", arm, differences, values.length, values.length, null,
                    "fewer than 3 values");
        }
        try {
            TestResult r = catalog.get("shapiro-wilk").run(TestInput.of(Map.of("x", sample)), TestOptions.defaults());
            return new Diagnostic("shapiro-wilk", arm, differences, sample.length, values.length, r, null);
        } catch (IllegalArgumentException e) {
            String note = e.getMessage().contains("identical") ? "all values equal" : e.getMessage();
            return new Diagnostic("shapiro-wilk", arm, differences, sample.length, values.length, null, note);
        }
    }

    private Diagnostic levene(List<String> arms, List<double[]> samples) {
        LinkedHashMap<String, double[]> groups = new LinkedHashMap<>();
        int n = 0;
        for (int a = 0; a < arms.size(); a++) {
            groups.put(arms.get(a), samples.get(a));
            n += samples.get(a).length;
        }
        try {
            TestResult r = catalog.get("levene").run(TestInput.of(Map.of(TestInput.GROUPS, groups)),
                    TestOptions.defaults());
            if (Double.isNaN(r.pValue())) {
                return new Diagnostic("levene", null, false, n, n, null, "no spread within the arms");
            }
            return new Diagnostic("levene", null, false, n, n, r, null);
        } catch (IllegalArgumentException e) {
            return new Diagnostic("levene", null, false, n, n, null, e.getMessage());
        }
    }

    private static String emptyArm(List<String> arms, List<double[]> samples, int min) {
        for (int a = 0; a < arms.size(); a++) {
            if (samples.get(a).length < min) {
                return "arm " + arms.get(a) + " has no values: no test";
            }
        }
        return null;
    }
}
