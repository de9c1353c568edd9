package org.painlab.core.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.h2.jdbcx.JdbcDataSource;

/**
 * How a study's embedded H2 database is named and opened. The data source is used
 * directly (not DriverManager) because DriverManager does not see drivers across
 * OSGi class loaders.
 */
public final class H2Database {
    private static final String SUFFIX = ".mv.db";

    private H2Database() {
    }

    /** The database file of a study folder. */
    public static Path databaseFile(Path studyDir) {
        return studyDir.resolve("db").resolve("study" + SUFFIX);
    }

    public static Connection create(Path file) throws SQLException {
        return connect(file, "");
    }

    public static Connection open(Path file) throws SQLException {
        return connect(file, ";IFEXISTS=TRUE");
    }

    /** Read-only, no lock file: used to look at a study before deciding to change it. */
    public static Connection openReadOnly(Path file) throws SQLException {
        return connect(file, ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r;FILE_LOCK=NO");
    }

    private static Connection connect(Path file, String options) throws SQLException {
        String base = file.toAbsolutePath().toString();
        base = base.substring(0, base.length() - SUFFIX.length());
        JdbcDataSource ds = new JdbcDataSource();
        // WRITE_DELAY=0: a committed transaction is on disk before commit returns, so a
        // killed process loses nothing it reported as saved.
        ds.setURL("jdbc:h2:file:" + base + ";WRITE_DELAY=0" + options);
        ds.setUser("painlab");
        ds.setPassword("");
        return ds.getConnection();
    }

    /** A short, user-level description of an H2 failure. */
    public static String describe(SQLException e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }

    public static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            // closing after a failure: the original error is what the user needs to see
        }
    }
}
