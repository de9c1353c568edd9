package org.painlab.trial.internal.exchange;

/**
 * Where something is in an imported file: the record (row of a table, line of an XML element) and the
 * column (field, item OID).
 *
 * @param row 1-based row or line; 0 when the problem concerns the whole file
 * @param column the column or field name as it appears in the file
 */
public record Loc(long row, String column) {
}
