package org.painlab.core.ui.internal.grid;

import java.util.List;

/**
 * A snapshot of what a grid shows: the visible columns in their shown order (each header
 * with its group path) and the filtered, sorted rows as cell values. Copy and export work
 * from this so that they give exactly what is on screen.
 *
 * @param headers one header per shown column: its groups and label joined by a space
 * @param numeric per shown column, whether it holds numbers
 * @param rows    the shown rows, each with one value per shown column
 */
public record ShownTable(List<String> headers, List<Boolean> numeric, List<List<Object>> rows) {

    /** The rows as the text shown on screen. */
    public List<List<String>> text() {
        return rows.stream().map(r -> r.stream().map(CellText::of).toList()).toList();
    }
}
