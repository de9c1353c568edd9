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
 */
final class WideRowBuffer {
    private final Connection connection;
    private final String sql;
    private final String[] arrayTypes;
    private final List<Object[]> rows = new ArrayList<>();

    /**
     * Creates a buffer.
     *
     * @param connection the connection of the current transaction
     * @param table the table
     * @param columnNames its columns, in the order values are given to {@link #add(Object...)}
     * @param arrayTypes per column the SQL element type of an array column ("VARCHAR", "DOUBLE PRECISION"),
     *     or null for a plain value
     */
    WideRowBuffer(Connection connection, String table, String[] columnNames, String[] arrayTypes) {
        this.connection = connection;
        this.arrayTypes = arrayTypes.clone();
        this.sql = "INSERT INTO " + table + "(" + String.join(", ", columnNames) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columnNames.length, "?")) + ")";
    }

    /**
     * Adds a row.
     *
     * @param values one value per column; an array column takes an {@code Object[]} (String[], Double[])
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
                bind(ps, arrayTypes, row);
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
     * @param arrayTypes per column the element type of an array column, or null
     * @param row the values
     * @throws SQLException on a database error
     */
    static void bind(PreparedStatement ps, String[] arrayTypes, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (arrayTypes[i] == null) {
                ps.setObject(i + 1, row[i]);
            } else {
                ps.setArray(i + 1, ps.getConnection().createArrayOf(arrayTypes[i], (Object[]) row[i]));
            }
        }
    }
}
