package org.painlab.core.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One step of an area's schema: version {@code n} turns schema {@code n-1} into
 * {@code n}. Released migrations are never edited; a change is a new migration.
 *
 * @since 0.1
 */
public interface Migration {
    int version();

    String description();

    void apply(Connection connection) throws SQLException;

    /** A migration made of plain SQL statements, run in order. */
    static Migration sql(int version, String description, String... statements) {
        return new Migration() {
            @Override
            public int version() {
                return version;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public void apply(Connection connection) throws SQLException {
                try (var st = connection.createStatement()) {
                    for (String s : statements) {
                        st.execute(s);
                    }
                }
            }
        };
    }
}
