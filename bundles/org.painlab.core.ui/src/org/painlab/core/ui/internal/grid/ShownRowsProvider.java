package org.painlab.core.ui.internal.grid;

import org.eclipse.nebula.widgets.nattable.data.IColumnAccessor;
import org.eclipse.nebula.widgets.nattable.data.IRowDataProvider;

/**
 * The grid body's cells, read from the current {@link ShownRows.View}: each call takes the
 * view as it is then, never waits for a filter or sort in progress, and a row outside the
 * view (it shrank between layout and paint) reads as empty.
 */
public final class ShownRowsProvider<R> implements IRowDataProvider<R> {
    private final ShownRows<R> rows;
    private final IColumnAccessor<R> accessor;

    public ShownRowsProvider(ShownRows<R> rows, IColumnAccessor<R> accessor) {
        this.rows = rows;
        this.accessor = accessor;
    }

    @Override
    public Object getDataValue(int columnIndex, int rowIndex) {
        R row = getRowObject(rowIndex);
        return row == null ? null : accessor.getDataValue(row, columnIndex);
    }

    @Override
    public void setDataValue(int columnIndex, int rowIndex, Object newValue) {
        // read-only grid: edits go through the area's own forms and their audit trail
    }

    @Override
    public int getColumnCount() {
        return accessor.getColumnCount();
    }

    @Override
    public int getRowCount() {
        return rows.view().size();
    }

    @Override
    public R getRowObject(int rowIndex) {
        return rows.view().get(rowIndex);
    }

    @Override
    public int indexOfRowObject(R rowObject) {
        return rows.view().indexOf(rowObject);
    }
}
