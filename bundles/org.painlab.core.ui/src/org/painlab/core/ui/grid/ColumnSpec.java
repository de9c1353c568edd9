package org.painlab.core.ui.grid;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One column of a {@link DataGrid}: what its header says, where its value comes from and
 * under which spanning group headers it sits.
 * <p>
 * Values are plain objects: numbers are shown and exported as numbers (right-aligned,
 * numeric sort, numeric filters such as {@code >3} or {@code 1..5}), anything else as its
 * text; {@code null} is an empty cell and sorts last (first in a descending sort).
 *
 * @param <R>    the row type of the grid
 * @param key    stable key of the column: names it in saved grid state and in
 *               {@link DataGrid#setFilter(String, String)}; unique within a grid
 * @param label  header text
 * @param value  reads the cell value of a row (called on any thread, must not touch SWT)
 * @param numeric whether the column holds numbers (alignment and export)
 * @param groups spanning group headers above the column, outermost first (e.g.
 *               {@code ["Week 4", "ODI"]}); empty for an ungrouped column
 * @since 0.1
 */
public record ColumnSpec<R>(String key, String label, Function<? super R, ?> value, boolean numeric, List<String> groups) {

    public ColumnSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        groups = List.copyOf(groups);
    }

    /** An ungrouped text column. */
    public static <R> ColumnSpec<R> text(String key, String label, Function<? super R, ?> value) {
        return new ColumnSpec<>(key, label, value, false, List.of());
    }

    /** An ungrouped number column. */
    public static <R> ColumnSpec<R> number(String key, String label, Function<? super R, ?> value) {
        return new ColumnSpec<>(key, label, value, true, List.of());
    }

    /** This column under the given group headers, outermost first. */
    public ColumnSpec<R> under(String... groupPath) {
        return new ColumnSpec<>(key, label, value, numeric, List.of(groupPath));
    }
}
