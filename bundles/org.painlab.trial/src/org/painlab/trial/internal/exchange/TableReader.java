package org.painlab.trial.internal.exchange;

import java.io.Closeable;
import java.io.IOException;

/** Rows of a table file (CSV or the first sheet of a workbook), one at a time. */
public interface TableReader extends Closeable {
    /**
     * The next row.
     *
     * @return the cell texts (missing cells are null or absent), or null at the end
     * @throws IOException when the file cannot be read
     * @throws TableFormatException when the file is malformed at the current row
     */
    String[] next() throws IOException;

    /**
     * The 1-based row (CSV: line) number of the row last returned by {@link #next()}.
     *
     * @return the row number
     */
    long row();
}
