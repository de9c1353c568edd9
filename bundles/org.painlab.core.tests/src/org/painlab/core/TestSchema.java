package org.painlab.core;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.painlab.core.store.Migration;
import org.painlab.core.store.StudySchema;

/** A small area schema used by the tests: one table whose rows count as "subjects". */
public class TestSchema implements StudySchema {
    private final int versions;

    public TestSchema() {
        this(2);
    }

    TestSchema(int versions) {
        this.versions = versions;
    }

    @Override
    public String area() {
        return "org.painlab.core.tests";
    }

    @Override
    public List<Migration> migrations() {
        List<Migration> all = List.of(
                Migration.sql(1, "thing table", "CREATE TABLE test_thing(id INT PRIMARY KEY, label VARCHAR(100))"),
                Migration.sql(2, "thing note", "ALTER TABLE test_thing ADD COLUMN note VARCHAR(100)"),
                Migration.sql(3, "thing flag", "ALTER TABLE test_thing ADD COLUMN flag BOOLEAN"));
        return all.subList(0, versions);
    }

    @Override
    public Map<String, Object> counts(Connection connection) throws SQLException {
        try (var st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM test_thing")) {
            rs.next();
            return Map.of("subjects", rs.getLong(1));
        }
    }
}
