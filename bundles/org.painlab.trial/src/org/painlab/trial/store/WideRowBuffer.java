package org.painlab.trial.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects rows of a table with array columns (one answer set or one subject's baseline per row) and
 * inserts them as one JDBC batch per chunk. {@link UnnestBuffer} cannot carry them: its columns are
 * already arrays, and H2 does not unnest an array of arrays into array-valued rows.
 *
 * <p>An array column's value is passed as the Java array itself ({@code setObject}), which H2 turns into
 * its array value once. The portable {@code createArrayOf} + {@code setArray} made H2 convert every
 * element three times (into the {@code java.sql.Array}, back out of it, into the parameter): a tenth of
 * the time of an import of 100,000 x 50 (JFR).
 */
final class WideRowBuffer {
    private final Connection connection;
    private final String sql;
    private final List<Object[]> rows = new ArrayList<>();

    /**
     * Creates a buffer.
     *
     * @param connection the connection of the current transaction
     * @param table the table
     * @param columnNames its columns, in the order values are given to {@link #add(Object...)}
     */
    WideRowBuffer(Connection connection, String table, String[] columnNames) {
        this.connection = connection;
        this.sql = "INSERT INTO " + table + "(" + String.join(", ", columnNames) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columnNames.length, "?")) + ")";
    }

    /**
     * Adds a row.
     *
     * @param values one value per column; an array column takes an {@code Object[]} (String[], Double[]), not
     *     changed until the buffer is flushed
     */
    void add(Object... values) {
        rows.add(values);
    }

    /** @return rows waiting to be inserted */
    int size() {
        return rows.size();
    }

    /**
     * Inserts the buffered rows.
     *
     * @throws SQLException on a database error (e.g. a constraint violation)
     */
    void flush() throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        rows.clear();
    }

    /**
     * Sets the parameters of one row.
     *
     * @param ps the statement, its parameters in column order
     * @param row the values; an array column's value is a {@code String[]} or {@code Double[]}, which H2 takes
     *     as an array value (the column's type converts its elements)
     * @throws SQLException on a database error
     */
    static void bind(PreparedStatement ps, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            ps.setObject(i + 1, row[i]);
        }
    }
}
