package org.painlab.stats.internal.plan;

import java.util.ArrayList;
import java.util.List;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.plan.VariableSpec;
import org.painlab.stats.table.Row;
import org.painlab.stats.table.Table;

/**
 * The efficacy table: grades (MacNab) by arm compared as ordered categories, then the
 * excellent-plus-good rate compared as a proportion (χ² or Fisher by expected counts) with risk
 * difference and risk ratio.
 */
public final class EfficacyTableBuilder {

    private final TableContext ctx;

    /** @param ctx the report's context */
    public EfficacyTableBuilder(TableContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param id table id
     * @param title title
     * @param specs efficacy variables
     * @return the table
     */
    public Table build(String id, String title, List<VariableSpec> specs) {
        RowMaker rows = new RowMaker(ctx, false, true);
        List<Row> body = new ArrayList<>();
        List<ComparisonResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Footnotes fn = new Footnotes(ctx);
        for (VariableSpec spec : specs) {
            String tp = spec.lastTimePoint();
            ComparisonResult r = ctx.runner().between(spec, tp);
            results.add(r);
            body.addAll(rows.variable(spec, tp, r));
            notes.add(RowMaker.note(spec.label(), r));
            if (spec.kind().isCoded() && spec.kind() != org.painlab.core.data.VariableKind.BINARY
                    && !spec.eventLevels().isEmpty()) {
                ComparisonResult rate = ctx.runner().rate(spec, tp, spec.eventLevels());
                results.add(rate);
                body.add(rows.rate(spec, tp, rate));
                notes.add(RowMaker.note(spec.label() + ", " + String.join(" + ", spec.eventLevels()) + " rate", rate));
                String rateName = String.join(" + ", spec.eventLevels());
                fn.add(rateName.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + rateName.substring(1)
                        + " rate = (" + rateName + ") ÷ all graded × 100%.");
            }
        }
        return new Table(id, title, List.of(rows.header("Grade")), body, fn.build(body, results), notes, results);
    }
}
