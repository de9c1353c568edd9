package org.painlab.trial.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Collects rows for one table and inserts them with a single
 * {@code INSERT INTO t(cols) SELECT * FROM UNNEST(?, ...)} per chunk: one array parameter per column.
 * For millions of rows this is much faster in H2 than JDBC batches of single-row inserts (it avoids
 * the per-row statement overhead).
 */
final class UnnestBuffer {
    private final Connection connection;
    private final String sql;
    private final String[] sqlTypes;
    private final Object[][] columns;
    private int size;

    /**
     * Creates a buffer.
     *
     * @param connection the connection of the current transaction
     * @param table the table
     * @param columnNames its columns, in the order values are given to {@link #add(Object...)}
     * @param sqlTypes the SQL element type of each column's array ("VARCHAR", "DOUBLE PRECISION", "INTEGER",
     *     "BOOLEAN", "DATE", ...)
     * @param capacity rows per insert
     */
    public UnnestBuffer(Connection connection, String table, String[] columnNames, String[] sqlTypes, int capacity) {
        this.connection = connection;
        this.sqlTypes = sqlTypes.clone();
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(table).append('(')
                .append(String.join(", ", columnNames)).append(") SELECT * FROM UNNEST(");
        for (int i = 0; i < columnNames.length; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        this.sql = sb.append(')').toString();
        this.columns = new Object[columnNames.length][capacity];
    }

    /**
     * Adds a row.
     *
     * @param values one value per column (String, Double, Integer, Boolean, java.sql.Date or null)
     * @return true when the buffer is full and should be flushed
     */
    public boolean add(Object... values) {
        for (int i = 0; i < values.length; i++) {
            columns[i][size] = values[i];
        }
        size++;
        return size == columns[0].length;
    }

    /**
     * Rows waiting to be inserted.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    /**
     * Inserts the buffered rows.
     *
     * @throws SQLException on a database error (e.g. a constraint violation)
     */
    public void flush() throws SQLException {
        if (size == 0) {
            return;
        }
        Array[] arrays = new Array[columns.length];
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < columns.length; i++) {
                arrays[i] = connection.createArrayOf(sqlTypes[i], Arrays.copyOf(columns[i], size));
                ps.setArray(i + 1, arrays[i]);
            }
            ps.executeUpdate();
        } finally {
            for (Array a : arrays) {
                if (a != null) {
                    a.free();
                }
            }
        }
        for (Object[] c : columns) {
            Arrays.fill(c, 0, size, null);
        }
        size = 0;
    }
}
