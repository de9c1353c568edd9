package org.painlab.core.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.painlab.core.StudyException;
import org.painlab.core.store.Migration;
import org.painlab.core.store.StudySchema;

/**
 * Applies the pending migrations of each area's schema and records them in
 * {@code schema_history}; refuses a database written by newer code.
 */
public final class SchemaMigrator {
    private final Connection connection;

    public SchemaMigrator(Connection connection) {
        this.connection = connection;
    }

    /** Fails when any area in the database is at a version newer than the code knows. */
    public void checkNotNewer(Iterable<StudySchema> schemas, Path db) throws SQLException, StudyException {
        Map<String, Integer> applied = appliedVersions();
        for (StudySchema s : schemas) {
            int have = applied.getOrDefault(s.area(), 0);
            if (have > s.latestVersion()) {
                throw new StudyException("The study " + db.getParent().getParent() + " was written by a newer PainLab: schema '"
                        + s.area() + "' is at version " + have + ", this version knows up to " + s.latestVersion()
                        + "; nothing was changed");
            }
        }
    }

    /**
     * The migrations this code would apply, one "area from version X to Y" each; empty when the
     * database is current. Reads only, so it can run on a read-only connection.
     */
    public java.util.List<String> pending(Iterable<StudySchema> schemas) throws SQLException {
        Map<String, Integer> applied = appliedVersions();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (StudySchema s : schemas) {
            int have = applied.getOrDefault(s.area(), 0);
            if (have < s.latestVersion()) {
                out.add("'" + s.area() + "' from version " + have + " to " + s.latestVersion());
            }
        }
        return out;
    }

    public void migrate(Iterable<StudySchema> schemas) throws SQLException {
        ensureHistoryTable();
        Map<String, Integer> applied = appliedVersions();
        for (StudySchema s : schemas) {
            int have = applied.getOrDefault(s.area(), 0);
            for (Migration m : s.migrations()) {
                if (m.version() <= have) {
                    continue;
                }
                boolean auto = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    m.apply(connection);
                    try (PreparedStatement ps = connection.prepareStatement(
                            "INSERT INTO schema_history(area, version, description, applied_at) VALUES (?,?,?,?)")) {
                        ps.setString(1, s.area());
                        ps.setInt(2, m.version());
                        ps.setString(3, m.description());
                        ps.setTimestamp(4, Timestamp.from(Instant.now()));
                        ps.executeUpdate();
                    }
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw new SQLException("migration " + s.area() + " " + m.version() + " (" + m.description()
                            + ") failed: " + e.getMessage(), e);
                } finally {
                    connection.setAutoCommit(auto);
                }
            }
        }
    }

    private void ensureHistoryTable() throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_history(area VARCHAR(200) NOT NULL, version INT NOT NULL, "
                    + "description VARCHAR(1000), applied_at TIMESTAMP NOT NULL, PRIMARY KEY(area, version))");
        }
    }

    private Map<String, Integer> appliedVersions() throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        DatabaseMetaData md = connection.getMetaData();
        try (ResultSet t = md.getTables(null, null, "SCHEMA_HISTORY", null)) {
            if (!t.next()) {
                return out;
            }
        }
        try (var st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT area, MAX(version) FROM schema_history GROUP BY area")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }
}
