package org.painlab.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The tables one area keeps in a study's database: its migrations and the counts
 * it adds to the study summary. Contributed through {@code org.painlab.core.schemas}.
 *
 * @since 0.1
 */
public interface StudySchema {
    /** Stable id of the area, e.g. {@code org.painlab.trial}; recorded in the study's schema history. */
    String area();

    /** Migrations in ascending version order, starting at 1. */
    List<Migration> migrations();

    /**
     * What this area adds to the study summary (e.g. {@code subjects}, {@code arms}); keys
     * as in the {@code study info} contract. Called only after migrations were applied.
     */
    default Map<String, Object> counts(Connection connection) throws SQLException {
        return Map.of();
    }

    /** The newest version this code knows. */
    default int latestVersion() {
        List<Migration> m = migrations();
        return m.isEmpty() ? 0 : m.get(m.size() - 1).version();
    }
}
