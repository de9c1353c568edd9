package org.painlab.stats.internal.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.core.data.VariableKind;
import org.painlab.stats.plan.VariableSpec;
import org.painlab.stats.table.Cell;
import org.painlab.stats.table.Row;
import org.painlab.stats.table.RowKind;
import org.painlab.stats.table.Table;

/**
 * Outcomes over time by arm (pain; function and quality of life): a heading row per variable,
 * then one row per time point with each arm's summary, the between-group statistic, P, effect
 * and test. Journal markers: * P &lt; 0.05 and ** P &lt; 0.01 between groups (on the arms other
 * than the control, or on P with more than two arms); #, ##, ### for P &lt; 0.05, 0.01, 0.001
 * within a group against its first time point.
 */
public final class OverTimeTableBuilder {

    private final TableContext ctx;

    /** @param ctx the report's context */
    public OverTimeTableBuilder(TableContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param id table id
     * @param title title
     * @param specs variables (continuous, ordinal or binary)
     * @return the table
     */
    public Table build(String id, String title, List<VariableSpec> specs) {
        List<Row> body = new ArrayList<>();
        List<ComparisonResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int columns = ctx.arms().size() + 5;
        Set<String> baselines = new LinkedHashSet<>();
        int control = ctx.arms().indexOf(ctx.control());
        for (VariableSpec spec : specs) {
            if (spec.kind() == VariableKind.CATEGORICAL) {
                notes.add(spec.label() + ": categorical variables are not laid out over time; put it in the baseline or"
                        + " complications table");
                continue;
            }
            body.add(new Row(RowKind.GROUP, List.of(Cell.of(spec.label()).withSpan(columns)), 0));
            List<String> tps = spec.timed() ? spec.timePoints() : java.util.Collections.singletonList(null);
            String first = spec.firstTimePoint();
            if (first != null && tps.size() > 1) {
                baselines.add(ctx.plan().timePointLabel(first));
            }
            for (String tp : tps) {
                ComparisonResult between = ctx.runner().between(spec, tp);
                results.add(between);
                String tpLabel = tp == null ? spec.label() : ctx.plan().timePointLabel(tp);
                notes.add(RowMaker.note(spec.label() + ", " + tpLabel + ", between groups", between));
                List<Cell> cells = new ArrayList<>();
                cells.add(Cell.of(tpLabel));
                boolean parametric = CellTexts.parametric(between);
                for (int a = 0; a < ctx.arms().size(); a++) {
                    Cell c = armCell(spec, tp, a, parametric);
                    if (tp != null && !tp.equals(first) && spec.kind() != VariableKind.BINARY) {
                        ComparisonResult w = ctx.runner().within(spec, a, tp);
                        results.add(w);
                        notes.add(RowMaker.note(spec.label() + ", " + tpLabel + ", group " + ctx.arms().get(a) + " vs "
                                + ctx.plan().timePointLabel(first), w));
                        if (w.hasP() && !CellTexts.hashes(w.pValue()).isEmpty()) {
                            c = c.withMarker(CellTexts.hashes(w.pValue()));
                        }
                    }
                    if (ctx.arms().size() == 2 && a != control && between.hasP()
                            && !CellTexts.stars(between.pValue()).isEmpty()) {
                        c = c.withMarker(CellTexts.stars(between.pValue()));
                    }
                    cells.add(c);
                }
                cells.add(CellTexts.statistic(between));
                Cell p = CellTexts.p(between, ctx.plan().pDecimals());
                if (ctx.arms().size() > 2 && between.hasP() && !CellTexts.stars(between.pValue()).isEmpty()) {
                    p = p.withMarker(CellTexts.stars(between.pValue()));
                }
                cells.add(p);
                cells.add(CellTexts.effect(between, true, spec.decimals()));
                cells.add(CellTexts.test(between));
                body.add(new Row(RowKind.BODY, cells, 1));
            }
        }
        Footnotes fn = new Footnotes(ctx);
        String others = ctx.arms().size() == 2 ? "Compared with group " + ctx.control() + " at the same time point"
                : "Between all groups at the same time point (marker on P)";
        fn.add(others + ": *P < 0.05, **P < 0.01.");
        if (!baselines.isEmpty()) {
            fn.add("Compared with " + String.join(" / ", baselines).toLowerCase(java.util.Locale.ROOT)
                    + " in the same group: #P < 0.05, ##P < 0.01, ###P < 0.001 (paired t if the differences are normal"
                    + " by Shapiro–Wilk, else Wilcoxon signed-rank).");
        }
        List<Row> header = List.of(headerRow());
        return new Table(id, title, header, body, fn.build(body, results), notes, results);
    }

    private Cell armCell(VariableSpec spec, String tp, int arm, boolean parametric) {
        if (spec.kind() == VariableKind.BINARY) {
            long[][] t = Tables.eventTable(ctx.split().levelCounts(spec.name(), tp, spec.levels().size()),
                    spec.levels(), spec.eventLevels());
            return CellTexts.count(t[arm][0], t[arm][0] + t[arm][1]);
        }
        return CellTexts.summary(ctx.split().numbers(spec.name(), tp).get(arm), ctx.split().sorted(spec.name(), tp)
                .get(arm), parametric, spec.decimals(), ctx.plan().quantileType());
    }

    private Row headerRow() {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.of("Time point"));
        for (int a = 0; a < ctx.arms().size(); a++) {
            cells.add(Cell.of(ctx.armHeading(a)));
        }
        cells.add(Cell.of("Statistic"));
        cells.add(Cell.of("P"));
        cells.add(Cell.of("Effect (95% CI)"));
        cells.add(Cell.of("Test"));
        return new Row(RowKind.HEADER, cells, 0);
    }
}
