package org.painlab.stats.table;

import java.util.List;

/**
 * A row of a paper table.
 *
 * @param kind header, group heading or body
 * @param cells the cells, left to right
 * @param indent indentation level of the first cell (level rows under a variable: 1)
 *
 * @since 0.1
 */
public record Row(RowKind kind, List<Cell> cells, int indent) {

    /** Copies the cells. */
    public Row {
        cells = List.copyOf(cells);
    }

    /** @return the number of columns the row covers */
    public int width() {
        int w = 0;
        for (Cell c : cells) {
            w += c.colSpan();
        }
        return w;
    }
}
