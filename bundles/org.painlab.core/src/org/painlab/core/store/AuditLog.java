package org.painlab.core.store;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.painlab.core.io.AtomicFiles;
import org.painlab.core.io.SpreadsheetText;

/**
 * The append-only audit trail of a study. It has no update or delete operation on
 * purpose: the workbench can add and read rows, and export them, nothing else.
 *
 * @since 0.1
 */
public final class AuditLog {
    private final Connection connection;

    public AuditLog(Connection connection) {
        this.connection = connection;
    }

    /** Appends an entry inside the caller's transaction, so data and trail commit together. */
    public void append(AuditEntry e) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO audit_log(at, actor, action, entity, entity_id, field, old_value, new_value, reason) "
                        + "VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, e.actor());
            ps.setString(3, e.action());
            ps.setString(4, e.entity());
            ps.setString(5, e.entityId());
            ps.setString(6, e.field());
            ps.setString(7, e.oldValue());
            ps.setString(8, e.newValue());
            ps.setString(9, e.reason());
            ps.executeUpdate();
        }
    }

    /**
     * Appends many entries inside the caller's transaction as JDBC batches: for bulk changes (an
     * import of 100,000 records) where one statement per row would dominate the time.
     *
     * @since 0.1
     */
    public void appendAll(List<AuditEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO audit_log(at, actor, action, entity, entity_id, field, old_value, new_value, reason) "
                        + "VALUES (?,?,?,?,?,?,?,?,?)")) {
            int pending = 0;
            for (AuditEntry e : entries) {
                ps.setTimestamp(1, now);
                ps.setString(2, e.actor());
                ps.setString(3, e.action());
                ps.setString(4, e.entity());
                ps.setString(5, e.entityId());
                ps.setString(6, e.field());
                ps.setString(7, e.oldValue());
                ps.setString(8, e.newValue());
                ps.setString(9, e.reason());
                ps.addBatch();
                if (++pending == 1000) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    public long size() throws SQLException {
        try (var st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM audit_log")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Entries in the order they were written, from {@code offset}, at most {@code limit}. */
    public List<AuditEntry> entries(long offset, int limit) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, at, actor, action, entity, entity_id, field, old_value, new_value, reason "
                        + "FROM audit_log ORDER BY id LIMIT ? OFFSET ?")) {
            ps.setInt(1, limit);
            ps.setLong(2, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10)));
                }
            }
        }
        return out;
    }

    /**
     * Writes the whole trail as CSV (RFC 4180) to {@code target}, via a temp file and an atomic move;
     * text that a spreadsheet would run as a formula gets a {@code '} in front ({@link SpreadsheetText}).
     */
    public void exportCsv(Path target) throws SQLException, IOException {
        try {
            AtomicFiles.writeFile(target, tmp -> {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write("id,at,actor,action,entity,entity_id,field,old_value,new_value,reason\n");
                    long offset = 0;
                    List<AuditEntry> page;
                    do {
                        page = entries(offset, 10_000);
                        for (AuditEntry e : page) {
                            w.write(e.id() + "," + e.at() + "," + csv(e.actor()) + "," + csv(e.action()) + ","
                                    + csv(e.entity()) + "," + csv(e.entityId()) + "," + csv(e.field()) + ","
                                    + csv(e.oldValue()) + "," + csv(e.newValue()) + "," + csv(e.reason()) + "\n");
                        }
                        offset += page.size();
                    } while (!page.isEmpty());
                } catch (SQLException e) {
                    throw new IOException(e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    private static String csv(String raw) {
        if (raw == null) {
            return "";
        }
        // entered text (reasons, values) must not run as a formula when the trail is opened in a spreadsheet
        String s = SpreadsheetText.neutralize(raw);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
