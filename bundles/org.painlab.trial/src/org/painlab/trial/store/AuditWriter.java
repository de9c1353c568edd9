package org.painlab.trial.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.painlab.core.store.AuditEntry;

/**
 * Appends rows to the study's audit trail ({@code audit_log}, owned by core) in large batches, inside
 * the caller's transaction, so data and trail commit together. Append only: there is no update or
 * delete. Values longer than the column (4000 characters) are cut and marked with an ellipsis.
 */
final class AuditWriter implements AutoCloseable {
    private static final int MAX = 4000;
    private static final int BATCH = 5000;
    private final UnnestBuffer rows;

    /**
     * Prepares the insert.
     *
     * @param c the connection of the current transaction
     * @throws SQLException when the statement cannot be prepared
     */
    public AuditWriter(Connection c) throws SQLException {
        this.rows = new UnnestBuffer(c, "audit_log", new String[] {"at", "actor", "action", "entity", "entity_id", "field",
            "old_value", "new_value", "reason"}, new String[] {"TIMESTAMP WITH TIME ZONE", "VARCHAR", "VARCHAR", "VARCHAR",
            "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR"}, BATCH);
    }

    /**
     * Queues one entry (written at the latest by {@link #flush()}).
     *
     * @param e the entry (its id and time are ignored: the time is now)
     * @throws SQLException on a database error
     */
    public void add(AuditEntry e) throws SQLException {
        boolean full = rows.add(OffsetDateTime.now(ZoneOffset.UTC), cut(e.actor() == null ? "unknown" : e.actor(), 200),
                cut(e.action(), 40), cut(e.entity(), 200), cut(e.entityId(), 200), cut(e.field(), 200), cut(e.oldValue(), MAX),
                cut(e.newValue(), MAX), cut(e.reason(), MAX));
        if (full) {
            flush();
        }
    }

    /**
     * Writes the queued entries.
     *
     * @throws SQLException on a database error
     */
    public void flush() throws SQLException {
        rows.flush();
    }

    /**
     * Number of queued, unwritten entries.
     *
     * @return the count
     */
    public int pending() {
        return rows.size();
    }

    private static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "\u2026";
    }

    @Override
    public void close() throws SQLException {
        // nothing held open: each flush prepares and closes its statement
    }
}
