package org.painlab.trial.internal.exchange;

/**
 * Where something is in an imported file: the record (row of a table, line of an XML element) and the
 * column (field, item OID), and the file when it is not the imported file itself (a table an export
 * wrote beside it).
 *
 * @param row 1-based row or line; 0 when the problem concerns the whole file
 * @param column the column or field name as it appears in the file
 * @param file the file's name when it is another file of the import, else null
 */
public record Loc(long row, String column, String file) {
    /**
     * A place in the imported file.
     *
     * @param row 1-based row or line; 0 for the whole file
     * @param column the column or field name
     */
    public Loc(long row, String column) {
        this(row, column, null);
    }
}
