package org.painlab.trial.internal.exchange;

/** A table file is malformed (unclosed quote, broken XML): reading stops at {@link #row()}. */
public final class TableFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long row;

    /**
     * Creates the exception.
     *
     * @param row the row or line where reading failed (0 when unknown)
     * @param message what is wrong
     */
    public TableFormatException(long row, String message) {
        super(message);
        this.row = row;
    }

    /** @return the row or line */
    public long row() {
        return row;
    }
}
