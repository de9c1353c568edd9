package org.painlab.trial.internal.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Writes the rows of a table file (CSV or a one-sheet workbook). */
public interface TableWriter extends Closeable {
    /**
     * Writes a row.
     *
     * @param values String, Number (Double is written without trailing zeros) or null (empty cell)
     * @throws IOException when writing fails
     */
    void row(List<?> values) throws IOException;
}
