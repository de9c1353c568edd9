package org.painlab.core.ui.internal.grid;

import java.util.List;

import org.eclipse.nebula.widgets.nattable.data.IColumnPropertyAccessor;
import org.painlab.core.ui.grid.ColumnSpec;

/** Reads the cells of a row through the grid's {@link ColumnSpec}s; the grid is read-only. */
public final class RowAccessor<R> implements IColumnPropertyAccessor<R> {
    private final List<ColumnSpec<R>> columns;

    public RowAccessor(List<ColumnSpec<R>> columns) {
        this.columns = List.copyOf(columns);
    }

    @Override
    public Object getDataValue(R row, int columnIndex) {
        return row == null ? null : columns.get(columnIndex).value().apply(row);
    }

    @Override
    public void setDataValue(R row, int columnIndex, Object newValue) {
        // read-only grid: edits go through the area's own forms and their audit trail
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public String getColumnProperty(int columnIndex) {
        return columns.get(columnIndex).key();
    }

    @Override
    public int getColumnIndex(String propertyName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(propertyName)) {
                return i;
            }
        }
        return -1;
    }
}
