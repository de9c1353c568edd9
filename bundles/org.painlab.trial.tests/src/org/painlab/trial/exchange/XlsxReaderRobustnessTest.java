package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportProblem;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;

/**
 * Broken workbooks that used to escape as runtime exceptions (the fuzz corpus of
 * releng/org.painlab.fuzz keeps each of them): every one is now a problem naming the file, or a value.
 */
class XlsxReaderRobustnessTest {
    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    @TempDir
    Path tmp;
    Study study;
    TrialExchange exchange;

    @BeforeEach
    void setUp() throws Exception {
        study = TrialTestStudies.create(tmp.resolve("study"));
        exchange = new TrialExchange(new TrialStore(study, InstrumentCatalog.installed()));
    }

    @AfterEach
    void tearDown() {
        study.close();
    }

    private Path workbook(String name, String rels, String sheet, String styles) throws Exception {
        Path f = tmp.resolve(name);
        try (OutputStream o = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(o)) {
            put(z, "xl/workbook.xml", "<workbook xmlns=\"" + NS + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"d\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(z, "xl/_rels/workbook.xml.rels", rels);
            put(z, "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + NS + "\"><sheetData>" + sheet + "</sheetData></worksheet>");
            if (styles != null) {
                put(z, "xl/styles.xml", styles);
            }
        }
        return f;
    }

    private static void put(ZipOutputStream z, String name, String text) throws Exception {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    private static final String RELS = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
    private static final String HEADER = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>subject_id</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>enrolled_on</t></is></c></row>";

    private String problems(Path f) {
        ImportException e = assertThrows(ImportException.class, () -> exchange.importFile(f, ImportOptions.forFile(f), null));
        return e.problems().stream().map(ImportProblem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void aCellReferenceWithoutLettersIsAProblemNotAnIndexError() throws Exception {
        Path f = workbook("digits.xlsx", RELS, HEADER + "<row r=\"2\"><c r=\"12\" t=\"inlineStr\"><is><t>X</t></is></c></row>", null);
        String p = problems(f);
        assertTrue(p.contains("digits.xlsx:2:") && p.contains("cell reference '12' names no column"), p);
    }

    @Test
    void aCellReferenceWithManyLettersStopsAtTheColumnLimit() throws Exception {
        Path f = workbook("letters.xlsx", RELS, HEADER + "<row r=\"2\"><c r=\"ZZZZZZZZZZ2\"><v>1</v></c></row>", null);
        String p = problems(f);
        assertTrue(p.contains("letters.xlsx:2:") && p.contains("beyond 16384 columns") && p.contains("--max-columns"), p);
    }

    @Test
    void aDateFormattedNumberBeyondTheLastSpreadsheetDayStaysANumber() throws Exception {
        String styles = "<styleSheet xmlns=\"" + NS + "\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
        Path f = workbook("far.xlsx", RELS, HEADER + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>F-1</t></is></c>"
                + "<c r=\"B2\" s=\"1\"><v>1e308</v></c></row>", styles);
        // the value is not a date: the subject field enrolled_on refuses it, by record and field
        String p = problems(f);
        assertTrue(p.contains("far.xlsx:2: field 'enrolled_on'"), p);
    }

    @Test
    void aRelationshipWithoutTargetReadsTheDefaultSheet() throws Exception {
        String rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\"/></Relationships>";
        Path f = workbook("notarget.xlsx", rels, HEADER + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>N-1</t></is></c></row>", null);
        assertEquals(1L, exchange.importFile(f, ImportOptions.forFile(f), null).added().get("subjects"));
    }

    @Test
    void aZipWithABrokenDirectoryIsNotAWorkbook() throws Exception {
        Path f = workbook("cut.xlsx", RELS, HEADER, null);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 30));
        String p = problems(f);
        assertTrue(p.contains("cut.xlsx:0:") && p.contains("not an .xlsx workbook"), p);
    }
}
