package org.painlab.stats.internal.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.painlab.stats.EffectSize;
import org.painlab.stats.TestResult;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.core.data.VariableKind;
import org.painlab.stats.table.Cell;

/**
 * The texts of the cells of a paper table: summaries (mean ± SD, median (Q1–Q3), n (%)), the
 * statistic, P, the effect with its interval, the test name; each cell keeps the unrounded
 * numbers and, for test cells, the comparison id and the reason of the choice.
 */
public final class CellTexts {

    /** Tests whose rows are summarised as mean ± SD; every other test gets median (Q1–Q3). */
    private static final Set<String> PARAMETRIC = Set.of("t-student", "t-welch", "anova", "welch-anova", "t-paired");

    private CellTexts() {
    }

    /**
     * @param r the between-arm comparison of the row
     * @return true when the row is summarised as mean ± SD
     */
    public static boolean parametric(ComparisonResult r) {
        return r != null && r.choice().testId() != null && PARAMETRIC.contains(r.choice().testId());
    }

    /**
     * @param values the arm's values
     * @param parametric mean ± SD (true) or median (Q1–Q3)
     * @param decimals decimals
     * @param quantileType 6 or 7
     * @return the summary cell
     */
    public static Cell summary(double[] values, boolean parametric, int decimals, int quantileType) {
        return summary(values, null, parametric, decimals, quantileType);
    }

    /**
     * @param values the arm's values
     * @param sorted the same in ascending order, or null
     * @param parametric mean ± SD (true) or median (Q1–Q3)
     * @param decimals decimals
     * @param quantileType 6 or 7
     * @return the summary cell
     */
    public static Cell summary(double[] values, double[] sorted, boolean parametric, int decimals, int quantileType) {
        Describe d = Describe.of(values, sorted, quantileType);
        if (d.n() == 0) {
            return new Cell("—", List.of(), 1, d.toMap(), null, "no values");
        }
        String text = parametric
                ? Numbers.fixed(d.mean(), decimals) + " ± " + (d.n() > 1 ? Numbers.fixed(d.sd(), decimals) : "NA")
                : Numbers.fixed(d.median(), decimals) + " (" + range(d.q1(), d.q3(), decimals) + ")";
        return new Cell(text, List.of(), 1, d.toMap(), null, null);
    }

    /**
     * @param count subjects in the category
     * @param total subjects with a value
     * @return "12 (30.0)"
     */
    public static Cell count(long count, long total) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("n", total);
        double pct = total == 0 ? Double.NaN : 100.0 * count / total;
        m.put("percent", pct);
        return new Cell(count + " (" + Numbers.fixed(pct, 1) + ")", List.of(), 1, m, null, null);
    }

    /**
     * @param r comparison
     * @return the statistic as "t = 1.234", "χ² = 0.456", "Z = −1.10"; empty when there is none
     */
    public static Cell statistic(ComparisonResult r) {
        TestResult res = r.result();
        if (res == null) {
            return withResult("", r, null);
        }
        String symbol = TestNames.statisticSymbol(r.choice().testId());
        Double value = res.statistic();
        if ("mann-whitney".equals(res.method()) || "wilcoxon-signed-rank".equals(res.method())) {
            value = res.extra("Z") instanceof Number z ? z.doubleValue() : null;
        }
        if (symbol == null || value == null || !Double.isFinite(value)) {
            return withResult("—", r, null);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statistic", value);
        return new Cell(symbol + " = " + Numbers.fixed(value, 3), List.of(), 1, m, r.id(), null);
    }

    /**
     * @param r comparison
     * @param decimals decimals of P
     * @return "0.031" or "&lt;0.001", with the unrounded p in the numbers
     */
    public static Cell p(ComparisonResult r, int decimals) {
        if (!r.hasP()) {
            return new Cell("—", List.of(), 1, Map.of(), r.id(), r.error());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p_value", r.pValue());
        return new Cell(Numbers.p(r.pValue(), decimals), List.of(), 1, m, r.id(), null);
    }

    /**
     * @param r comparison
     * @param ratio also print the risk ratio of a 2×2 comparison
     * @param decimals decimals of the variable (differences get one more)
     * @return the row's main effect with its interval
     */
    public static Cell effect(ComparisonResult r, boolean ratio, int decimals) {
        if (r == null || r.result() == null) {
            return Cell.empty();
        }
        String test = r.choice().testId();
        VariableKind kind = r.selection().kind();
        String text;
        EffectSize main;
        if (kind == VariableKind.BINARY) {
            main = r.effect("risk difference");
            EffectSize rr = r.effect("risk ratio");
            text = main == null ? "" : "RD " + pct(main.estimate()) + "% (" + pct(main.lower()) + " to "
                    + pct(main.upper()) + ")";
            if (ratio && rr != null) {
                text += "; RR " + interval(rr, 2);
            }
        } else if (kind == VariableKind.CATEGORICAL || kind == VariableKind.ORDINAL
                && !("mann-whitney".equals(test) || "wilcoxon-signed-rank".equals(test))) {
            main = r.effect("Cramer's V");
            text = main == null ? first(r) : "Cramér's V = " + Numbers.fixed(main.estimate(), 2);
        } else if (kind == VariableKind.ORDINAL && "mann-whitney".equals(test)) {
            main = r.effect("rank-biserial");
            text = main == null ? "" : "r_rb = " + Numbers.fixed(main.estimate(), 2);
        } else if ("mann-whitney".equals(test) || "wilcoxon-signed-rank".equals(test)) {
            main = r.effect("Hodges-Lehmann");
            text = main == null ? "" : "HL " + interval(main, decimals + 1);
        } else if (r.arms().size() == 1 || r.arms().size() == 2) {
            main = r.effect("mean difference");
            text = main == null ? first(r) : "MD " + interval(main, decimals + 1);
        } else {
            main = null;
            text = first(r);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (main != null) {
            m.putAll(main.toMap());
        }
        return new Cell(text, List.of(), 1, m, r.id(), null);
    }

    /**
     * @param r comparison
     * @return the standardised difference for the baseline balance column
     */
    public static Cell smd(ComparisonResult r) {
        if (r == null) {
            return Cell.empty();
        }
        EffectSize e = r.effect(EffectSizes.SMD_PROPORTIONS);
        if (e == null) {
            e = r.effect("Cohen's d");
        }
        if (e == null) {
            e = r.effect(EffectSizes.SMD);
        }
        if (e == null) {
            return Cell.empty();
        }
        return new Cell(Numbers.fixed(e.estimate(), 2), List.of(), 1, e.toMap(), r.id(), null);
    }

    /**
     * @param r comparison
     * @return the test's name, † when overridden, with the reason as note
     */
    public static Cell test(ComparisonResult r) {
        String id = r.choice().testId();
        // only 2x2 tables get Yates / plain Fisher names; larger ones are Fisher-Freeman-Halton
        int cells = r.selection().kind() == VariableKind.BINARY && r.arms().size() == 2 ? 4 : 6;
        String text = id == null ? "—" : TestNames.name(id, r.choice().options(), cells);
        if (id != null && r.choice().options().alternative() != org.painlab.stats.Alternative.TWO_SIDED) {
            // sidedness is printed wherever it is not the two-sided default
            text += " (one-sided, " + r.choice().options().alternative().id() + ")";
        }
        Cell c = new Cell(text, List.of(), 1, Map.of(), r.id(), r.choice().reason());
        return r.choice().overridden() ? c.withMarker("†") : c;
    }

    /**
     * @param p p-value
     * @return "**", "*" or ""
     */
    public static String stars(double p) {
        return p < 0.01 ? "**" : p < 0.05 ? "*" : "";
    }

    /**
     * @param p p-value
     * @return "###", "##", "#" or ""
     */
    public static String hashes(double p) {
        return p < 0.001 ? "###" : p < 0.01 ? "##" : p < 0.05 ? "#" : "";
    }

    private static Cell withResult(String text, ComparisonResult r, String note) {
        return new Cell(text, List.of(), 1, Map.of(), r.id(), note);
    }

    private static String first(ComparisonResult r) {
        for (EffectSize e : r.effects()) {
            return e.name() + " = " + Numbers.fixed(e.estimate(), 2)
                    + (e.hasInterval() ? " (" + Numbers.fixed(e.lower(), 2) + " to " + Numbers.fixed(e.upper(), 2) + ")"
                            : "");
        }
        return "";
    }

    private static String interval(EffectSize e, int decimals) {
        return Numbers.fixed(e.estimate(), decimals) + (e.hasInterval() ? " (" + Numbers.fixed(e.lower(), decimals)
                + " to " + Numbers.fixed(e.upper(), decimals) + ")" : "");
    }

    private static String pct(double v) {
        return Numbers.fixed(100 * v, 1);
    }

    private static String range(double lo, double hi, int decimals) {
        String a = Numbers.fixed(lo, decimals);
        String b = Numbers.fixed(hi, decimals);
        return lo < 0 || hi < 0 ? a + " to " + b : a + "–" + b;
    }
}
