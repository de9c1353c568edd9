package org.painlab.stats.ui.internal.model;

import java.util.ArrayList;
import java.util.List;

import org.painlab.stats.plan.Comparison;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.table.Cell;
import org.painlab.stats.table.Row;
import org.painlab.stats.table.Table;

/**
 * A row of a paper table as the report grid shows it, with the comparison it reports: the between-group
 * one when there is one (that is the row's P and test), else the first the row refers to.
 *
 * @param table the table
 * @param row the row, or null for the table's own node
 * @param result the comparison, or null for rows without a test (headings, level rows)
 */
public record RowRef(Table table, Row row, ComparisonResult result) {

    /**
     * @param table the table
     * @param row one of its rows
     * @return the row with its comparison looked up through the cells' result ids
     */
    public static RowRef of(Table table, Row row) {
        ComparisonResult first = null;
        for (Cell c : row.cells()) {
            ComparisonResult r = c.resultId() == null ? null : table.result(c.resultId());
            if (r != null && r.comparison() == Comparison.BETWEEN) {
                return new RowRef(table, row, r);
            }
            if (first == null) {
                first = r;
            }
        }
        return new RowRef(table, row, first);
    }

    /**
     * @param width columns to fill
     * @return the cell texts with their markers, each spanning cell's text in its first column
     */
    public List<String> texts(int width) {
        List<String> out = new ArrayList<>();
        List<Row> source = row == null ? table.header() : List.of(row);
        if (!source.isEmpty()) {
            for (Cell c : source.get(source.size() - 1).cells()) {
                out.add(c.plainText());
                for (int i = 1; i < c.colSpan(); i++) {
                    out.add("");
                }
            }
        }
        while (out.size() < width) {
            out.add("");
        }
        return out.subList(0, width);
    }
}
