package org.painlab.trial.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.core.store.Migration;
import org.painlab.core.store.StudySchema;

/**
 * The trial tables of a study. Direct identifiers live only in {@code trial_identifier};
 * every analysis table keys subjects by their pseudonymous study id.
 */
public final class TrialSchema implements StudySchema {
    public static final String AREA = "org.painlab.trial";

    @Override
    public String area() {
        return AREA;
    }

    @Override
    public List<Migration> migrations() {
        return List.of(Migration.sql(1, "arms, subjects, screening, eligibility, visits, answers, allocation list",
                "CREATE TABLE trial_setting(name VARCHAR(100) PRIMARY KEY, setting_value VARCHAR(4000))",
                "CREATE TABLE trial_arm(code VARCHAR(20) PRIMARY KEY, name VARCHAR(200) NOT NULL, description VARCHAR(2000), ordinal INT NOT NULL)",
                "CREATE TABLE trial_visit_def(id VARCHAR(50) PRIMARY KEY, label VARCHAR(200) NOT NULL, day_offset INT, ordinal INT NOT NULL)",
                "CREATE TABLE trial_schedule(arm_code VARCHAR(20) NOT NULL REFERENCES trial_arm(code), visit_id VARCHAR(50) NOT NULL REFERENCES trial_visit_def(id), "
                        + "instrument_id VARCHAR(100) NOT NULL, ordinal INT DEFAULT 0 NOT NULL, PRIMARY KEY(arm_code, visit_id, instrument_id))",
                // Definitions of the subject-level (baseline) variables: type, unit, range and choices
                // ("code=label" joined by '|'), used to check entered and imported values.
                "CREATE TABLE trial_variable_def(name VARCHAR(100) PRIMARY KEY, label VARCHAR(400), type VARCHAR(20) NOT NULL, "
                        + "unit VARCHAR(50), min_value DOUBLE PRECISION, max_value DOUBLE PRECISION, choices VARCHAR(4000), ordinal INT NOT NULL)",
                "CREATE TABLE trial_subject(id VARCHAR(50) PRIMARY KEY, arm_code VARCHAR(20) REFERENCES trial_arm(code), "
                        + "status VARCHAR(20) NOT NULL, allocation_seq INT, stratum VARCHAR(100), enrolled_on DATE, simulated BOOLEAN DEFAULT FALSE NOT NULL)",
                "CREATE TABLE trial_identifier(subject_id VARCHAR(50) NOT NULL REFERENCES trial_subject(id), kind VARCHAR(50) NOT NULL, "
                        + "identifier_value VARCHAR(1000) NOT NULL, PRIMARY KEY(subject_id, kind))",
                "CREATE TABLE trial_screening(id VARCHAR(50) PRIMARY KEY, screened_on DATE, subject_id VARCHAR(50), "
                        + "excluded BOOLEAN NOT NULL, reason VARCHAR(1000), simulated BOOLEAN DEFAULT FALSE NOT NULL)",
                "CREATE TABLE trial_eligibility(screening_id VARCHAR(50) NOT NULL REFERENCES trial_screening(id), criterion VARCHAR(100) NOT NULL, "
                        + "met BOOLEAN NOT NULL, PRIMARY KEY(screening_id, criterion))",
                "CREATE TABLE trial_variable(subject_id VARCHAR(50) NOT NULL REFERENCES trial_subject(id), name VARCHAR(100) NOT NULL, "
                        + "num_value DOUBLE PRECISION, text_value VARCHAR(1000), PRIMARY KEY(subject_id, name))",
                "CREATE TABLE trial_visit(subject_id VARCHAR(50) NOT NULL REFERENCES trial_subject(id), visit_id VARCHAR(50) NOT NULL REFERENCES trial_visit_def(id), "
                        + "visit_date DATE, locked BOOLEAN DEFAULT FALSE NOT NULL, PRIMARY KEY(subject_id, visit_id))",
                "CREATE TABLE trial_answer(subject_id VARCHAR(50) NOT NULL, visit_id VARCHAR(50) NOT NULL, instrument_id VARCHAR(100) NOT NULL, "
                        + "item_id VARCHAR(100) NOT NULL, answer_value DOUBLE PRECISION NOT NULL, PRIMARY KEY(subject_id, visit_id, instrument_id, item_id), "
                        + "FOREIGN KEY(subject_id, visit_id) REFERENCES trial_visit(subject_id, visit_id))",
                "CREATE TABLE trial_allocation(seq INT PRIMARY KEY, arm_code VARCHAR(20) NOT NULL, block INT, stratum VARCHAR(100), "
                        + "subject_id VARCHAR(50), revealed_at TIMESTAMP WITH TIME ZONE)"),
                // Repeated forms (REDCap repeating instruments and events, ODM repeat keys) and forms that
                // are not instruments filled at several visits: one row per value, keyed by form, visit
                // ('' when the source has no events) and instance (0 when the form is not repeated).
                Migration.sql(2, "repeated and per-visit observations of forms",
                        "CREATE TABLE trial_observation(subject_id VARCHAR(50) NOT NULL REFERENCES trial_subject(id), "
                                + "form VARCHAR(100) NOT NULL, visit_id VARCHAR(50) NOT NULL, instance INT NOT NULL, "
                                + "field VARCHAR(100) NOT NULL, num_value DOUBLE PRECISION, text_value VARCHAR(1000) NOT NULL, "
                                + "PRIMARY KEY(subject_id, form, visit_id, instance, field))"),
                // Wide rows (issue 14): H2 pays per row for B-tree upkeep of the string keys, the
                // foreign-key lookup and the undo log, so a value per row made an import of 14 million
                // values take minutes (docs/user-guide.md, "Import speed and memory"). One row per answer
                // set (subject, visit, instrument) and one per subject's baseline cut the rows 10-50 fold.
                // Both rows carry their own keys (item ids, variable names) in a parallel array rather than
                // positions by item or trial_variable_def.ordinal: a row then means the same whatever is
                // defined or installed later (a variable defined after data, an instrument of a plugin
                // that is removed), no definition change rewrites every row, and a value whose definition
                // is gone still reads back and exports. Arrays are never empty: the last value deleted
                // deletes the row.
                Migration.sql(3, "answers and baseline variables as one row per answer set and per subject",
                        "CREATE TABLE trial_answer_set(subject_id VARCHAR(50) NOT NULL, visit_id VARCHAR(50) NOT NULL, "
                                + "instrument_id VARCHAR(100) NOT NULL, item_ids VARCHAR(100) ARRAY NOT NULL, "
                                + "answer_values DOUBLE PRECISION ARRAY NOT NULL, PRIMARY KEY(subject_id, visit_id, instrument_id), "
                                + "FOREIGN KEY(subject_id, visit_id) REFERENCES trial_visit(subject_id, visit_id))",
                        "INSERT INTO trial_answer_set(subject_id, visit_id, instrument_id, item_ids, answer_values) "
                                + "SELECT subject_id, visit_id, instrument_id, ARRAY_AGG(item_id ORDER BY item_id), "
                                + "ARRAY_AGG(answer_value ORDER BY item_id) FROM trial_answer GROUP BY subject_id, visit_id, instrument_id",
                        "DROP TABLE trial_answer",
                        "CREATE TABLE trial_baseline(subject_id VARCHAR(50) PRIMARY KEY REFERENCES trial_subject(id), "
                                + "names VARCHAR(100) ARRAY NOT NULL, num_values DOUBLE PRECISION ARRAY NOT NULL, "
                                + "text_values VARCHAR(1000) ARRAY NOT NULL)",
                        "INSERT INTO trial_baseline(subject_id, names, num_values, text_values) "
                                + "SELECT subject_id, ARRAY_AGG(name ORDER BY name), ARRAY_AGG(num_value ORDER BY name), "
                                + "ARRAY_AGG(text_value ORDER BY name) FROM trial_variable GROUP BY subject_id",
                        "DROP TABLE trial_variable"));
    }

    @Override
    public Map<String, Object> counts(Connection c) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subjects", single(c, "SELECT COUNT(*) FROM trial_subject"));
        List<String> arms = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT code FROM trial_arm ORDER BY ordinal, code")) {
            while (rs.next()) {
                arms.add(rs.getString(1));
            }
        }
        out.put("arms", arms);
        out.put("visits", single(c, "SELECT COUNT(*) FROM trial_visit"));
        out.put("screened", single(c, "SELECT COUNT(*) FROM trial_screening"));
        out.put("observations", single(c, "SELECT COUNT(*) FROM trial_observation"));
        return out;
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
