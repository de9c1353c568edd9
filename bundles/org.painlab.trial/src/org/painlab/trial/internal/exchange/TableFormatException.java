package org.painlab.trial.internal.exchange;

/** A table file is malformed (unclosed quote, broken XML, a short record): reading stops at {@link #row()}. */
public final class TableFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long row;
    private final String column;

    /**
     * Creates the exception.
     *
     * @param row the row or line where reading failed (0 when unknown)
     * @param message what is wrong
     */
    public TableFormatException(long row, String message) {
        this(row, message, "");
    }

    /**
     * Creates the exception about a column.
     *
     * @param row the row or line where reading failed (0 when unknown)
     * @param message what is wrong
     * @param column the column's name ("" when it concerns the row)
     */
    public TableFormatException(long row, String message, String column) {
        super(message);
        this.row = row;
        this.column = column == null ? "" : column;
    }

    /** @return the row or line */
    public long row() {
        return row;
    }

    /** @return the column's name, or "" */
    public String column() {
        return column;
    }

    /**
     * Where it happened, for a problem.
     *
     * @return row and column
     */
    public Loc loc() {
        return new Loc(row, column);
    }
}
