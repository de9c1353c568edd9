package org.painlab.core.ui.internal.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.nebula.widgets.nattable.sort.ISortModel;
import org.eclipse.nebula.widgets.nattable.sort.SortDirectionEnum;

/**
 * The sort the user chose (header clicks, Ctrl+click for more columns, a saved layout),
 * handed to {@link ShownRows} which sorts in a job: a click only records the choice, the
 * header arrows show it at once and the rows follow when sorted.
 */
public final class GridSortModel implements ISortModel {
    private final ShownRows<?> rows;
    private final List<ShownRows.SortKey> keys = new ArrayList<>();

    public GridSortModel(ShownRows<?> rows) {
        this.rows = rows;
    }

    @Override
    public List<Integer> getSortedColumnIndexes() {
        return keys.stream().map(ShownRows.SortKey::column).toList();
    }

    @Override
    public boolean isColumnIndexSorted(int columnIndex) {
        return find(columnIndex) >= 0;
    }

    @Override
    public SortDirectionEnum getSortDirection(int columnIndex) {
        int i = find(columnIndex);
        if (i < 0) {
            return SortDirectionEnum.NONE;
        }
        return keys.get(i).ascending() ? SortDirectionEnum.ASC : SortDirectionEnum.DESC;
    }

    @Override
    public int getSortOrder(int columnIndex) {
        return find(columnIndex);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List<Comparator> getComparatorsForColumnIndex(int columnIndex) {
        return List.of(getColumnComparator(columnIndex));
    }

    @Override
    public Comparator<?> getColumnComparator(int columnIndex) {
        return CellText::compare;
    }

    @Override
    public void sort(int columnIndex, SortDirectionEnum sortDirection, boolean accumulate) {
        int at = find(columnIndex);
        if (!accumulate) {
            keys.clear();
            at = -1;
        }
        if (sortDirection == null || sortDirection == SortDirectionEnum.NONE) {
            if (at >= 0) {
                keys.remove(at);
            }
        } else {
            ShownRows.SortKey key = new ShownRows.SortKey(columnIndex, sortDirection == SortDirectionEnum.ASC);
            if (at >= 0) {
                keys.set(at, key);
            } else {
                keys.add(key);
            }
        }
        rows.setSort(keys);
    }

    @Override
    public void clear() {
        keys.clear();
        rows.setSort(keys);
    }

    private int find(int columnIndex) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).column() == columnIndex) {
                return i;
            }
        }
        return -1;
    }
}
