package org.painlab.core.internal;

import java.util.List;

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
                        + "created_at TIMESTAMP WITH TIME ZONE NOT NULL)"));
    }
}
