package org.painlab.stats.table;

import java.util.List;
import org.painlab.stats.plan.ComparisonResult;

/**
 * A table of the paper: title, heading rows, body rows, footnotes (markers, summary formats,
 * tests) and the reasons behind each test choice, with the comparison results its cells refer
 * to, so that every printed number can be traced to its computation.
 *
 * @param id stable identifier ("baseline", "pain", ...)
 * @param title printed title, e.g. "Table 1. Baseline characteristics (ITT)"
 * @param header heading rows
 * @param body body rows
 * @param footnotes footnotes in print order
 * @param choiceNotes "row label: reason" for each test, in row order
 * @param results the comparisons shown
 *
 * @since 0.1
 */
public record Table(String id, String title, List<Row> header, List<Row> body, List<String> footnotes,
        List<String> choiceNotes, List<ComparisonResult> results) {

    /** Copies lists and checks that every row has the table's width. */
    public Table {
        header = List.copyOf(header);
        body = List.copyOf(body);
        footnotes = List.copyOf(footnotes);
        choiceNotes = List.copyOf(choiceNotes);
        results = List.copyOf(results);
        int w = width(header, body);
        for (Row r : header) {
            check(id, r, w);
        }
        for (Row r : body) {
            check(id, r, w);
        }
    }

    /** @return number of columns */
    public int columns() {
        return width(header, body);
    }

    /**
     * @param id comparison id
     * @return the result with that id, or null
     */
    public ComparisonResult result(String id) {
        for (ComparisonResult r : results) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    private static int width(List<Row> header, List<Row> body) {
        return !header.isEmpty() ? header.get(0).width() : body.isEmpty() ? 0 : body.get(0).width();
    }

    private static void check(String id, Row r, int w) {
        if (r.width() != w) {
            throw new IllegalArgumentException("table '" + id + "': a row spans " + r.width() + " columns, the table has "
                    + w);
        }
    }
}
