package org.painlab.core.ui.internal.grid;

import ca.odell.glazedlists.util.concurrent.Lock;

import org.eclipse.nebula.widgets.nattable.data.IColumnAccessor;
import org.eclipse.nebula.widgets.nattable.data.ListDataProvider;

import ca.odell.glazedlists.EventList;

/**
 * Reads an event list under its read lock, so painting never sees a list that a
 * background load is replacing; out-of-range rows (the list shrank between layout and
 * paint) read as empty instead of failing the paint.
 */
public final class LockedListDataProvider<R> extends ListDataProvider<R> {
    private final Lock read;

    public LockedListDataProvider(EventList<R> list, IColumnAccessor<R> accessor) {
        super(list, accessor);
        this.read = list.getReadWriteLock().readLock();
    }

    @Override
    public int getRowCount() {
        read.lock();
        try {
            return super.getRowCount();
        } finally {
            read.unlock();
        }
    }

    @Override
    public Object getDataValue(int columnIndex, int rowIndex) {
        read.lock();
        try {
            return rowIndex < list.size() ? super.getDataValue(columnIndex, rowIndex) : null;
        } finally {
            read.unlock();
        }
    }

    @Override
    public R getRowObject(int rowIndex) {
        read.lock();
        try {
            return rowIndex >= 0 && rowIndex < list.size() ? list.get(rowIndex) : null;
        } finally {
            read.unlock();
        }
    }

    @Override
    public int indexOfRowObject(R rowObject) {
        read.lock();
        try {
            return list.indexOf(rowObject);
        } finally {
            read.unlock();
        }
    }
}
