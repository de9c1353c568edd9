package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.store.AuditLog;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;

/** A rejected file lists every problem with row and column and leaves the study exactly as it was. */
class RejectedImportTest {
    @TempDir
    Path tmp;
    Study study;
    TrialExchange exchange;
    Map<String, Object> infoBefore;
    long auditBefore;

    @BeforeEach
    void setUp() throws Exception {
        study = TrialTestStudies.demo(tmp.resolve("demo"));
        exchange = new TrialExchange(new TrialStore(study, InstrumentCatalog.installed()));
        infoBefore = study.info().toMap();
        auditBefore = study.read(c -> new AuditLog(c).size());
    }

    @AfterEach
    void tearDown() throws Exception {
        assertEquals(infoBefore, study.info().toMap(), "the study is unchanged");
        assertEquals(auditBefore, (long) study.read(c -> new AuditLog(c).size()), "no audit row was added");
        study.close();
    }

    private static String where(ImportProblem p) {
        return p.record() + ":" + p.field();
    }

    private List<ImportProblem> reject(Path file, ImportOptions options) {
        ImportException e = assertThrows(ImportException.class, () -> exchange.importFile(file, options, null));
        assertFalse(e.problems().isEmpty());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        return e.problems();
    }

    @Test
    void wideCsvListsEveryProblemWithRowAndColumn() throws Exception {
        Path file = tmp.resolve("bad.csv");
        Files.writeString(file, String.join("\n",
                "subject_id,arm,age,sex,vas.admission,odi.admission.pain_intensity,odi.admission.flying,eq5d.admission.q1,vas.week2,odi.admission",
                "NEW-001,X,50,M,5,2,,,,",
                "NEW-002,S,50,M,11,2,,,,",
                "NEW-003,S,abc,M,5,two,,,,",
                "NEW-001,P,50,F,5,2,,,,",
                "SIM-001,S,50,M,5,2,,,,",
                "NEW-004,S,90,Q,5.05,2,,,,",
                "NEW-005,P,40,F,5,2,,,,",
                ""));
        List<ImportProblem> problems = reject(file, ImportOptions.forFile(file));
        Map<String, String> byWhere = problems.stream().collect(Collectors.toMap(RejectedImportTest::where, ImportProblem::rule,
                (a, b) -> a + " | " + b));
        assertTrue(byWhere.get("1:odi.admission.flying").contains("unknown item 'flying'"), byWhere.toString());
        assertTrue(byWhere.get("1:eq5d.admission.q1").contains("unknown instrument 'eq5d'"), byWhere.toString());
        assertTrue(byWhere.get("1:vas.week2").contains("unknown visit 'week2'"), byWhere.toString());
        assertTrue(byWhere.get("1:odi.admission").contains("odi has 10 items"), byWhere.toString());
        assertTrue(byWhere.get("2:arm").contains("unknown arm 'X'"), byWhere.toString());
        assertTrue(byWhere.get("3:vas.admission").contains("out of range"), byWhere.toString());
        assertTrue(byWhere.get("4:age").contains("not a number"), byWhere.toString());
        assertTrue(byWhere.get("4:odi.admission.pain_intensity").contains("not a number"), byWhere.toString());
        assertTrue(byWhere.get("5:subject_id").contains("duplicate subject NEW-001 (first at line 2)"), byWhere.toString());
        assertTrue(byWhere.get("6:subject_id").contains("already exists"), byWhere.toString());
        assertTrue(byWhere.get("7:age").contains("out of range"), byWhere.toString());
        assertTrue(byWhere.get("7:sex").contains("not one of the codes"), byWhere.toString());
        assertTrue(byWhere.get("7:vas.admission").contains("step"), byWhere.toString());
        assertEquals(13, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.file().equals("bad.csv")));
    }

    @Test
    void longLayoutNamesRowAndColumnOfEachProblem() throws Exception {
        Path file = tmp.resolve("bad-long.csv");
        Files.writeString(file, String.join("\n",
                "subject_id,visit,instrument,item,value",
                "NEW-001,,,arm,S",
                "NEW-001,admission,vas,,7",
                "NEW-001,admission,nope,x,1",
                "NEW-001,,odi,lifting,1",
                "NEW-001,admission,odi,lifting,x",
                "NEW-001,admission,vas,,8",
                "NEW-001,month9,vas,,1",
                "NEW-001,,,status,sleeping",
                ""));
        List<ImportProblem> problems = reject(file, ImportOptions.forFile(file).withLayout(Layout.LONG));
        List<String> where = problems.stream().map(RejectedImportTest::where).toList();
        // a value given twice for one answer is a conflict: both values are refused, naming each other
        assertEquals(List.of("5:visit", "9:value", "4:instrument", "6:value", "8:visit", "3:value", "7:value"), where,
                problems.toString());
        assertTrue(problems.get(6).rule().contains("'7'") && problems.get(6).rule().contains("'8'"), problems.toString());
    }

    @Test
    void xlsxProblemsUseSheetRows() throws Exception {
        Path csv = tmp.resolve("x.csv");
        Path xlsx = tmp.resolve("x.xlsx");
        try (var w = new org.painlab.trial.internal.exchange.XlsxWriter(xlsx, "data")) {
            w.row(List.of("subject_id", "arm", "vas.admission"));
            w.row(List.of("NEW-1", "S", 7.0));
            w.row(List.of("NEW-2", "S", 12.0));
        }
        assertFalse(Files.exists(csv));
        List<ImportProblem> problems = reject(xlsx, ImportOptions.forFile(xlsx));
        assertEquals(List.of("3:vas.admission"), problems.stream().map(RejectedImportTest::where).toList());
    }

    @Test
    void malformedFilesAreRejectedWithTheirLine() throws Exception {
        Path xml = tmp.resolve("broken.xml");
        Files.writeString(xml, "<?xml version=\"1.0\"?>\n<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\">\n<Study OID=\"x\">\n</ODM>\n");
        List<ImportProblem> p = reject(xml, ImportOptions.forFile(xml));
        assertEquals(4, p.get(0).record(), p.toString());
        assertTrue(p.get(0).rule().contains("not well-formed"), p.toString());

        Path notXlsx = tmp.resolve("plain.xlsx");
        Files.writeString(notXlsx, "subject_id\nA\n");
        assertTrue(reject(notXlsx, ImportOptions.forFile(notXlsx)).get(0).rule().contains("not an .xlsx workbook"));

        Path quote = tmp.resolve("quote.csv");
        Files.writeString(quote, "subject_id,arm\nA,\"S\nB,P\n");
        assertFalse(reject(quote, ImportOptions.forFile(quote)).isEmpty());

        Path dtd = tmp.resolve("dtd.xml");
        Files.writeString(dtd, "<?xml version=\"1.0\"?>\n<!DOCTYPE ODM [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<ODM>&x;</ODM>\n");
        assertFalse(reject(dtd, ImportOptions.forFile(dtd)).isEmpty());
    }

    @Test
    void redcapWithoutDictionaryIsRejected() throws Exception {
        Path file = tmp.resolve("export.csv");
        Files.writeString(file, "record_id,redcap_event_name\n1,admission_arm_1\n");
        List<ImportProblem> p = reject(file, ImportOptions.forFile(file).withFormat(ExchangeFormat.REDCAP));
        assertTrue(p.get(0).rule().contains("export_DataDictionary.csv"), p.toString());
    }

    @Test
    void lockedDatasetRefusesImports() throws Exception {
        new TrialStore(study, InstrumentCatalog.installed()).lockDataset("alice", "final");
        infoBefore = study.info().toMap();
        auditBefore = study.read(c -> new AuditLog(c).size());
        Path file = tmp.resolve("ok.csv");
        Files.writeString(file, "subject_id,arm\nNEW-1,S\n");
        assertTrue(reject(file, ImportOptions.forFile(file)).get(0).rule().contains("locked"));
    }
}
