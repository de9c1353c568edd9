package org.painlab.trial.ui.internal.views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.painlab.trial.store.GridColumn;
import org.painlab.trial.store.GridRow;

/**
 * The bench baseline only (releng/bench/subject-grid.sh): the model of the Subject Grid as a
 * raw SWT virtual table, before the grid moved to NatTable ({@code DataGrid}). The rows of the subject grid in memory with a sorted, filtered view over them as an
 * index array, so sorting and filtering tens of thousands of rows never copies rows and
 * the virtual table asks only for what it shows.
 */
final class GridModel {
    private final List<GridColumn> columns;
    private final List<GridRow> rows;
    private int[] view;
    private int sortColumn = -1;
    private boolean ascending = true;
    private String filter = "";

    GridModel(List<GridColumn> columns, List<GridRow> rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
        apply();
    }

    List<GridColumn> columns() {
        return columns;
    }

    int size() {
        return view.length;
    }

    int total() {
        return rows.size();
    }

    GridRow row(int viewIndex) {
        return rows.get(view[viewIndex]);
    }

    String text(int viewIndex, int column) {
        Object v = row(viewIndex).values().get(column);
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : String.format(Locale.ROOT, "%.2f", d);
        }
        return v.toString();
    }

    /** Sorts by {@code column}; the same column again flips the direction. */
    void sortBy(int column) {
        ascending = column == sortColumn ? !ascending : true;
        sortColumn = column;
        apply();
    }

    boolean ascending() {
        return ascending;
    }

    /** Keeps rows where any cell contains {@code text} (case-insensitive), or {@code column=value} matches exactly. */
    void filter(String text) {
        filter = text == null ? "" : text.trim();
        apply();
    }

    private void apply() {
        List<Integer> keep = new ArrayList<>(rows.size());
        String f = filter.toLowerCase(Locale.ROOT);
        int eq = f.indexOf('=');
        int colFilter = -1;
        String colValue = null;
        if (eq > 0) {
            String key = f.substring(0, eq).trim();
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).key().toLowerCase(Locale.ROOT).equals(key)) {
                    colFilter = i;
                    colValue = f.substring(eq + 1).trim();
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            if (f.isEmpty() || matches(rows.get(i), f, colFilter, colValue)) {
                keep.add(i);
            }
        }
        Integer[] idx = keep.toArray(new Integer[0]);
        if (sortColumn >= 0) {
            Comparator<Integer> cmp = Comparator.comparing(i -> rows.get(i).values().get(sortColumn), GridModel::compareCells);
            Arrays.sort(idx, ascending ? cmp : cmp.reversed());
        }
        view = Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    private static boolean matches(GridRow row, String f, int column, String value) {
        if (column >= 0) {
            Object v = row.values().get(column);
            return v != null && cell(v).equals(value);
        }
        for (Object v : row.values()) {
            if (v != null && cell(v).contains(f)) {
                return true;
            }
        }
        return false;
    }

    private static String cell(Object v) {
        if (v instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return v.toString().toLowerCase(Locale.ROOT);
    }

    /** Missing values sort last; numbers numerically; text alphabetically. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    static int compareCells(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable ca && a.getClass().equals(b.getClass())) {
            return ca.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }
}
