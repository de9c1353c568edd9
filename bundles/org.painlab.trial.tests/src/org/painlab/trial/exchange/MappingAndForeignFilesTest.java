package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.SubjectRecord;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;
import org.painlab.trial.store.VariableValue;

/** Column mappings with a preview, and files written by other tools (Excel, REDCap). */
class MappingAndForeignFilesTest {
    @TempDir
    Path tmp;
    Study study;
    TrialStore store;
    TrialExchange exchange;

    @BeforeEach
    void setUp() throws Exception {
        study = TrialTestStudies.demo(tmp.resolve("demo"));
        store = new TrialStore(study, InstrumentCatalog.installed());
        exchange = new TrialExchange(store);
    }

    @AfterEach
    void tearDown() {
        study.close();
    }

    @Test
    void mappingRenamesColumnsAndRecodesValuesBeforeValidation() throws Exception {
        Path file = tmp.resolve("lab.csv");
        Files.writeString(file, "Patient ID;Group;Age (years);VAS0;Notes\nP-1;SNRB;50;7,5;first\nP-1;PELD;60;6;\nP-2;PELD;60;6;\n");
        ImportOptions plain = ImportOptions.forFile(file);
        ImportPreview before = exchange.preview(file, plain, 10);
        assertTrue(before.problems().stream().anyMatch(p -> p.field().equals("Patient ID") && p.rule().contains("not a valid column name")),
                before.problems().toString());
        assertTrue(before.problems().stream().anyMatch(p -> p.rule().contains("no subject_id column")));

        Path mappingFile = tmp.resolve("mapping.json");
        Files.writeString(mappingFile, """
                {"columns": {"Patient ID": "subject_id", "Group": "arm", "Age (years)": "age", "VAS0": "vas.admission"},
                 "values": {"arm": {"SNRB": "S", "PELD": "P"}, "vas.admission": {"7,5": "7.5"}},
                 "ignore": ["Notes"]}
                """);
        ImportOptions mapped = plain.withMapping(ColumnMapping.load(mappingFile));
        ImportPreview preview = exchange.preview(file, mapped, 2);
        assertEquals(List.of("subject_id", "arm", "age", "vas.admission"), preview.columns());
        assertEquals(2, preview.rows().size());
        assertFalse(preview.complete());
        assertEquals(Map.of("subject_id", "P-1", "arm", "S", "age", "50", "vas.admission", "7.5"), preview.rows().get(0).values());
        assertEquals(2, preview.rows().get(0).record());
        assertEquals(1, preview.problems().size(), preview.problems().toString());
        assertEquals("Patient ID", preview.problems().get(0).field(), "problems name the column as the file does");
        assertEquals(3, preview.problems().get(0).record());

        Files.writeString(file, "Patient ID;Group;Age (years);VAS0;Notes\nP-1;SNRB;50;7,5;first\nP-2;PELD;60;6;\n");
        assertTrue(exchange.preview(file, mapped, 10).problems().isEmpty());
        assertTrue(exchange.preview(file, mapped, 10).complete());
        exchange.importFile(file, mapped, null);
        SubjectRecord p1 = store.subjectRecord("P-1").orElseThrow();
        assertEquals("S", p1.subject().armCode());
        assertEquals(VariableValue.of(50), p1.baseline().get("age"));
        assertEquals(7.5, p1.answers().get("admission").get("vas").get("vas"));
        assertEquals("P", store.subject("P-2").orElseThrow().armCode());
    }

    @Test
    void badMappingFilesListTheirProblems() throws Exception {
        Path mappingFile = tmp.resolve("m.json");
        Files.writeString(mappingFile, "{\"columns\": {\"a\": 1}, \"colums\": {}, \"values\": {\"arm\": [1]}}");
        ImportException e = assertThrows(ImportException.class, () -> ColumnMapping.load(mappingFile));
        assertEquals(3, e.problems().size(), e.problems().toString());
        Files.writeString(mappingFile, "{\n\"columns\": {\n\"a\" \"b\"}}");
        ImportException syntax = assertThrows(ImportException.class, () -> ColumnMapping.load(mappingFile));
        assertEquals(3, syntax.problems().get(0).record());
        ColumnMapping m = ColumnMapping.of(Map.of("A", "subject_id"), Map.of("odi.lifting", Map.of("x", "1")), java.util.Set.of("B"));
        assertEquals("1", m.recode("odi.admission.lifting", "x"));
        assertEquals(m.columns(), ColumnMapping.parse(m.toJson(), "m.json").columns());
    }

    @Test
    void workbookWrittenByExcelIsRead() throws Exception {
        Path xlsx = tmp.resolve("excel.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(xlsx))) {
            put(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            put(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId7\" Type=\"x\" Target=\"worksheets/data.xml\"/></Relationships>");
            put(zip, "xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<si><t>subject_id</t></si><si><t>arm</t></si><si><t>enrolled_on</t></si><si><t>vas.admission</t></si>"
                    + "<si><r><t>XL-</t></r><r><t>1</t></r><rPh><t>ignored</t></rPh></si><si><t>S</t></si><si><t>simulated</t></si></sst>");
            put(zip, "xl/styles.xml", "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
                    + "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>");
            put(zip, "xl/worksheets/data.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"B3\" t=\"s\"><v>1</v></c><c r=\"C3\" t=\"s\"><v>2</v></c>"
                    + "<c r=\"D3\" t=\"s\"><v>3</v></c><c r=\"E3\" t=\"s\"><v>6</v></c></row>"
                    + "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>4</v></c><c r=\"B4\" t=\"s\"><v>5</v></c><c r=\"C4\" s=\"1\"><v>45000</v></c>"
                    + "<c r=\"D4\"><v>7.2000000000000002</v></c><c r=\"E4\" t=\"b\"><v>1</v></c></row>"
                    + "</sheetData></worksheet>");
        }
        exchange.importFile(xlsx, ImportOptions.forFile(xlsx), null);
        SubjectRecord r = store.subjectRecord("XL-1").orElseThrow();
        assertEquals(LocalDate.of(2023, 3, 15), r.subject().enrolledOn());
        assertEquals(7.2, r.answers().get("admission").get("vas").get("vas"));
        assertTrue(r.subject().simulated());
        assertEquals("import of excel.xlsx line 4 (record XL-1)", study.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT reason FROM audit_log WHERE action = 'import' AND entity_id = 'XL-1'")) {
                rs.next();
                return rs.getString(1);
            }
        }));
    }

    private static void put(ZipOutputStream zip, String name, String content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Test
    void redcapProjectWithItsOwnNamesIsMapped() throws Exception {
        Path data = tmp.resolve("PainStudy_DATA.csv");
        Path dict = tmp.resolve("PainStudy_DataDictionary_2024-05-01.csv");
        Files.writeString(dict, String.join("\n",
                "\"Variable / Field Name\",\"Form Name\",\"Section Header\",\"Field Type\",\"Field Label\","
                        + "\"Choices, Calculations, OR Slider Labels\",\"Field Note\",\"Text Validation Type OR Show Slider Number\","
                        + "\"Text Validation Min\",\"Text Validation Max\",\"Identifier?\"",
                "record_id,demographics,,text,Record ID,,,,,,",
                "group,demographics,,radio,Group,\"S, SNRB | P, PELD\",,,,,",
                "age,demographics,,text,Age,,,integer,18,80,",
                "smoker,demographics,,yesno,Smoker,,,,,,",
                "intro,demographics,,descriptive,Please fill in,,,,,,",
                "vas_vas,vas,,text,VAS,,,number,0,10,",
                "odi_pain_intensity,odi,,radio,Pain,\"0, none | 1, a | 2, b | 3, c | 4, d | 5, e\",,,,,",
                "odi_score,odi,,calc,ODI %,\"sum([odi_pain_intensity])\",,,,,",
                ""));
        Files.writeString(data, String.join("\n",
                "record_id,redcap_event_name,group,age,smoker,vas_vas,odi_pain_intensity,odi_score,demographics_complete,vas_complete,odi_complete",
                "R1,baseline_arm_1,S,45,1,7.5,3,60,2,2,2",
                "R1,followup_arm_1,,,,2.5,1,20,0,2,2",
                "R2,baseline_arm_1,P,52,0,6,4,80,2,2,2",
                ""));
        Path mapping = tmp.resolve("redcap-mapping.json");
        Files.writeString(mapping, "{\"columns\": {\"group\": \"arm\"}, "
                + "\"values\": {\"visit\": {\"baseline_arm_1\": \"admission\", \"followup_arm_1\": \"month3\"}}}");
        ImportOptions options = new ImportOptions(ExchangeFormat.REDCAP, Layout.WIDE, ColumnMapping.load(mapping), dict, "bob");
        // the calculated score of the odi form is refused (the workbench computes it): nothing is imported unless accepted
        int before = store.subjects().size();
        ImportException refusedScores = assertThrows(ImportException.class, () -> exchange.importFile(data, options, null));
        assertEquals(List.of("odi_score", "odi_score", "odi_score"), refusedScores.report().refused().stream()
                .map(org.painlab.core.importer.RefusedValue::field).toList());
        assertEquals(List.of("R1", "R1", "R2"), refusedScores.report().refused().stream()
                .map(org.painlab.core.importer.RefusedValue::record).toList());
        assertEquals(before, store.subjects().size(), "nothing was imported");
        var summary = exchange.importFile(data, options.withAcceptRefusals(true), null);
        // 18 non-empty cells outside the id column and the form-status columns (event names included)
        assertEquals(18, summary.report().valuesRead());
        assertEquals(15, summary.report().valuesImported());
        assertEquals(2L, summary.added().get("subjects"));
        assertEquals(1L, summary.added().get("variable_definitions"), "smoker is new");
        SubjectRecord r1 = store.subjectRecord("R1").orElseThrow();
        assertEquals("S", r1.subject().armCode());
        assertEquals(VariableValue.of(45), r1.baseline().get("age"));
        assertEquals(VariableValue.of(1), r1.baseline().get("smoker"));
        assertEquals(Map.of("vas", Map.of("vas", 7.5), "odi", Map.of("pain_intensity", 3.0)), r1.answers().get("admission"));
        assertEquals(Map.of("vas", Map.of("vas", 2.5), "odi", Map.of("pain_intensity", 1.0)), r1.answers().get("month3"));
        assertEquals(Map.of("0", "no", "1", "yes"), store.variableDefinitions().stream()
                .filter(d -> d.name().equals("smoker")).findFirst().orElseThrow().choices());

        // without the visit recodes the events are unknown visits of this study
        Files.writeString(data, Files.readString(data).replace("R1", "R3").replace("R2", "R4"));
        ImportException e = assertThrows(ImportException.class, () -> exchange.importFile(data,
                options.withMapping(ColumnMapping.of(Map.of("group", "arm"), Map.of(), java.util.Set.of())), null));
        List<ImportProblem> visits = e.problems().stream().filter(p -> !p.field().equals("odi_score")).toList();
        assertTrue(visits.stream().allMatch(p -> p.rule().contains("unknown visit 'baseline'")
                || p.rule().contains("unknown visit 'followup'")), e.problems().toString());
        assertEquals("redcap_event_name", visits.get(0).field());
    }
}
