package org.painlab.stats.plan;

import org.painlab.core.data.VariableKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.painlab.stats.Alternative;

class TestChooserTest {

    private static final List<String> ARMS = List.of("S", "P");
    private final TestCatalog catalog = TestCatalog.installed();

    private static VariableSpec continuous(String name, TableSection section) {
        return new VariableSpec(name, name, VariableKind.CONTINUOUS, List.of(), List.of(), section, 1, List.of());
    }

    private TestChooser chooser(AnalysisPlan plan) {
        return new TestChooser(plan, catalog);
    }

    private static AnalysisPlan plan() {
        return AnalysisPlan.builder().build();
    }

    @Test
    void normalEqualVariancesGiveStudentT() {
        Choice c = chooser(plan()).betweenSamples(continuous("age", TableSection.BASELINE), ARMS,
                List.of(Samples.normal(40, 50, 10), Samples.normal(40, 52, 10)));
        assertEquals("t-student", c.testId());
        assertTrue(c.reason().startsWith("Shapiro–Wilk p≥0.05 in every arm (S p="), c.reason());
        assertTrue(c.reason().contains("Levene p=1.000 (≥0.05): equal variances → Student t"), c.reason());
        assertEquals(3, c.diagnostics().size());
        assertEquals(Alternative.TWO_SIDED, c.options().alternative());
        assertFalse(c.overridden());
    }

    @Test
    void unequalVariancesGiveWelch() {
        Choice c = chooser(plan()).betweenSamples(continuous("bmi", TableSection.BASELINE), ARMS,
                List.of(Samples.normal(60, 24, 1), Samples.normal(60, 24, 5)));
        assertEquals("t-welch", c.testId());
        assertTrue(c.reason().contains("Levene p<0.001 (<0.05): unequal variances → Welch t′"), c.reason());
    }

    @Test
    void skewedArmGivesMannWhitneyAndNamesTheArm() {
        Choice c = chooser(plan()).betweenSamples(continuous("blood_loss", TableSection.BASELINE), ARMS,
                List.of(Samples.skewed(30, 20), Samples.normal(30, 20, 5)));
        assertEquals("mann-whitney", c.testId());
        assertTrue(c.reason().matches("Shapiro–Wilk p[=<][0-9.]+ in arm S \\(<0\\.05\\): not normal → Mann–Whitney U"),
                c.reason());
        assertEquals(2, c.diagnostics().size(), "no Levene when normality already failed");
    }

    @Test
    void threeArmsGiveAnovaOrKruskal() {
        List<String> arms = List.of("A", "B", "C");
        Choice normal = chooser(plan()).betweenSamples(continuous("x", TableSection.BASELINE), arms,
                List.of(Samples.normal(20, 0, 1), Samples.normal(20, 1, 1), Samples.normal(20, 2, 1)));
        assertEquals("anova", normal.testId());
        Choice skewed = chooser(plan()).betweenSamples(continuous("x", TableSection.BASELINE), arms,
                List.of(Samples.skewed(20, 1), Samples.normal(20, 1, 1), Samples.normal(20, 2, 1)));
        assertEquals("kruskal-wallis", skewed.testId());
    }

    @Test
    void ordinalGivesRankTests() {
        VariableSpec grade = new VariableSpec("pfirrmann", "Pfirrmann", VariableKind.ORDINAL,
                List.of("I", "II", "III"), List.of(), TableSection.BASELINE, 1, List.of());
        Choice c = chooser(plan()).betweenSamples(grade, ARMS, List.of(new double[] {0, 1, 1, 2}, new double[] {1, 2, 2}));
        assertEquals("mann-whitney", c.testId());
        assertEquals("ordered categories → Mann–Whitney U (ordinal)", c.reason());
        Choice k = chooser(plan()).betweenSamples(grade, List.of("A", "B", "C"),
                List.of(new double[] {0, 1}, new double[] {1, 2}, new double[] {2, 2}));
        assertEquals("kruskal-wallis", k.testId());
    }

    @Test
    void smallExpectedCountsGiveFisherAndLargeGiveChiSquare() {
        VariableSpec dm = new VariableSpec("diabetes", "Diabetes", VariableKind.BINARY, List.of("no", "yes"), List.of(),
                TableSection.BASELINE, 1, List.of("yes"));
        Choice small = chooser(plan()).betweenCounts(dm, VariableKind.BINARY, ARMS, new long[][] {{2, 38}, {5, 35}});
        assertEquals("fisher", small.testId());
        assertEquals("2×2: 2 of 4 expected counts < 5 (smallest 3.50) → Fisher's exact", small.reason());
        Choice large = chooser(plan()).betweenCounts(dm, VariableKind.BINARY, ARMS, new long[][] {{12, 28}, {15, 25}});
        assertEquals("chi-square", large.testId());
        assertFalse(large.options().correct());
        assertTrue(large.reason().contains("all 4 expected counts ≥ 5"), large.reason());
    }

    @Test
    void largerTablesFollowCochran() {
        VariableSpec level = new VariableSpec("level", "Level", VariableKind.CATEGORICAL,
                List.of("a", "b", "c", "d"), List.of(), TableSection.BASELINE, 1, List.of());
        // 8 cells, one expected count below 5 (12.5%), none below 1: chi-square under Cochran
        Choice ok = chooser(plan()).betweenCounts(level, VariableKind.CATEGORICAL, ARMS,
                new long[][] {{3, 20, 30, 27}, {6, 40, 56, 58}});
        assertEquals("chi-square", ok.testId());
        assertTrue(ok.reason().contains("1 of 8 expected counts < 5 (13% ≤ 20%), none < 1"), ok.reason());
        Choice bad = chooser(plan()).betweenCounts(level, VariableKind.CATEGORICAL, ARMS,
                new long[][] {{1, 3, 30, 26}, {0, 4, 28, 26}});
        assertEquals("fisher", bad.testId());
        assertTrue(bad.reason().endsWith("(Cochran) → Fisher–Freeman–Halton exact"), bad.reason());
    }

    @Test
    void textbookRuleUsesYatesForModerateCounts() {
        AnalysisPlan p = AnalysisPlan.builder().countRule(ExpectedCountRule.TEXTBOOK).build();
        VariableSpec dm = new VariableSpec("dm", "DM", VariableKind.BINARY, List.of("no", "yes"), List.of(),
                TableSection.BASELINE, 1, List.of("yes"));
        Choice c = chooser(p).betweenCounts(dm, VariableKind.BINARY, ARMS, new long[][] {{2, 38}, {7, 33}});
        assertEquals("chi-square", c.testId());
        assertTrue(c.options().correct());
        assertTrue(c.reason().contains("Yates-corrected χ²"), c.reason());
        Choice few = chooser(p).betweenCounts(dm, VariableKind.BINARY, ARMS, new long[][] {{3, 15}, {8, 10}});
        assertEquals("fisher", few.testId());
        assertTrue(few.reason().startsWith("2×2: n=36 < 40"), few.reason());
    }

    @Test
    void withinGroupUsesNormalityOfDifferences() {
        VariableSpec vas = continuous("vas", TableSection.PAIN);
        Choice t = chooser(plan()).within(vas, "S", Samples.normal(30, -2, 1));
        assertEquals("t-paired", t.testId());
        assertTrue(t.reason().startsWith("Shapiro–Wilk on the differences p="), t.reason());
        assertTrue(t.reason().endsWith("normal → paired t"), t.reason());
        Choice w = chooser(plan()).within(vas, "S", Samples.shift(Samples.skewed(30, 2), -3));
        assertEquals("wilcoxon-signed-rank", w.testId());
        assertTrue(w.reason().endsWith("not normal → Wilcoxon signed-rank"), w.reason());
        Choice none = chooser(plan()).within(vas, "S", new double[] {0, 0, 0});
        assertNull(none.testId());
        assertTrue(none.reason().contains("no subject changed"));
    }

    @Test
    void variableOverrideWinsAndSaysSo() {
        AnalysisPlan p = AnalysisPlan.builder().override("age", TestOverride.of("mann-whitney"))
                .tableOverride(TableSection.BASELINE, TestOverride.of("t-welch")).build();
        Choice c = chooser(p).betweenSamples(continuous("age", TableSection.BASELINE), ARMS,
                List.of(Samples.normal(40, 50, 10), Samples.normal(40, 52, 10)));
        assertEquals("mann-whitney", c.testId());
        assertTrue(c.overridden());
        assertTrue(c.reason().startsWith("user override (variable): mann-whitney; automatic choice was: Shapiro–Wilk"),
                c.reason());
        Choice table = chooser(p).betweenSamples(continuous("bmi", TableSection.BASELINE), ARMS,
                List.of(Samples.normal(40, 24, 2), Samples.normal(40, 24, 2)));
        assertEquals("t-welch", table.testId());
        assertTrue(table.reason().startsWith("user override (baseline table): t-welch"), table.reason());
    }

    @Test
    void tableOverrideOnlyTouchesVariablesItFits() {
        AnalysisPlan p = AnalysisPlan.builder().tableOverride(TableSection.BASELINE, TestOverride.of("mann-whitney"))
                .build();
        VariableSpec dm = new VariableSpec("dm", "DM", VariableKind.BINARY, List.of("no", "yes"), List.of(),
                TableSection.BASELINE, 1, List.of("yes"));
        Choice c = chooser(p).betweenCounts(dm, VariableKind.BINARY, ARMS, new long[][] {{12, 28}, {15, 25}});
        assertEquals("chi-square", c.testId());
        assertFalse(c.overridden());
        // a paired override applies to within-group comparisons only
        AnalysisPlan q = AnalysisPlan.builder().override("vas", new TestOverride("wilcoxon-signed-rank", null,
                Alternative.LESS, true, false)).build();
        VariableSpec vas = continuous("vas", TableSection.PAIN);
        assertEquals("t-student", chooser(q).betweenSamples(vas, ARMS,
                List.of(Samples.normal(20, 5, 1), Samples.normal(20, 5, 1))).testId());
        Choice w = chooser(q).within(vas, "S", Samples.normal(20, -1, 1));
        assertEquals("wilcoxon-signed-rank", w.testId());
        assertEquals(Alternative.LESS, w.options().alternative());
        assertTrue(w.options().exactRequested());
    }

    @Test
    void largeSamplesAreThinnedForShapiroWilkAndSaySo() {
        Choice c = chooser(plan()).betweenSamples(continuous("x", TableSection.BASELINE), ARMS,
                List.of(Samples.normal(12_000, 0, 1), Samples.normal(9_000, 0, 1)));
        assertEquals("t-student", c.testId());
        assertTrue(c.reason().contains("[Shapiro–Wilk on a systematic sample of 5000 of 9000 values]"), c.reason());
        assertEquals(5000, c.diagnostics().get(0).used());
        assertEquals(12_000, c.diagnostics().get(0).available());
    }

    @Test
    void constantArmIsNotNormalAndSaysWhy() {
        Choice c = chooser(plan()).betweenSamples(continuous("x", TableSection.BASELINE), ARMS,
                List.of(new double[] {3, 3, 3, 3}, Samples.normal(10, 3, 1)));
        assertEquals("mann-whitney", c.testId());
        assertTrue(c.reason().contains("not computable in arm S (all values equal)"), c.reason());
    }
}
