package org.painlab.stats.internal.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.painlab.stats.Alternative;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.audit.Candidate;
import org.painlab.stats.audit.GroupSummary;
import org.painlab.stats.internal.plan.Tables;
import org.painlab.stats.plan.TestCatalog;

/**
 * Every test and option combination a published row could have been computed with: for counts
 * χ² with and without Yates, G, Fisher (two-sided and one-sided), linear-by-linear; for ordinal
 * counts the rank tests on the expanded grades (with and without continuity correction, exact
 * when small), linear-by-linear, χ², Fisher; for summaries Student and Welch t (one- and
 * two-sided) or the ANOVAs, each with the range of p over the rounding of the printed means and
 * SDs.
 */
public final class CandidateTests {

    private static final Alternative[] ALL = Alternative.values();
    /** Corners of the rounding box are enumerated up to this many groups (4^k corners). */
    private static final int MAX_ROUNDING_GROUPS = 6;

    private final TestCatalog catalog;

    /** @param catalog where the tests come from */
    public CandidateTests(TestCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param counts groups × categories
     * @return candidates
     */
    public List<Candidate> counts(long[][] counts) {
        long[][] t = Tables.dropEmpty(counts);
        List<Candidate> out = new ArrayList<>();
        if (t.length < 2 || t[0].length < 2) {
            return out;
        }
        boolean twoByTwo = t.length == 2 && t[0].length == 2;
        out.add(table("chi-square", t, null, false));
        if (twoByTwo) {
            out.add(table("chi-square", t, null, true));
        }
        out.add(table("g-test", t, null, false));
        if (twoByTwo) {
            for (Alternative a : ALL) {
                out.add(table("fisher", t, a, false));
            }
        } else {
            out.add(table("fisher", t, Alternative.TWO_SIDED, false));
        }
        out.add(trend(counts));
        return out;
    }

    /**
     * @param counts groups (rows) × ordered grades (columns)
     * @return candidates
     */
    public List<Candidate> ordinal(long[][] counts) {
        List<Candidate> out = new ArrayList<>();
        List<double[]> groups = new ArrayList<>();
        for (long[] row : counts) {
            long n = 0;
            for (long c : row) {
                n += c;
            }
            if (n == 0) {
                continue;
            }
            double[] values = new double[Math.toIntExact(n)];
            int k = 0;
            for (int j = 0; j < row.length; j++) {
                for (long c = 0; c < row[j]; c++) {
                    values[k++] = j + 1;
                }
            }
            groups.add(values);
        }
        if (groups.size() == 2) {
            Map<String, Object> f = Map.of("x", groups.get(0), "y", groups.get(1));
            for (Alternative a : ALL) {
                out.add(run("mann-whitney", f, a, false, false));
                out.add(run("mann-whitney", f, a, true, false));
                if (groups.get(0).length + groups.get(1).length <= 200) {
                    out.add(run("mann-whitney", f, a, false, true));
                }
            }
        } else if (groups.size() > 2) {
            LinkedHashMap<String, double[]> g = new LinkedHashMap<>();
            for (int i = 0; i < groups.size(); i++) {
                g.put("g" + (i + 1), groups.get(i));
            }
            out.add(run("kruskal-wallis", Map.of(TestInput.GROUPS, g), null, false, false));
        }
        long[][] t = Tables.dropEmpty(counts);
        if (t.length >= 2 && t[0].length >= 2) {
            out.add(trend(counts));
            out.add(table("chi-square", t, null, false));
            out.add(table("fisher", t, Alternative.TWO_SIDED, false));
        }
        return out;
    }

    /**
     * @param groups group summaries with mean and SD
     * @return candidates from summary statistics
     */
    public List<Candidate> summary(List<GroupSummary> groups) {
        List<Candidate> out = new ArrayList<>();
        List<SummaryTests.Moments> face = new ArrayList<>();
        for (GroupSummary g : groups) {
            face.add(new SummaryTests.Moments(g.n(), g.mean(), g.sd()));
        }
        String note = "from summary statistics";
        if (groups.size() == 2) {
            for (Alternative a : ALL) {
                out.add(ranged("t-student", a, face, groups, m -> SummaryTests.student(m.get(0), m.get(1), a), note));
                out.add(ranged("t-welch", a, face, groups, m -> SummaryTests.welch(m.get(0), m.get(1), a), note));
            }
        } else {
            out.add(ranged("anova", null, face, groups, SummaryTests::anova, note));
            out.add(ranged("welch-anova", null, face, groups, SummaryTests::welchAnova, note));
        }
        return out;
    }

    private Candidate ranged(String test, Alternative alt, List<SummaryTests.Moments> face, List<GroupSummary> groups,
            java.util.function.Function<List<SummaryTests.Moments>, Double> p, String note) {
        double at = p.apply(face);
        double lo = at;
        double hi = at;
        if (groups.size() <= MAX_ROUNDING_GROUPS) {
            int k = groups.size();
            int corners = 1 << (2 * k);
            for (int mask = 0; mask < corners; mask++) {
                List<SummaryTests.Moments> m = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    GroupSummary g = groups.get(i);
                    double hm = half(g.meanText());
                    double hs = half(g.sdText());
                    double mean = g.mean() + ((mask >> (2 * i) & 1) == 0 ? -hm : hm);
                    double sd = Math.max(g.sd() + ((mask >> (2 * i + 1) & 1) == 0 ? -hs : hs), 1e-12);
                    m.add(new SummaryTests.Moments(g.n(), mean, sd));
                }
                double v = p.apply(m);
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            // a difference of means that could be zero within rounding could give p = 1 (two-sided)
            if (k == 2 && alt == Alternative.TWO_SIDED) {
                double d = groups.get(0).mean() - groups.get(1).mean();
                double h = half(groups.get(0).meanText()) + half(groups.get(1).meanText());
                if (Math.abs(d) <= h) {
                    hi = 1;
                }
            }
        }
        return new Candidate(test, alt, false, false, at, lo, hi, note);
    }

    /** Half a unit in the last printed decimal: the rounding error of a printed number. */
    private static double half(String text) {
        if (text == null) {
            return 0;
        }
        int scale = new java.math.BigDecimal(text).scale();
        return 0.5 * Math.pow(10, -scale);
    }

    private Candidate table(String test, long[][] t, Alternative alt, boolean correct) {
        return run(test, Map.of(TestInput.TABLE_ROWS, t), alt, correct, false);
    }

    /** Linear-by-linear on the non-empty part of a table, keeping the original grade scores. */
    private Candidate trend(long[][] full) {
        double[][] scores = Tables.keptScores(full);
        return run("linear-by-linear", Map.of(TestInput.TABLE_ROWS, Tables.dropEmpty(full), "row_scores", scores[0],
                "col_scores", scores[1]), null, false, false);
    }

    private Candidate run(String test, Map<String, Object> fields, Alternative alt, boolean correct, boolean exact) {
        TestOptions o = TestOptions.defaults().withAlternative(alt == null ? Alternative.TWO_SIDED : alt)
                .withCorrect(correct).withExact(exact ? Boolean.TRUE : null);
        try {
            double p = catalog.get(test).run(TestInput.of(fields), o).pValue();
            return Candidate.of(test, alt, correct, exact, p);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return new Candidate(test, alt, correct, exact, Double.NaN, Double.NaN, Double.NaN,
                    "not computed: " + e.getMessage());
        }
    }
}
