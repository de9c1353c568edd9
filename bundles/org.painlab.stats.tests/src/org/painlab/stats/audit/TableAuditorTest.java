package org.painlab.stats.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.painlab.stats.Alternative;
import org.painlab.stats.internal.plan.Describe;
import tools.jackson.databind.JsonNode;

/** Audit cases built from the R reference vectors: the printed P is R's p rounded as a journal prints it. */
class TableAuditorTest {

    private final TableAuditor auditor = new TableAuditor();

    private static String round(double p, int decimals) {
        return new BigDecimal(p).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static AuditRow counts(long[][] t, String printed, String stated) {
        return new AuditRow("row", AuditKind.COUNTS, t, List.of(), PrintedP.parse(printed), stated, null);
    }

    private static boolean has(AuditFinding f, String test, Alternative alt) {
        return f.reproducedBy().stream().anyMatch(c -> c.test().equals(test) && c.alternative() == alt);
    }

    @Test
    void oneSidedFisherPrintedAsTwoSidedIsFlagged() {
        JsonNode c = AuditReference.reference("fisher_2x2");
        long[][] t = AuditReference.table(c.get("input").get("table_rows"));
        double less = c.get("output").get("less").get("p_value").asDouble();
        AuditFinding f = auditor.audit(counts(t, round(less, 3), "Fisher's exact test"));
        assertEquals("0.031", f.printed().text());
        assertTrue(has(f, "fisher", Alternative.LESS), f.toMap().toString());
        assertFalse(has(f, "fisher", Alternative.TWO_SIDED));
        Candidate fisherLess = f.reproducedBy().stream().filter(x -> x.test().equals("fisher")).findFirst().orElseThrow();
        assertEquals(less, fisherLess.pValue(), 1e-12 * less, "the reference's R value");
        assertTrue(f.flags().stream().anyMatch(x -> x.startsWith(TableAuditor.ONE_SIDED)), f.flags().toString());

        double two = c.get("output").get("two.sided").get("p_value").asDouble();
        AuditFinding ok = auditor.audit(counts(t, round(two, 3), "Fisher's exact test"));
        assertTrue(has(ok, "fisher", Alternative.TWO_SIDED), ok.toMap().toString());
        assertTrue(ok.flags().stream().noneMatch(x -> x.startsWith(TableAuditor.ONE_SIDED)), ok.flags().toString());
    }

    @Test
    void aPrintedPGivenAsANumberIsFlaggedBecauseItsDecimalsAreLost() {
        JsonNode c = AuditReference.reference("fisher_2x2");
        long[][] t = AuditReference.table(c.get("input").get("table_rows"));
        List<Object> rows = java.util.Arrays.stream(t).map(r -> (Object) java.util.Arrays.stream(r).boxed().toList()).toList();
        // Fisher one-sided P = 0.0307: it prints as 0.03, not as 0.030
        AuditFinding number = auditor.audit(AuditInput.parse(Map.of("rows", List.of(Map.of("label", "x", "kind", "counts",
                "table_rows", rows, "printed_p", 0.030))))).get(0);
        assertEquals("0.03", number.printed().text());
        assertTrue(has(number, "fisher", Alternative.LESS), "judged at two decimals: " + number.toMap());
        assertTrue(number.flags().stream().anyMatch(x -> x.startsWith(TableAuditor.AMBIGUOUS_DECIMALS)
                && x.contains("give printed_p as a string, e.g. \"0.030\"")), number.flags().toString());

        AuditFinding text = auditor.audit(AuditInput.parse(Map.of("rows", List.of(Map.of("label", "x", "kind", "counts",
                "table_rows", rows, "printed_p", "0.030"))))).get(0);
        assertEquals(3, text.printed().decimals());
        assertFalse(has(text, "fisher", Alternative.LESS), "0.0307 does not print as 0.030: " + text.toMap());
        assertTrue(text.flags().stream().noneMatch(x -> x.startsWith(TableAuditor.AMBIGUOUS_DECIMALS)),
                text.flags().toString());
    }

    @Test
    void chiSquareWithAndWithoutYates() {
        long[][] t = AuditReference.table(AuditReference.reference("chisq_2x2_pearson").get("input").get("table_rows"));
        double pearson = AuditReference.reference("chisq_2x2_pearson").get("output").get("p_value").asDouble();
        double yates = AuditReference.reference("chisq_2x2_yates").get("output").get("p_value").asDouble();
        AuditFinding plain = auditor.audit(counts(t, round(pearson, 3), "chi-square"));
        assertTrue(plain.reproducedBy().stream().anyMatch(x -> x.test().equals("chi-square") && !x.correct()),
                plain.toMap().toString());
        assertTrue(plain.flags().isEmpty(), plain.flags().toString());

        AuditFinding corrected = auditor.audit(counts(t, round(yates, 3), "Pearson chi-square"));
        assertTrue(corrected.reproducedBy().stream().anyMatch(x -> x.test().equals("chi-square") && x.correct()),
                corrected.toMap().toString());
        assertTrue(corrected.flags().contains(
                "reproduced only with Yates' continuity correction, which the stated test does not mention"),
                corrected.flags().toString());
        AuditFinding said = auditor.audit(counts(t, round(yates, 3), "chi-square with Yates' correction"));
        assertTrue(said.flags().isEmpty(), said.flags().toString());
    }

    @Test
    void statedTestThatDoesNotReproduceNamesTheOneThatDoes() {
        // Student and Welch differ when the smaller group has the smaller SD
        GroupSummary a = group(10, "0.00", "1.00");
        GroupSummary b = group(40, "2.20", "5.00");
        double welch = org.painlab.stats.internal.audit.SummaryTests.welch(
                new org.painlab.stats.internal.audit.SummaryTests.Moments(10, 0, 1),
                new org.painlab.stats.internal.audit.SummaryTests.Moments(40, 2.2, 5), Alternative.TWO_SIDED);
        AuditRow row = new AuditRow("VAS", AuditKind.SUMMARY, null, List.of(a, b), PrintedP.parse(round(welch, 3)),
                "Student's t test", null);
        AuditFinding f = auditor.audit(row);
        assertTrue(has(f, "t-welch", Alternative.TWO_SIDED), f.toMap().toString());
        assertFalse(has(f, "t-student", Alternative.TWO_SIDED), f.toMap().toString());
        assertTrue(f.flags().stream().anyMatch(x -> x.startsWith("stated test does not reproduce; t-welch: P = ")),
                f.toMap().toString());
    }

    @Test
    void tTestFromSummariesOfTheReferenceSamples() {
        JsonNode c = AuditReference.reference("t_student_two_sample");
        double[] x = AuditReference.doubles(c.get("input").get("x"));
        double[] y = AuditReference.doubles(c.get("input").get("y"));
        double p = c.get("output").get("p_value").asDouble();
        Describe dx = Describe.of(x, 7);
        Describe dy = Describe.of(y, 7);
        // the paper prints means and SDs with two decimals; the audit allows for that rounding
        GroupSummary gx = group(x.length, round(dx.mean(), 2), round(dx.sd(), 2));
        GroupSummary gy = group(y.length, round(dy.mean(), 2), round(dy.sd(), 2));
        AuditFinding f = auditor.audit(new AuditRow("x vs y", AuditKind.SUMMARY, null, List.of(gx, gy),
                PrintedP.parse(round(p, 4)), "t test", Alternative.TWO_SIDED));
        assertTrue(has(f, "t-student", Alternative.TWO_SIDED), f.toMap().toString());
        Candidate student = f.candidates().stream().filter(k -> k.test().equals("t-student")
                && k.alternative() == Alternative.TWO_SIDED).findFirst().orElseThrow();
        assertTrue(student.pMin() <= p && p <= student.pMax(), "R's p lies in the rounding range");
        assertTrue(f.flags().isEmpty(), f.flags().toString());
    }

    @Test
    void mannWhitneyFromOrdinalCounts() {
        JsonNode c = AuditReference.reference("mann_whitney_ties");
        long[][] t = new long[2][6];
        double[] x = AuditReference.doubles(c.get("input").get("x"));
        double[] y = AuditReference.doubles(c.get("input").get("y"));
        for (double v : x) {
            t[0][(int) v - 1]++;
        }
        for (double v : y) {
            t[1][(int) v - 1]++;
        }
        double noCc = c.get("output").get("p_no_cc").asDouble();
        double cc = c.get("output").get("p_cc").asDouble();
        AuditFinding f = auditor.audit(new AuditRow("grade", AuditKind.ORDINAL, t, List.of(),
                PrintedP.parse(round(noCc, 4)), "Mann-Whitney U", null));
        Candidate mw = f.reproducedBy().stream().filter(k -> k.test().equals("mann-whitney") && !k.correct()
                && !k.exact()).findFirst().orElseThrow(() -> new AssertionError(f.toMap().toString()));
        assertEquals(noCc, mw.pValue(), 1e-12);
        AuditFinding g = auditor.audit(new AuditRow("grade", AuditKind.ORDINAL, t, List.of(),
                PrintedP.parse(round(cc, 4)), "Mann-Whitney U", null));
        assertTrue(g.reproducedBy().stream().anyMatch(k -> k.test().equals("mann-whitney") && k.correct()),
                g.toMap().toString());
        assertTrue(g.flags().isEmpty(), g.flags().toString());
    }

    @Test
    void grimFlagsAnImpossibleMean() {
        GroupSummary bad = new GroupSummary("S", 10, 3.47, 1.2, null, null, null, "3.47", "1.2", true, 1);
        GroupSummary good = new GroupSummary("P", 10, 3.40, 1.1, null, null, null, "3.40", "1.1", true, 1);
        AuditFinding f = auditor.audit(new AuditRow("JOA", AuditKind.SUMMARY, null, List.of(bad, good),
                PrintedP.parse("0.89"), "t test", null));
        assertTrue(f.flags().contains("GRIM: mean 3.47 with n 10 is impossible for integer data (group S)"),
                f.flags().toString());
        assertEquals(1, f.flags().stream().filter(x -> x.startsWith("GRIM")).count(), "3.40 with n 10 is possible");
        // two items per subject: granularity 1/20, so 3.45 is possible
        GroupSummary items = new GroupSummary("S", 10, 3.45, 1.2, null, null, null, "3.45", "1.2", true, 2);
        AuditFinding g = auditor.audit(new AuditRow("JOA", AuditKind.SUMMARY, null, List.of(items, good),
                PrintedP.parse("0.9"), null, null));
        assertTrue(g.flags().stream().noneMatch(x -> x.startsWith("GRIM")), g.flags().toString());
        // continuous data are not checked
        GroupSummary continuous = new GroupSummary("S", 10, 3.47, 1.2, null, null, null, "3.47", "1.2", false, 1);
        AuditFinding h = auditor.audit(new AuditRow("BMI", AuditKind.SUMMARY, null, List.of(continuous, good),
                PrintedP.parse("0.9"), null, null));
        assertTrue(h.flags().stream().noneMatch(x -> x.startsWith("GRIM")), h.flags().toString());
    }

    @Test
    void mediansCannotBeTestedAndNothingReproducingIsFlagged() {
        GroupSummary a = new GroupSummary(null, 30, null, null, 3.0, 2.0, 5.0, null, null, false, 1);
        GroupSummary b = new GroupSummary(null, 30, null, null, 4.0, 3.0, 6.0, null, null, false, 1);
        AuditFinding f = auditor.audit(new AuditRow("LOS", AuditKind.SUMMARY, null, List.of(a, b),
                PrintedP.parse("0.021"), "Mann-Whitney U", null));
        assertTrue(f.flags().get(0).startsWith("Mann–Whitney (rank) tests cannot be recomputed from medians and"
                + " quartiles"), f.flags().toString());
        assertTrue(f.reproducedBy().isEmpty());

        long[][] t = {{20, 10}, {12, 25}};
        AuditFinding none = auditor.audit(counts(t, "0.5", "chi-square"));
        assertTrue(none.flags().contains(TableAuditor.NOTHING + " (0.5)"), none.flags().toString());
    }

    @Test
    void printedPValuesParseAsJournalsPrintThem() {
        assertTrue(PrintedP.parse("<0.001").reproducedBy(0.0004));
        assertFalse(PrintedP.parse("<0.001").reproducedBy(0.0011));
        assertTrue(PrintedP.parse("P < .05").reproducedBy(0.049));
        assertTrue(PrintedP.parse("0.000").reproducedBy(0.00049), "SPSS prints p < 0.0005 as 0.000");
        assertFalse(PrintedP.parse("0.000").reproducedBy(0.0006));
        assertTrue(PrintedP.parse("p=0.030").reproducedBy(0.0304));
        assertFalse(PrintedP.parse("0.030").reproducedBy(0.0306));
        assertEquals(2, PrintedP.of(0.03).decimals(), "a JSON number loses the trailing zero: use printed_p_text");
        assertTrue(PrintedP.parse("≥0.05").reproducedBy(0.05));
        assertTrue(PrintedP.parse(">0.05").reproducedByRange(0.01, 0.2));
        assertThrows(IllegalArgumentException.class, () -> PrintedP.parse("n.s."));
        assertThrows(IllegalArgumentException.class, () -> PrintedP.parse("1.3"));
    }

    @Test
    void inputErrorsNameTheRowAndField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AuditInput.parse(
                Map.of("rows", List.of(Map.of("kind", "summary", "printed_p", 0.03, "groups",
                        List.of(Map.of("n", 10, "mean", 3.1, "sd", 1), Map.of("n", 0, "mean", 3, "sd", 1)))))));
        assertEquals("rows[0].groups[1].n: must be a whole number ≥ 1, not 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AuditInput.parse(
                Map.of("rows", List.of(Map.of("kind", "counts", "table_rows", List.of(List.of(1, 2), List.of(3, 4)))))));
        assertTrue(e.getMessage().startsWith("rows[0].printed_p: required"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AuditInput.parse(Map.of("rows", List.of(Map.of(
                "kind", "tally", "printed_p", 0.1)))));
        assertTrue(e.getMessage().startsWith("rows[0].kind: unknown kind 'tally'"), e.getMessage());
    }

    @Test
    void summaryTextsKeepTheirPrintedDecimals() {
        List<AuditRow> rows = AuditInput.parse(Map.of("rows", List.of(Map.of("kind", "summary", "printed_p_text",
                "0.030", "integer_data", true, "groups", List.of(Map.of("n", 10, "mean", "3.40", "sd", "1.10"),
                        Map.of("n", 12, "mean", 3.5, "sd", 1.2, "items", 2))))));
        AuditRow r = rows.get(0);
        assertEquals("3.40", r.groups().get(0).meanText());
        assertEquals("3.5", r.groups().get(1).meanText());
        assertTrue(r.groups().get(0).integerData());
        assertEquals(2, r.groups().get(1).items());
        assertEquals(3, r.printed().decimals());
    }

    private static GroupSummary group(int n, String mean, String sd) {
        return new GroupSummary(null, n, Double.valueOf(mean), Double.valueOf(sd), null, null, null, mean, sd, false, 1);
    }
}
