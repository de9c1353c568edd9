package org.painlab.stats.internal.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.core.data.VariableKind;
import org.painlab.stats.plan.VariableSpec;
import org.painlab.stats.table.Cell;
import org.painlab.stats.table.Row;
import org.painlab.stats.table.RowKind;

/**
 * Rows of the characteristics-style tables (baseline, complications, efficacy): one row per
 * continuous or binary variable, a heading row with the test plus one row per level for
 * categorical and ordinal variables, and the rate row of efficacy grades. Columns: label, one per
 * arm, statistic, P, effect (95% CI), optionally SMD, test.
 */
public final class RowMaker {

    private final TableContext ctx;
    private final boolean smdColumn;
    private final boolean ratio;

    /**
     * @param ctx the report's context
     * @param smdColumn whether the table has an SMD column (baseline balance)
     * @param ratio whether binary rows also print the risk ratio (outcomes)
     */
    public RowMaker(TableContext ctx, boolean smdColumn, boolean ratio) {
        this.ctx = ctx;
        this.smdColumn = smdColumn;
        this.ratio = ratio;
    }

    /**
     * @param first heading of the label column
     * @return the heading row
     */
    public Row header(String first) {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.of(first));
        for (int a = 0; a < ctx.arms().size(); a++) {
            cells.add(Cell.of(ctx.armHeading(a)));
        }
        cells.add(Cell.of("Statistic"));
        cells.add(Cell.of("P"));
        cells.add(Cell.of("Effect (95% CI)"));
        if (smdColumn) {
            cells.add(Cell.of("SMD"));
        }
        cells.add(Cell.of("Test"));
        return new Row(RowKind.HEADER, cells, 0);
    }

    /**
     * @param spec the variable
     * @param timePoint the time point shown
     * @param r its between-arm comparison
     * @return its rows
     */
    public List<Row> variable(VariableSpec spec, String timePoint, ComparisonResult r) {
        return switch (spec.kind()) {
            case CONTINUOUS -> List.of(continuous(spec, timePoint, r));
            case BINARY -> List.of(counts(spec.label() + ", n (%)", spec, timePoint, spec.eventLevels(), r, 0));
            case CATEGORICAL, ORDINAL -> levels(spec, timePoint, r);
        };
    }

    /**
     * @param spec coded variable
     * @param timePoint time point
     * @param r the comparison of the rate
     * @return the "excellent + good rate" row
     */
    public Row rate(VariableSpec spec, String timePoint, ComparisonResult r) {
        String label = capitalise(String.join(" + ", spec.eventLevels())) + " rate, n (%)";
        return counts(label, spec, timePoint, spec.eventLevels(), r, 0);
    }

    private Row continuous(VariableSpec spec, String timePoint, ComparisonResult r) {
        boolean parametric = CellTexts.parametric(r);
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.of(spec.label() + (parametric ? ", mean ± SD" : ", median (Q1–Q3)")));
        List<double[]> byArm = ctx.split().numbers(spec.name(), timePoint);
        List<double[]> sorted = ctx.split().sorted(spec.name(), timePoint);
        for (int a = 0; a < byArm.size(); a++) {
            cells.add(CellTexts.summary(byArm.get(a), sorted.get(a), parametric, spec.decimals(),
                    ctx.plan().quantileType()));
        }
        tail(cells, r, spec.decimals());
        return new Row(RowKind.BODY, cells, 0);
    }

    private Row counts(String label, VariableSpec spec, String timePoint, List<String> events, ComparisonResult r,
            int indent) {
        long[][] full = ctx.split().levelCounts(spec.name(), timePoint, spec.levels().size());
        long[][] t = Tables.eventTable(full, spec.levels(), events);
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.of(label));
        for (long[] row : t) {
            cells.add(CellTexts.count(row[0], row[0] + row[1]));
        }
        tail(cells, r, spec.decimals());
        return new Row(RowKind.BODY, cells, indent);
    }

    private List<Row> levels(VariableSpec spec, String timePoint, ComparisonResult r) {
        List<Row> rows = new ArrayList<>();
        List<Cell> head = new ArrayList<>();
        head.add(Cell.of(spec.label() + ", n (%)"));
        for (int a = 0; a < ctx.arms().size(); a++) {
            head.add(Cell.empty());
        }
        tail(head, r, spec.decimals());
        rows.add(new Row(RowKind.GROUP, head, 0));
        long[][] t = ctx.split().levelCounts(spec.name(), timePoint, spec.levels().size());
        long[] totals = new long[t.length];
        for (int a = 0; a < t.length; a++) {
            for (long c : t[a]) {
                totals[a] += c;
            }
        }
        for (int l = 0; l < spec.levels().size(); l++) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.of(spec.levels().get(l)));
            for (int a = 0; a < t.length; a++) {
                cells.add(CellTexts.count(t[a][l], totals[a]));
            }
            for (int k = 0; k < tailWidth(); k++) {
                cells.add(Cell.empty());
            }
            rows.add(new Row(RowKind.BODY, cells, 1));
        }
        return rows;
    }

    private void tail(List<Cell> cells, ComparisonResult r, int decimals) {
        cells.add(CellTexts.statistic(r));
        cells.add(CellTexts.p(r, ctx.plan().pDecimals()));
        cells.add(CellTexts.effect(r, ratio, decimals));
        if (smdColumn) {
            cells.add(CellTexts.smd(r));
        }
        cells.add(CellTexts.test(r));
    }

    private int tailWidth() {
        return smdColumn ? 5 : 4;
    }

    /**
     * @param label the row's label
     * @param r its comparison
     * @return "label: reason" for the notes under the table
     */
    public static String note(String label, ComparisonResult r) {
        return label + ": " + r.choice().reason() + (r.error() != null && !r.error().equals(r.choice().reason())
                ? " (not computed: " + r.error() + ")" : "");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
