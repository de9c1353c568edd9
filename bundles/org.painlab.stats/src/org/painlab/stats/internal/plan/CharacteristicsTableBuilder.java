package org.painlab.stats.internal.plan;

import java.util.ArrayList;
import java.util.List;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.plan.VariableSpec;
import org.painlab.stats.table.Row;
import org.painlab.stats.table.Table;

/**
 * Baseline (Table 1) and complications tables: one block of rows per variable at one time point
 * (the first for baseline, the last for outcomes), arms side by side, with statistic, P, effect,
 * SMD (baseline only) and the test chosen.
 */
public final class CharacteristicsTableBuilder {

    private final TableContext ctx;

    /** @param ctx the report's context */
    public CharacteristicsTableBuilder(TableContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param id table id
     * @param title title
     * @param specs variables
     * @param baseline true for Table 1 (first time point, SMD column), false for outcomes (last
     *        time point, risk ratios)
     * @return the table
     */
    public Table build(String id, String title, List<VariableSpec> specs, boolean baseline) {
        RowMaker rows = new RowMaker(ctx, baseline, !baseline);
        List<Row> body = new ArrayList<>();
        List<ComparisonResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (VariableSpec spec : specs) {
            String tp = baseline ? spec.firstTimePoint() : spec.lastTimePoint();
            ComparisonResult r = ctx.runner().between(spec, tp);
            results.add(r);
            body.addAll(rows.variable(spec, tp, r));
            notes.add(RowMaker.note(spec.label(), r));
        }
        Footnotes fn = new Footnotes(ctx);
        if (!baseline) {
            fn.add("Outcomes at the last time point of each variable.");
        }
        return new Table(id, title, List.of(rows.header(baseline ? "Characteristic" : "Outcome")), body,
                fn.build(body, results), notes, results);
    }
}
