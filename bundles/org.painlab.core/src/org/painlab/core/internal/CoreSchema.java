package org.painlab.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.painlab.core.result.ResultStore;
import org.painlab.core.store.Migration;
import org.painlab.core.store.StudySchema;

/** The core tables every study has: the audit trail, results with provenance, and links. */
public final class CoreSchema implements StudySchema {
    public static final String AREA = "org.painlab.core";

    @Override
    public String area() {
        return AREA;
    }

    @Override
    public List<Migration> migrations() {
        return List.of(Migration.sql(1, "audit log, results with provenance, item links",
                "CREATE TABLE audit_log(id BIGINT AUTO_INCREMENT PRIMARY KEY, at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "actor VARCHAR(200) NOT NULL, action VARCHAR(40) NOT NULL, entity VARCHAR(200) NOT NULL, "
                        + "entity_id VARCHAR(200), field VARCHAR(200), old_value VARCHAR(4000), new_value VARCHAR(4000), "
                        + "reason VARCHAR(4000))",
                "CREATE TABLE result(id BIGINT AUTO_INCREMENT PRIMARY KEY, analysis_id VARCHAR(200) NOT NULL, "
                        + "title VARCHAR(1000), created_at TIMESTAMP WITH TIME ZONE NOT NULL, code_version VARCHAR(100) NOT NULL, "
                        + "inputs CLOB, parameters CLOB, body CLOB)",
                "CREATE TABLE item_link(id BIGINT AUTO_INCREMENT PRIMARY KEY, from_type VARCHAR(200) NOT NULL, "
                        + "from_key VARCHAR(400) NOT NULL, to_type VARCHAR(200) NOT NULL, to_key VARCHAR(400) NOT NULL, "
                        + "created_at TIMESTAMP WITH TIME ZONE NOT NULL)"),
                // one column a statement, each idempotent: H2 DDL is not transactional, so a retry must be safe
                Migration.sql(2, "results: inputs hash, who, bundle versions",
                        "ALTER TABLE result ADD COLUMN IF NOT EXISTS inputs_hash VARCHAR(64)",
                        "ALTER TABLE result ADD COLUMN IF NOT EXISTS created_by VARCHAR(200)",
                        "ALTER TABLE result ADD COLUMN IF NOT EXISTS versions CLOB"));
    }

    @Override
    public Map<String, Object> counts(Connection connection) throws SQLException {
        return Map.of("results", ResultStore.count(connection));
    }
}
