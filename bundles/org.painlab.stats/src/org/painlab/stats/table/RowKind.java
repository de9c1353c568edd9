package org.painlab.stats.table;

/**
 * The role of a table row, which writers style differently.
 *
 * @since 0.1
 */
public enum RowKind {
    /** A column-heading row. */
    HEADER,
    /** A variable heading whose level rows follow (indented). */
    GROUP,
    /** A row of values. */
    BODY
}
