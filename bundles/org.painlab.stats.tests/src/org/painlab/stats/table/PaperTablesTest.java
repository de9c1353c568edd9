package org.painlab.stats.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.internal.tests.FisherTest;
import org.painlab.stats.internal.tests.StudentTTest;
import org.painlab.core.data.SubjectData;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.plan.TestCatalog;
import org.painlab.core.data.VariableKind;

/** Table 1 and the over-time table on a small data set whose numbers are worked out by hand. */
class PaperTablesTest {

    private static final double NA = Double.NaN;

    /** Six subjects per arm; subject 12 (arm P) is not in the per-protocol population. */
    static SubjectData small() {
        String[] ids = new String[12];
        int[] arm = new int[12];
        boolean[] pp = new boolean[12];
        boolean[] itt = new boolean[12];
        for (int i = 0; i < 12; i++) {
            ids[i] = "S" + (i + 1);
            arm[i] = i < 6 ? 0 : 1;
            itt[i] = true;
            pp[i] = i != 11;
        }
        return SubjectData.builder(List.of("S", "P")).subjects(ids, arm)
                .population("ITT", itt).population("PP", pp)
                .numeric("age", null, new double[] {40, 42, 44, 46, 48, 50, 50, 52, 54, 56, 58, 60})
                .coded("diabetes", VariableKind.BINARY, List.of("no", "yes"), null,
                        new int[] {1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0})
                .coded("sex", VariableKind.CATEGORICAL, List.of("M", "F"), null,
                        new int[] {0, 0, 0, 1, 1, -1, 0, 1, 1, 1, 0, 0})
                .numeric("vas", "admission", new double[] {7, 7.5, 8, 6.5, 7, 8, 7, 8, 7.5, 6.5, 7, 8})
                .numeric("vas", "month3", new double[] {1, 2, 1.5, 2, 1, 1.5, 4, 5, 4.5, 5, 4, NA})
                .describe(false, "hand-made test data")
                .build();
    }

    private static PaperReport report(String population) {
        SubjectData data = small();
        AnalysisPlan plan = AnalysisPlan.defaultFor(data).toBuilder().population(population).build();
        return new PaperTables(TestCatalog.installed()).build(data, plan);
    }

    @Test
    void tableOneHasTheHandComputedNumbers() {
        PaperReport r = report("ITT");
        Table t = r.table("baseline");
        assertEquals("Table 1. Baseline characteristics by group (S vs P) (ITT)", t.title());
        List<String> header = texts(t.header().get(0));
        assertEquals(List.of("Characteristic", "Group S (n = 6)", "Group P (n = 6)", "Statistic", "P", "Effect (95% CI)",
                "SMD", "Test"), header);

        // age: S 40..50 step 2 (mean 45, SD sqrt(14)), P 50..60 (mean 55); Student t = -10 / sqrt(14/3)
        List<String> age = texts(row(t, "Age (years), mean ± SD"));
        assertEquals("45.0 ± 3.7", age.get(1));
        assertEquals("55.0 ± 3.7", age.get(2));
        assertEquals("t = -4.629", age.get(3));
        assertEquals("<0.001", age.get(4));
        assertEquals("MD -10.00 (-14.81 to -5.19)", age.get(5));
        assertEquals("Student t", age.get(7));
        ComparisonResult ageResult = t.result("age:between");
        double p = new StudentTTest().run(TestInput.of(Map.of("x", new double[] {40, 42, 44, 46, 48, 50},
                "y", new double[] {50, 52, 54, 56, 58, 60})), TestOptions.defaults()).pValue();
        assertEquals(p, ageResult.pValue(), "the table's P is the test's P, unrounded");
        assertEquals(-10 / Math.sqrt(14.0 / 3), ageResult.result().statistic(), 1e-12);
        assertEquals(p, row(t, "Age (years), mean ± SD").cells().get(4).numbers().get("p_value"));

        // diabetes: 1 of 6 vs 3 of 6; expected counts 2 → Fisher's exact
        List<String> dm = texts(row(t, "Diabetes, n (%)"));
        assertEquals("1 (16.7)", dm.get(1));
        assertEquals("3 (50.0)", dm.get(2));
        assertEquals("Fisher's exact", dm.get(7));
        double fisher = new FisherTest().run(TestInput.of(Map.of("table_rows", new long[][] {{1, 5}, {3, 3}})),
                TestOptions.defaults()).pValue();
        assertEquals(fisher, t.result("diabetes:between").pValue());
        assertTrue(dm.get(5).startsWith("RD -33.3% ("), dm.get(5));

        // sex: one missing value in S → percentages of 5 and 6 subjects
        int sexRow = index(t, "Sex, n (%)");
        assertEquals(RowKind.GROUP, t.body().get(sexRow).kind());
        assertEquals(List.of("M", "3 (60.0)", "3 (50.0)"), texts(t.body().get(sexRow + 1)).subList(0, 3));
        assertEquals(1, t.body().get(sexRow + 1).indent());
        assertTrue(t.choiceNotes().stream().anyMatch(n -> n.startsWith("Age (years): Shapiro–Wilk p≥0.05 in every arm")),
                t.choiceNotes().toString());
        assertTrue(t.footnotes().stream().anyMatch(f -> f.contains("P values are two-sided")));
    }

    @Test
    void overTimeTableCarriesJournalMarkers() {
        PaperReport r = report("ITT");
        Table pain = r.table("pain");
        assertNotNull(pain);
        Row month3 = row(pain, "3 months after surgery");
        ComparisonResult between = pain.result("vas@month3:between");
        ComparisonResult withinS = pain.result("vas@month3:within:S");
        ComparisonResult withinP = pain.result("vas@month3:within:P");
        assertTrue(between.pValue() < 0.01, "constructed to differ strongly at 3 months");
        Cell s = month3.cells().get(1);
        Cell pCell = month3.cells().get(2);
        assertTrue(s.markers().contains("**"), "S differs from the control arm P: " + s.markers());
        assertFalse(pCell.markers().contains("**"), "no between-group marker on the control arm");
        assertTrue(s.markers().contains(hashes(withinS.pValue())), s.markers() + " vs p " + withinS.pValue());
        assertTrue(pCell.markers().contains(hashes(withinP.pValue())), pCell.markers() + " vs p " + withinP.pValue());
        assertEquals(5, withinP.counts().get(0), "the P subject without a 3-month value has no pair");
        Row admission = row(pain, "On admission");
        assertTrue(admission.cells().get(1).markers().isEmpty(), "no markers at baseline");
        assertTrue(pain.footnotes().get(0).equals("Compared with group P at the same time point: *P < 0.05, **P < 0.01."));
        assertTrue(pain.footnotes().get(1).startsWith("Compared with on admission in the same group: #P < 0.05, ##P < 0.01,"
                + " ###P < 0.001"));
    }

    @Test
    void populationDecidesWhoIsCounted() {
        PaperReport pp = report("PP");
        assertEquals(List.of(6, 5), pp.armSizes());
        assertEquals("Group P (n = 5)", pp.table("baseline").header().get(0).cells().get(2).text());
        assertTrue(pp.table("baseline").title().endsWith("(PP)"));
        assertEquals(List.of(6, 5), pp.table("baseline").result("age:between").counts());
    }

    @Test
    void planThatDoesNotFitTheDataIsRejectedBeforeAnythingRuns() {
        SubjectData data = small();
        AnalysisPlan bad = AnalysisPlan.defaultFor(data).toBuilder().population("mITT").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PaperTables(TestCatalog.installed()).build(data, bad));
        assertTrue(e.getMessage().contains("'mITT'"), e.getMessage());
        AnalysisPlan unknownTest = AnalysisPlan.defaultFor(data).toBuilder()
                .override("age", org.painlab.stats.plan.TestOverride.of("t-wlech")).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> new PaperTables(TestCatalog.installed()).build(data, unknownTest));
        assertTrue(e.getMessage().startsWith("overrides.age: unknown test 't-wlech'"), e.getMessage());
        AnalysisPlan misfit = AnalysisPlan.defaultFor(data).toBuilder()
                .override("diabetes", org.painlab.stats.plan.TestOverride.of("t-welch")).build();
        e = assertThrows(IllegalArgumentException.class, () -> new PaperTables(TestCatalog.installed()).build(data, misfit));
        assertEquals("overrides.diabetes: test 't-welch' cannot take the between-group comparison of binary variable"
                + " 'diabetes' with 2 arms", e.getMessage());
    }

    @Test
    void threeArmsAndDegenerateColumnsStillGiveWholeTables() {
        int n = 30;
        String[] ids = new String[n];
        int[] arm = new int[n];
        double[] score = new double[n];
        double[] constant = new double[n];
        double[] emptyInC = new double[n];
        int[] grade = new int[n];
        int[] never = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "X" + i;
            arm[i] = i % 3;
            score[i] = 10 + arm[i] + Math.sin(i);
            constant[i] = 5;
            emptyInC[i] = arm[i] == 2 ? NA : i;
            grade[i] = (i * 7) % 4;
            never[i] = 0;
        }
        SubjectData data = SubjectData.builder(List.of("A", "B", "C")).subjects(ids, arm)
                .numeric("score", null, score).numeric("constant", null, constant).numeric("partial", null, emptyInC)
                .coded("grade", VariableKind.ORDINAL, List.of("g1", "g2", "g3", "g4"), null, grade)
                .coded("event", VariableKind.BINARY, List.of("no", "yes"), null, never)
                .build();
        PaperReport r = new PaperTables(TestCatalog.installed()).build(data, AnalysisPlan.defaultFor(data));
        Table t = r.table("baseline");
        assertEquals("ALL", r.population());
        assertEquals(List.of(10, 10, 10), r.armSizes());
        assertTrue(List.of("anova", "welch-anova", "kruskal-wallis").contains(t.result("score:between").choice().testId()));
        assertEquals("kruskal-wallis", t.result("grade:between").choice().testId());
        ComparisonResult constantResult = t.result("constant:between");
        assertFalse(constantResult.hasP(), "constant data have no test");
        assertNotNull(constantResult.error());
        assertEquals("—", texts(row(t, "constant, median (Q1–Q3)")).get(5));
        assertTrue(t.result("partial:between").choice().reason().contains("arm C has no values"),
                t.result("partial:between").choice().reason());
        assertTrue(t.result("event:between").choice().reason().contains("same category"));
        assertEquals("0 (0.0)", texts(row(t, "event, n (%)")).get(1));
    }

    private static String hashes(double p) {
        return p < 0.001 ? "###" : p < 0.01 ? "##" : p < 0.05 ? "#" : "";
    }

    static List<String> texts(Row r) {
        return r.cells().stream().map(Cell::text).toList();
    }

    static Row row(Table t, String label) {
        return t.body().get(index(t, label));
    }

    static int index(Table t, String label) {
        for (int i = 0; i < t.body().size(); i++) {
            if (t.body().get(i).cells().get(0).text().equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no row '" + label + "' in " + t.body().stream().map(r -> r.cells().get(0).text())
                .toList());
    }
}
