package org.painlab.stats.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.stats.EffectSize;
import org.painlab.stats.plan.Comparison;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.table.PaperReport;

/**
 * The effect sizes of a report grouped by kind ("mean difference", "risk ratio", ...), so that
 * one forest plot never mixes scales. The kind is the effect's name before any parenthesis,
 * which the tests use for details such as "(x - y)" or "(Woolf)". Effects in the variable's own
 * units (mean differences, Hodges–Lehmann shifts) are further split per variable, because a VAS
 * point and an SF-36 point are not on one scale.
 *
 * @since 0.1
 */
public final class EffectKinds {
    private EffectKinds() {
    }

    /**
     * @param effectName an effect-size name, e.g. "risk ratio (row 1 / row 2)"
     * @return its kind, e.g. "risk ratio"
     */
    public static String kind(String effectName) {
        int paren = effectName.indexOf(" (");
        return (paren < 0 ? effectName : effectName.substring(0, paren)).trim();
    }

    /**
     * @param kind an effect kind
     * @return true for ratios, drawn on a log scale around 1
     */
    public static boolean isRatio(String kind) {
        return kind.toLowerCase(java.util.Locale.ROOT).contains("ratio");
    }

    /**
     * @param kind an effect kind
     * @return true when the effect is in the units of the variable compared
     */
    public static boolean inUnits(String kind) {
        String k = kind.toLowerCase(java.util.Locale.ROOT);
        return k.startsWith("mean difference") || k.startsWith("hodges-lehmann") || k.startsWith("median difference");
    }

    /**
     * @param group a key of {@link #of(PaperReport)}, e.g. "mean difference: vas"
     * @return its effect kind, e.g. "mean difference"
     */
    public static String kindOfGroup(String group) {
        int colon = group.indexOf(": ");
        return colon < 0 ? group : group.substring(0, colon);
    }

    /**
     * @param report a report
     * @return per group, in order of first appearance, one row per comparison with a finite
     *         estimate of that kind (the first such effect of the comparison); the group is the
     *         kind, or "kind: variable" for effects in the variable's units
     */
    public static Map<String, List<ForestRow>> of(PaperReport report) {
        Map<String, List<ForestRow>> out = new LinkedHashMap<>();
        for (ComparisonResult r : report.results()) {
            List<String> seen = new ArrayList<>();
            for (EffectSize e : r.effects()) {
                String kind = kind(e.name());
                if (seen.contains(kind) || !Double.isFinite(e.estimate())
                        || isRatio(kind) && !(e.estimate() > 0)) {
                    continue;
                }
                seen.add(kind);
                String group = inUnits(kind) ? kind + ": " + r.selection().variable() : kind;
                out.computeIfAbsent(group, k -> new ArrayList<>())
                        .add(new ForestRow(label(r), e.estimate(), e.lower(), e.upper()));
            }
        }
        return out;
    }

    /** "vas @ month3: S vs P" between arms, "vas @ month3 vs baseline, S" within an arm. */
    static String label(ComparisonResult r) {
        String where = r.selection().variable() + (r.selection().timePoint() == null ? "" : " @ " + r.selection().timePoint());
        if (r.comparison() == Comparison.BETWEEN) {
            return where + ": " + String.join(" vs ", r.arms());
        }
        String base = r.selection().baselineTimePoint();
        return where + (base == null ? "" : " vs " + base) + (r.arms().isEmpty() ? "" : ", " + r.arms().get(0));
    }
}
