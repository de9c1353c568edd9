package org.painlab.stats.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.painlab.stats.Alternative;
import org.painlab.stats.internal.audit.CandidateTests;
import org.painlab.stats.internal.audit.Grim;
import org.painlab.stats.internal.audit.StatedTests;
import org.painlab.stats.internal.plan.ExpectedCounts;
import org.painlab.stats.internal.plan.Numbers;
import org.painlab.stats.internal.plan.Tables;
import org.painlab.stats.plan.TestCatalog;

/**
 * Audits the rows of a published table: recomputes the P value with every plausible test and
 * option from the printed summary data, lists those that reproduce the printed P at its printed
 * precision, and flags what a reviewer should know: a one-sided P where two-sided was stated, a
 * stated test that does not reproduce while another does, a Yates correction nobody mentioned, a
 * χ² with small expected counts, a mean impossible for integer data (GRIM), a rank test that
 * summary data cannot recompute, and a P that nothing reproduces.
 *
 * @since 0.1
 */
public final class TableAuditor {

    /** Flag when a one-sided test is the only one reproducing a P stated as two-sided. */
    public static final String ONE_SIDED = "one-sided P reproduces the printed value but two-sided was stated";
    /** Flag when nothing reproduces the printed P. */
    public static final String NOTHING = "no test reproduces the printed P";
    /** Flag when the printed P came as a JSON number, whose trailing zeros are lost. */
    public static final String AMBIGUOUS_DECIMALS = "printed P given as a JSON number: its printed decimals are ambiguous";

    private final CandidateTests candidates;

    /** Uses the installed tests. */
    public TableAuditor() {
        this(TestCatalog.installed());
    }

    /** @param catalog where the tests come from */
    public TableAuditor(TestCatalog catalog) {
        this.candidates = new CandidateTests(catalog);
    }

    /**
     * @param rows rows of a table
     * @return one finding per row, in order
     */
    public List<AuditFinding> audit(List<AuditRow> rows) {
        List<AuditFinding> out = new ArrayList<>();
        for (AuditRow r : rows) {
            out.add(audit(r));
        }
        return out;
    }

    /**
     * @param row a row
     * @return what the audit found
     */
    public AuditFinding audit(AuditRow row) {
        List<String> flags = new ArrayList<>();
        List<Candidate> tried = switch (row.kind()) {
            case COUNTS -> candidates.counts(row.table());
            case ORDINAL -> candidates.ordinal(row.table());
            case SUMMARY -> summary(row, flags);
        };
        List<Candidate> reproduced = new ArrayList<>();
        for (Candidate c : tried) {
            if (row.printed().reproducedByRange(c.pMin(), c.pMax())) {
                reproduced.add(c);
            }
        }
        if (row.kind() == AuditKind.SUMMARY) {
            grim(row, flags);
        }
        boolean computable = tried.stream().anyMatch(c -> !Double.isNaN(c.pValue()));
        if (!computable) {
            flags.add("no test could be computed from the data given");
        } else if (reproduced.isEmpty()) {
            flags.add(NOTHING + " (" + row.printed().text() + ")");
        }
        sidedness(row, reproduced, flags);
        stated(row, reproduced, flags);
        if (row.kind() == AuditKind.COUNTS) {
            smallExpected(row, reproduced, flags);
        }
        if (row.printed().fromNumber()) {
            // JSON drops trailing zeros: 0.020 arrives as 0.02 and would accept every P that rounds to 0.02
            String t = row.printed().text();
            flags.add(AMBIGUOUS_DECIMALS + " (" + t + " is judged at " + row.printed().decimals() + " decimals; if the paper"
                    + " printed \"" + t + "0\" that accepts too much): give printed_p as a string, e.g. \"" + t
                    + "0\", to keep the printed decimals");
        }
        return new AuditFinding(row.label(), row.printed(), row.statedTest(), reproduced, tried, flags);
    }

    private List<Candidate> summary(AuditRow row, List<String> flags) {
        boolean moments = row.groups().stream().allMatch(GroupSummary::hasMoments);
        boolean quartiles = row.groups().stream().anyMatch(GroupSummary::hasQuartiles);
        Set<String> stated = StatedTests.ids(row.statedTest());
        boolean rankStated = stated.contains("mann-whitney") || stated.contains("kruskal-wallis");
        if (quartiles && (rankStated || !moments)) {
            flags.add("Mann–Whitney (rank) tests cannot be recomputed from medians and quartiles: the printed P is not"
                    + " checked against the stated rank test" + (moments ? "; t tests from mean/SD are shown for"
                            + " comparison only" : ""));
        } else if (rankStated) {
            flags.add("a rank test cannot be recomputed from summary data; t tests from mean/SD are shown for"
                    + " comparison only");
        }
        return moments ? candidates.summary(row.groups()) : List.of();
    }

    private static void grim(AuditRow row, List<String> flags) {
        for (int i = 0; i < row.groups().size(); i++) {
            GroupSummary g = row.groups().get(i);
            if (!g.integerData() || g.meanText() == null) {
                continue;
            }
            BigDecimal mean = new BigDecimal(g.meanText());
            if (Grim.informative(mean, g.n(), g.items()) && !Grim.consistent(mean, g.n(), g.items())) {
                flags.add("GRIM: mean " + g.meanText() + " with n " + g.n() + (g.items() > 1 ? " and " + g.items()
                        + " items" : "") + " is impossible for integer data (group " + (g.label() != null ? g.label()
                                : String.valueOf(i + 1)) + ")");
            }
        }
    }

    private static void sidedness(AuditRow row, List<Candidate> reproduced, List<String> flags) {
        boolean twoSided = reproduced.stream().anyMatch(c -> c.alternative() == null
                || c.alternative() == Alternative.TWO_SIDED);
        List<Candidate> oneSided = reproduced.stream().filter(c -> c.alternative() != null
                && c.alternative() != Alternative.TWO_SIDED).toList();
        if (row.judgedAlternative() == Alternative.TWO_SIDED && !twoSided && !oneSided.isEmpty()) {
            flags.add(ONE_SIDED + " (" + describe(oneSided) + ")" + (row.statedAlternative() == null
                    ? "; the row states no sidedness, two-sided assumed" : ""));
        } else if (row.judgedAlternative() != Alternative.TWO_SIDED && oneSided.isEmpty() && twoSided) {
            flags.add("two-sided P reproduces the printed value but one-sided (" + row.judgedAlternative().id()
                    + ") was stated");
        }
    }

    private static void stated(AuditRow row, List<Candidate> reproduced, List<String> flags) {
        if (row.statedTest() == null) {
            return;
        }
        Set<String> ids = StatedTests.ids(row.statedTest());
        if (ids.isEmpty()) {
            flags.add("stated test '" + row.statedTest() + "' is not one the audit recognises");
            return;
        }
        Alternative side = row.judgedAlternative();
        List<Candidate> judged = reproduced.stream().filter(c -> c.alternative() == null || c.alternative() == side)
                .toList();
        List<Candidate> byStated = judged.stream().filter(c -> ids.contains(c.test())).toList();
        if (byStated.isEmpty()) {
            if (!judged.isEmpty()) {
                flags.add("stated test does not reproduce; " + describe(judged) + (judged.size() == 1 ? " does" : " do"));
            } else if (!reproduced.isEmpty() && reproduced.stream().noneMatch(c -> ids.contains(c.test()))) {
                flags.add("stated test does not reproduce; " + describe(reproduced)
                        + (reproduced.size() == 1 ? " does" : " do"));
            }
            // otherwise the stated test reproduces only with the other sidedness, which its own flag says
            return;
        }
        boolean onlyYates = byStated.stream().allMatch(c -> c.test().equals("chi-square") && c.correct());
        if (onlyYates && !StatedTests.mentionsCorrection(row.statedTest())) {
            flags.add("reproduced only with Yates' continuity correction, which the stated test does not mention");
        }
    }

    private static void smallExpected(AuditRow row, List<Candidate> reproduced, List<String> flags) {
        boolean chi = reproduced.stream().anyMatch(c -> c.test().equals("chi-square"));
        boolean fisher = reproduced.stream().anyMatch(c -> c.test().equals("fisher"));
        long[][] t = Tables.dropEmpty(row.table());
        if (!chi || fisher || t.length < 2 || t[0].length < 2) {
            return;
        }
        ExpectedCounts e = ExpectedCounts.of(t);
        boolean violated = e.twoByTwo() ? e.below5() > 0 : e.below1() > 0 || e.below5() > 0.2 * e.cells();
        if (violated) {
            flags.add("χ² reproduces although " + e.below5() + " of " + e.cells() + " expected counts are < 5 (smallest "
                    + Numbers.fixed(e.min(), 2) + "); Fisher's exact test would be expected");
        }
    }

    private static String describe(List<Candidate> list) {
        Set<String> names = new LinkedHashSet<>();
        for (Candidate c : list) {
            names.add(c.describe() + ": P = " + Numbers.fixed(c.pValue(), 4));
        }
        return String.join(", ", names);
    }

    /**
     * @param findings audit findings
     * @return the {@code stats audit --json} document: {"rows": [...]}
     */
    public static Map<String, Object> toMap(List<AuditFinding> findings) {
        List<Object> rows = new ArrayList<>();
        for (AuditFinding f : findings) {
            rows.add(f.toMap());
        }
        return Map.of("rows", rows);
    }
}
