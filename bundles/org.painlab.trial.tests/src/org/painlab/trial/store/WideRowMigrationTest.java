package org.painlab.trial.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.core.store.Migration;
import org.painlab.core.store.StudySchema;
import org.painlab.trial.internal.store.TrialSchema;

/**
 * Migration 3 of the trial schema: a study written with one row per value (schema version 2, built
 * here with the released version-2 migrations and plain SQL rows) opens with one array row per
 * answer set and per subject's baseline, and every value reads back as it was stored.
 */
class WideRowMigrationTest {
    private static final int ITEMS = 60;

    @TempDir
    Path tmp;

    /** The trial schema as released up to version 2. */
    private static final class TrialSchemaV2 implements StudySchema {
        @Override
        public String area() {
            return TrialSchema.AREA;
        }

        @Override
        public List<Migration> migrations() {
            return new TrialSchema().migrations().subList(0, 2);
        }
    }

    private static List<StudySchema> version2Schemas() {
        List<StudySchema> out = new ArrayList<>();
        for (StudySchema s : TrialTestStudies.schemas()) {
            out.add(s.area().equals(TrialSchema.AREA) ? new TrialSchemaV2() : s);
        }
        return out;
    }

    @Test
    void everyValueOfAVersion2StudySurvivesTheMigration() throws Exception {
        Path dir = tmp.resolve("old");
        // expected: subject -> variable -> value, subject -> visit -> instrument -> item -> value
        Map<String, Map<String, VariableValue>> baseline = new TreeMap<>();
        Map<String, Map<String, Map<String, Map<String, Double>>>> answers = new TreeMap<>();
        Study old = Study.create(dir, "old", version2Schemas());
        try {
            old.transaction(c -> {
                fillVersion2(c, baseline, answers);
                return null;
            });
        } finally {
            old.close();
        }

        try (Study study = TrialTestStudies.open(dir)) {
            assertFalse(tableExists(study, "TRIAL_ANSWER"), "the row-per-value answer table is dropped");
            assertFalse(tableExists(study, "TRIAL_VARIABLE"), "the row-per-value variable table is dropped");
            TrialStore store = new TrialStore(study);
            for (String s : List.of("S001", "S002", "S003")) {
                Map<String, VariableValue> got = store.baseline(s);
                assertEquals(baseline.getOrDefault(s, Map.of()), got, "baseline of " + s);
                // definition order (ordinal), not name order: bmi was defined before age
                List<String> defined = new ArrayList<>(got.keySet());
                defined.retainAll(List.of("bmi", "age", "sex"));
                List<String> expectedOrder = new ArrayList<>(List.of("bmi", "age", "sex"));
                expectedOrder.retainAll(got.keySet());
                assertEquals(expectedOrder, defined, "order of the baseline of " + s);
                Map<String, Map<String, Map<String, Double>>> mine = answers.getOrDefault(s, Map.of());
                for (String visit : List.of("v0", "v1")) {
                    for (String inst : List.of("xq", "yq", "vas", "odi")) {
                        Map<String, Double> want = mine.getOrDefault(visit, Map.of()).getOrDefault(inst, Map.of());
                        assertEquals(want, store.answers(s, visit, inst), s + " " + visit + " " + inst);
                    }
                }
                SubjectRecord r = store.subjectRecord(s).orElseThrow();
                assertEquals(baseline.getOrDefault(s, Map.of()), r.baseline(), "record baseline of " + s);
                assertEquals(mine, plain(r.answers()), "record answers of " + s);
            }
            assertEquals(VariableValue.of("a text, with 'quotes'"), store.baseline("S002").get("note"),
                    "a value of a variable that is no longer defined still reads back");
            assertEquals(5, count(study, "SELECT COUNT(*) FROM trial_answer_set"), "one row per answer set");
            assertEquals(2, count(study, "SELECT COUNT(*) FROM trial_baseline"), "one row per subject with values");

            // single-value edits after the migration: read-modify-write of one array row, audited per field
            store.edit("tester", e -> {
                e.setVariable("S001", "age", VariableValue.of(43.5), "typo");
                e.deleteVariable("S002", "sex", "entered for the wrong subject");
                Map<String, Double> changed = new LinkedHashMap<>(answers.get("S003").get("v0").get("odi"));
                changed.put("lifting", 4.0);
                changed.remove("sex_life");
                e.saveAnswers("S003", "v0", "odi", changed, "source document");
                e.saveAnswers("S002", "v1", "vas", Map.of(), "withdrawn consent for this form");
                return null;
            });
            assertEquals(VariableValue.of(43.5), store.baseline("S001").get("age"));
            assertEquals(baseline.get("S001").get("bmi"), store.baseline("S001").get("bmi"), "the other values stay");
            assertFalse(store.baseline("S002").containsKey("sex"));
            Map<String, Double> odi = store.answers("S003", "v0", "odi");
            assertEquals(4.0, odi.get("lifting"), 0.0);
            assertEquals(answers.get("S003").get("v0").get("odi").get("walking"), odi.get("walking"), "the other answers stay");
            assertFalse(odi.containsKey("sex_life"));
            assertEquals(9, odi.size());
            assertEquals("pain_intensity", odi.keySet().iterator().next(), "answers come in the instrument's item order");
            assertTrue(store.answers("S002", "v1", "vas").isEmpty());
            assertEquals(answers.get("S001").get("v0").get("xq"), store.answers("S001", "v0", "xq"), "other answer sets stay");
            assertEquals(4, count(study, "SELECT COUNT(*) FROM trial_answer_set"), "an emptied answer set leaves no row");
            List<AuditEntry> audit = study.read(c -> new AuditLog(c).entries(0, 10_000));
            assertTrue(audit.stream().anyMatch(a -> "update".equals(a.action()) && "variable".equals(a.entity())
                    && "age".equals(a.field()) && "42".equals(a.oldValue()) && "43.5".equals(a.newValue())), audit.toString());
            assertTrue(audit.stream().anyMatch(a -> "delete".equals(a.action()) && "answer".equals(a.entity())
                    && "S003/v0/odi".equals(a.entityId()) && "sex_life".equals(a.field())), audit.toString());
            assertEquals(1, audit.stream().filter(a -> "delete".equals(a.action()) && "answer".equals(a.entity())
                    && "S002/v1/vas".equals(a.entityId())).count(), audit.toString());
        }
    }

    private static void fillVersion2(Connection c, Map<String, Map<String, VariableValue>> baseline,
            Map<String, Map<String, Map<String, Map<String, Double>>>> answers) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("INSERT INTO trial_arm(code, name, ordinal) VALUES ('A', 'Arm A', 1)");
            st.execute("INSERT INTO trial_visit_def(id, label, ordinal) VALUES ('v0', 'Admission', 1), ('v1', '3 months', 2)");
            st.execute("INSERT INTO trial_variable_def(name, label, type, ordinal) VALUES ('bmi', 'BMI', 'number', 1), "
                    + "('age', 'Age', 'number', 2), ('sex', 'Sex', 'text', 3)");
            st.execute("INSERT INTO trial_subject(id, arm_code, status) VALUES ('S001', 'A', 'enrolled'), "
                    + "('S002', 'A', 'enrolled'), ('S003', 'A', 'enrolled')");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO trial_variable(subject_id, name, num_value, text_value) VALUES (?,?,?,?)")) {
            variable(ps, baseline, "S001", "age", VariableValue.of(42));
            variable(ps, baseline, "S001", "bmi", VariableValue.of(0.1 + 0.2));
            variable(ps, baseline, "S001", "sex", VariableValue.of("f"));
            variable(ps, baseline, "S002", "sex", VariableValue.of("m"));
            variable(ps, baseline, "S002", "age", VariableValue.of(-1.0e-300));
            variable(ps, baseline, "S002", "note", VariableValue.of("a text, with 'quotes'"));
            ps.executeBatch();
        }
        try (var st = c.createStatement()) {
            st.execute("INSERT INTO trial_visit(subject_id, visit_id) VALUES ('S001', 'v0'), ('S001', 'v1'), ('S002', 'v1'), ('S003', 'v0')");
        }
        Random random = new Random(14);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO trial_answer(subject_id, visit_id, instrument_id, item_id, answer_value) VALUES (?,?,?,?,?)")) {
            answer(ps, answers, "S002", "v1", "vas", "vas", 7.0);
            String[] odi = {"pain_intensity", "personal_care", "lifting", "walking", "sitting", "standing", "sleeping",
                "sex_life", "social_life", "travelling"};
            for (int i = odi.length - 1; i >= 0; i--) {
                answer(ps, answers, "S003", "v0", "odi", odi[i], i % 6);
            }
            // instruments the catalog does not know still store and read back their items
            for (String[] set : new String[][] {{"S001", "v0", "xq"}, {"S001", "v0", "yq"}, {"S001", "v1", "xq"}}) {
                List<Integer> order = new ArrayList<>();
                for (int i = 1; i <= ITEMS; i++) {
                    order.add(i);
                }
                // rows in a random order, so the migration must pair each item with its own value
                Collections.shuffle(order, random);
                for (int i : order) {
                    String item = String.format("i%02d", i);
                    answer(ps, answers, set[0], set[1], set[2], item, random.nextDouble() * 100);
                }
            }
            ps.executeBatch();
        }
    }

    private static void answer(PreparedStatement ps, Map<String, Map<String, Map<String, Map<String, Double>>>> answers,
            String subject, String visit, String instrument, String item, double value) throws SQLException {
        ps.setString(1, subject);
        ps.setString(2, visit);
        ps.setString(3, instrument);
        ps.setString(4, item);
        ps.setDouble(5, value);
        ps.addBatch();
        answers.computeIfAbsent(subject, k -> new TreeMap<>()).computeIfAbsent(visit, k -> new TreeMap<>())
                .computeIfAbsent(instrument, k -> new TreeMap<>()).put(item, value);
    }

    private static void variable(PreparedStatement ps, Map<String, Map<String, VariableValue>> baseline, String subject,
            String name, VariableValue value) throws SQLException {
        ps.setString(1, subject);
        ps.setString(2, name);
        ps.setObject(3, value.number());
        ps.setString(4, value.text());
        ps.addBatch();
        baseline.computeIfAbsent(subject, k -> new LinkedHashMap<>()).put(name, value);
    }

    private static Map<String, Map<String, Map<String, Double>>> plain(Map<String, Map<String, Map<String, Double>>> m) {
        Map<String, Map<String, Map<String, Double>>> out = new TreeMap<>();
        m.forEach((v, byInst) -> byInst.forEach((i, items) -> {
            if (!items.isEmpty()) {
                out.computeIfAbsent(v, k -> new TreeMap<>()).put(i, new TreeMap<>(items));
            }
        }));
        return out;
    }

    private static boolean tableExists(Study study, String table) throws Exception {
        return study.read(c -> {
            try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
                return rs.next();
            }
        });
    }

    private static long count(Study study, String sql) throws Exception {
        return study.read(c -> {
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
