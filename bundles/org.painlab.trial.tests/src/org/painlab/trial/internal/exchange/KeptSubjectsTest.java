package org.painlab.trial.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.painlab.core.Study;
import org.painlab.core.importer.ImportLimits;
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.importer.ImportSummary;
import org.painlab.trial.exchange.ExchangeFormat;
import org.painlab.trial.exchange.ExportOptions;
import org.painlab.trial.exchange.ImportOptions;
import org.painlab.trial.exchange.Layout;
import org.painlab.trial.exchange.TrialExchange;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.instrument.Item;
import org.painlab.trial.instrument.NotScorableException;
import org.painlab.trial.instrument.Score;
import org.painlab.trial.store.AnswerChecker;
import org.painlab.trial.store.CheckedAnswers;
import org.painlab.trial.store.CheckedSubject;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.SubjectStatus;
import org.painlab.trial.store.TrialDataException;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;
import org.painlab.trial.store.VariableDefinition;
import org.painlab.trial.store.VariableType;
import org.painlab.trial.store.VariableValue;

/**
 * The writing pass of an import writes the subjects the first pass checked and kept, or, past the
 * memory budget, reads the file again: both give the same study, value for value and audit row for
 * audit row.
 */
class KeptSubjectsTest {
    @TempDir
    Path tmp;

    /** Imports into a new study with the given budget and gives what was added and every table as text. */
    private String importAndDump(String name, Path file, ImportOptions options, long budget) throws Exception {
        try (Study study = TrialTestStudies.create(tmp.resolve(name))) {
            TrialStore store = new TrialStore(study, InstrumentCatalog.installed());
            ImportSummary s = new ImportRunner(store, ImportLimits.defaults(), budget).run(file, options, new NullProgressMonitor());
            StringBuilder out = new StringBuilder("added " + s.added() + "\nread " + s.report().valuesRead() + ", imported "
                    + s.report().valuesImported() + ", refused " + s.report().refused() + "\nwarnings " + s.report().warnings()
                    + "\nnotes " + s.report().notes() + "\n");
            for (String q : List.of("SELECT * FROM trial_arm ORDER BY code", "SELECT * FROM trial_visit_def ORDER BY id",
                    "SELECT * FROM trial_variable_def ORDER BY name", "SELECT * FROM trial_schedule ORDER BY 1, 2, 3",
                    "SELECT * FROM trial_subject ORDER BY id", "SELECT * FROM trial_visit ORDER BY subject_id, visit_id",
                    "SELECT * FROM trial_baseline ORDER BY subject_id",
                    "SELECT * FROM trial_answer_set ORDER BY subject_id, visit_id, instrument_id",
                    "SELECT * FROM trial_observation ORDER BY 1, 2, 3, 4, 5",
                    "SELECT * FROM trial_allocation ORDER BY seq", "SELECT * FROM trial_screening ORDER BY id",
                    // the audit trail in order, without the time of writing
                    "SELECT actor, action, entity, entity_id, field, old_value, new_value, reason FROM audit_log ORDER BY id")) {
                String rows = study.read(c -> {
                    StringBuilder t = new StringBuilder();
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(q)) {
                        ResultSetMetaData md = rs.getMetaData();
                        while (rs.next()) {
                            for (int i = 1; i <= md.getColumnCount(); i++) {
                                if (md.getColumnName(i).equalsIgnoreCase("revealed_at")) {
                                    continue;
                                }
                                Object o = rs.getObject(i);
                                t.append(o instanceof java.sql.Array a ? Arrays.deepToString((Object[]) a.getArray()) : String.valueOf(o))
                                        .append(" | ");
                            }
                            t.append('\n');
                        }
                    }
                    return t.toString();
                });
                out.append(q).append('\n').append(rows);
            }
            return out.toString();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "wide.csv", "long.csv", "wide.xlsx" })
    void theKeptSubjectsGiveTheSameStudyAsReadingTheFileAgain(String name) throws Exception {
        Path file = tmp.resolve(name);
        Layout layout = name.startsWith("long") ? Layout.LONG : Layout.WIDE;
        try (Study demo = TrialTestStudies.demo(tmp.resolve("demo"))) {
            new TrialExchange(new TrialStore(demo, InstrumentCatalog.installed())).exportFile(file,
                    new ExportOptions(name.endsWith(".xlsx") ? ExchangeFormat.XLSX : ExchangeFormat.CSV, layout, true), null);
        }
        ImportOptions options = ImportOptions.forFile(file).withLayout(layout);
        String kept = importAndDump("kept", file, options, Long.MAX_VALUE);
        String reread = importAndDump("reread", file, options, 0);
        assertTrue(kept.contains("trial_answer_set") && kept.lines().count() > 500, "the demo's subjects, answers and audit rows");
        assertEquals(reread, kept);
    }

    /**
     * Variables the study does not define, of every inferred type, an answer set with one item left out,
     * a refused value accepted, and a budget that runs out halfway through the file (everything kept so
     * far is let go and the file read again).
     */
    @Test
    void untypedVariablesPartialAnswerSetsAndAnExhaustedBudgetGiveTheSameStudy() throws Exception {
        Path file = tmp.resolve("mixed.csv");
        StringBuilder csv = new StringBuilder("subject_id,arm,code,when,n,x,vas.admission,odi.admission.walking,odi.admission.sitting\n");
        for (int i = 0; i < 200; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "M%03d,%s,%s,2024-01-%02d,%d,%s,%s,%d,%s%n", i, i % 2 == 0 ? "A" : "B",
                    i % 7 == 0 ? "012" : "c" + i, i % 28 + 1, i, i % 3 == 0 ? "1e2" : String.valueOf(i / 8.0),
                    i == 5 ? "11" : String.valueOf(i % 11 / 2.0), i % 6, i % 5 == 0 ? "" : String.valueOf(i % 6)));
        }
        Files.writeString(file, csv);
        ImportOptions options = ImportOptions.forFile(file).withAcceptRefusals(true);
        String kept = importAndDump("kept", file, options, Long.MAX_VALUE);
        String halfway = importAndDump("halfway", file, options, 20_000);
        String reread = importAndDump("reread", file, options, 0);
        assertTrue(kept.contains("import-refused"), "the VAS of 11 is refused and its refusal audited");
        assertTrue(kept.contains("[code, when, n, x]"), "untyped variables in file order: " + kept.lines().filter(l -> l.startsWith("M000")).toList());
        assertEquals(reread, kept);
        assertEquals(reread, halfway);
    }

    private static CheckedSubject subject(String id, Map<String, VariableValue> typed) {
        return new CheckedSubject(new Subject(id, null, SubjectStatus.ENROLLED, null, null, null, false), typed, List.of(), List.of());
    }

    /** Untyped texts come back in their place among the typed values, whatever their length or characters. */
    @Test
    void untypedTextsAreTypedInTheirPlace() throws Exception {
        KeptSubjects kept = new KeptSubjects(Long.MAX_VALUE);
        // 1,000 characters, the most a variable's text holds, not all of them Latin-1
        String longText = "x".repeat(997) + "\u00e9";
        kept.add(subject("S1", Map.of("age", VariableValue.of(41))), new RawSubject("S1", new Loc(7, "subject_id")),
                new ImportChecker.Untyped(List.of("code", "age", "when", "note"), List.of("012", "2024-02-29", longText + "\u6771\u4eac")));
        kept.add(subject("S2", Map.of()), new RawSubject(" S2", new Loc(8, "subject_id")),
                new ImportChecker.Untyped(List.of("code", "when"), List.of("y", "2024-03-01")));
        Map<String, VariableDefinition> definitions = new LinkedHashMap<>();
        definitions.put("code", VariableDefinition.of("code", "code", VariableType.TEXT, 0));
        definitions.put("when", VariableDefinition.of("when", "when", VariableType.DATE, 1));
        definitions.put("note", VariableDefinition.of("note", "note", VariableType.TEXT, 2));
        List<String> written = new ArrayList<>();
        kept.writeAll(definitions, "f.csv", (rec, line, recordId) -> written.add(line + " '" + recordId + "' " + rec.baseline()));
        assertEquals(List.of("7 'S1' {code=" + VariableValue.of("012") + ", age=" + VariableValue.of(41) + ", when="
                + VariableValue.of("2024-02-29") + ", note=" + VariableValue.of(longText + "\u6771\u4eac") + "}",
                "8 ' S2' {code=" + VariableValue.of("y") + ", when=" + VariableValue.of("2024-03-01") + "}"), written);
        assertEquals(0, kept.size(), "each subject is let go once written");
    }

    /** A text its inferred type refuses is an error naming the file, line and variable, never a value lost. */
    @Test
    void aTextItsTypeRefusesIsAProblemNamingFileLineAndVariable() {
        KeptSubjects kept = new KeptSubjects(Long.MAX_VALUE);
        kept.add(subject("S1", Map.of()), new RawSubject("S1", new Loc(12, "subject_id")),
                new ImportChecker.Untyped(List.of("n"), List.of("twelve")));
        ImportAbort a = assertThrows(ImportAbort.class, () -> kept.writeAll(
                Map.of("n", VariableDefinition.of("n", "n", VariableType.INTEGER, 0)), "f.csv", (rec, line, id) -> { }));
        ImportProblem p = a.problems().get(0);
        assertEquals("f.csv", p.file());
        assertEquals(12, p.record());
        assertEquals("n", p.field());
        assertTrue(p.rule().startsWith("not a number: 'twelve'"), p.rule());
    }

    /** Past the budget nothing is kept (the file is read again), and nothing more is taken. */
    @Test
    void pastTheBudgetEverythingKeptIsLetGo() {
        KeptSubjects kept = new KeptSubjects(2_000);
        int added = 0;
        while (kept.complete() && added < 1_000) {
            kept.add(subject("S" + added, Map.of()), new RawSubject("S" + added, new Loc(added + 2, "subject_id")),
                    new ImportChecker.Untyped(List.of("a", "b"), List.of("1", "2")));
            added++;
        }
        assertFalse(kept.complete());
        assertTrue(added > 3 && added < 1_000, "some subjects fitted: " + added);
        assertEquals(0, kept.size());
        kept.add(subject("late", Map.of()), new RawSubject("late", new Loc(2_000, "subject_id")), null);
        assertEquals(0, kept.size());
        assertFalse(new KeptSubjects(0).complete(), "a budget of 0 keeps nothing");
    }

    /** A VAS that takes 0 to 100: answers it accepts the installed VAS (0 to 10) refuses. */
    private static final class WideVas implements Instrument {
        @Override
        public String id() {
            return "vas";
        }

        @Override
        public String name() {
            return "VAS 0-100";
        }

        @Override
        public List<Item> items() {
            return List.of(Item.scale("vas", "VAS", 0, 100, 1, true));
        }

        @Override
        public Score score(Map<String, Double> answers) {
            throw new NotScorableException("vas", List.of(), "not scored in this test");
        }
    }

    /**
     * The editor writes an answer set checked against its own catalog's instrument without checking it
     * again, and checks again one checked against another instrument of the same id.
     */
    @Test
    void anAnswerSetCheckedAgainstAnotherInstrumentIsCheckedAgain() throws Exception {
        try (Study study = TrialTestStudies.create(tmp.resolve("study"))) {
            InstrumentCatalog catalog = InstrumentCatalog.installed();
            TrialStore store = new TrialStore(study, catalog);
            store.edit("test", e -> e.addVisit("admission", "Admission", 0));
            AnswerChecker checker = new AnswerChecker();
            Instrument vas = catalog.find("vas").orElseThrow();
            CheckedAnswers ours = checker.check("admission", vas, Map.of("vas", 7.3));
            assertEquals(List.of("vas"), List.of(ours.itemId(0)));
            store.edit("test", e -> {
                e.importSubject(new CheckedSubject(new Subject("T1", null, SubjectStatus.ENROLLED, null, null, null, false),
                        Map.of(), List.of(ours), List.of()), "test line 2");
                return null;
            });
            assertEquals(Map.of("admission", Map.of("vas", Map.of("vas", 7.3))), store.subjectRecord("T1").orElseThrow().answers());

            CheckedAnswers theirs = checker.check("admission", new WideVas(), Map.of("vas", 55.0));
            TrialDataException x = assertThrows(TrialDataException.class, () -> store.edit("test", e -> {
                e.importSubject(new CheckedSubject(new Subject("T2", null, SubjectStatus.ENROLLED, null, null, null, false),
                        Map.of(), List.of(theirs), List.of()), "test line 3");
                return null;
            }));
            assertTrue(x.getMessage().startsWith("subject T2 (test line 3): visit admission vas: "), x.getMessage());
            assertTrue(store.subjectRecord("T2").isEmpty(), "nothing written");
        }
    }
}
