package org.painlab.core;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of work on a study's database, run inside one transaction by {@link Study#transaction}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface StudyWork<T> {
    T run(Connection connection) throws SQLException, StudyException;
}
