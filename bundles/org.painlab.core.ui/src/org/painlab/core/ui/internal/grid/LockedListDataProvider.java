package org.painlab.core.ui.internal.grid;

import ca.odell.glazedlists.util.concurrent.Lock;

import org.eclipse.nebula.widgets.nattable.data.IColumnAccessor;
import org.eclipse.nebula.widgets.nattable.data.ListDataProvider;

import ca.odell.glazedlists.EventList;

/**
 * Reads an event list without ever waiting for it: while a job holds the list's write lock
 * (loading 100,000 rows, applying a filter) painting gets the last row count and empty
 * cells instead of blocking the UI thread, and the grid repaints when the job is done.
 * Out-of-range rows (the list shrank between layout and paint) read as empty too.
 */
public final class LockedListDataProvider<R> extends ListDataProvider<R> {
    private final Lock read;
    private volatile int lastCount;

    public LockedListDataProvider(EventList<R> list, IColumnAccessor<R> accessor) {
        super(list, accessor);
        this.read = list.getReadWriteLock().readLock();
    }

    @Override
    public int getRowCount() {
        if (read.tryLock()) {
            try {
                lastCount = super.getRowCount();
            } finally {
                read.unlock();
            }
        }
        return lastCount;
    }

    @Override
    public Object getDataValue(int columnIndex, int rowIndex) {
        if (!read.tryLock()) {
            return null;
        }
        try {
            return rowIndex < list.size() ? super.getDataValue(columnIndex, rowIndex) : null;
        } finally {
            read.unlock();
        }
    }

    @Override
    public R getRowObject(int rowIndex) {
        if (!read.tryLock()) {
            return null;
        }
        try {
            return rowIndex >= 0 && rowIndex < list.size() ? list.get(rowIndex) : null;
        } finally {
            read.unlock();
        }
    }

    /** The row at {@code rowIndex}, waiting for a job that changes the list (for export and tests, not painting). */
    public R awaitRowObject(int rowIndex) {
        read.lock();
        try {
            return rowIndex >= 0 && rowIndex < list.size() ? list.get(rowIndex) : null;
        } finally {
            read.unlock();
        }
    }

    /** The row count, waiting for a job that changes the list. */
    public int awaitRowCount() {
        read.lock();
        try {
            lastCount = list.size();
            return lastCount;
        } finally {
            read.unlock();
        }
    }

    @Override
    public int indexOfRowObject(R rowObject) {
        if (!read.tryLock()) {
            return -1;
        }
        try {
            return list.indexOf(rowObject);
        } finally {
            read.unlock();
        }
    }
}
