package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.importer.ImportSummary;
import org.painlab.trial.store.Arm;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.SubjectRecord;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;
import org.painlab.trial.store.VariableDefinition;
import org.painlab.trial.store.VisitDefinition;

/** Export the demo, import it into a fresh study, get the same data back. */
class ExchangeRoundTripTest {
    @TempDir
    static Path tmp;
    static Study demo;
    static TrialStore demoStore;
    static Map<String, SubjectRecord> expected;

    @BeforeAll
    static void demo() throws Exception {
        demo = TrialTestStudies.demo(tmp.resolve("demo"));
        demoStore = new TrialStore(demo, InstrumentCatalog.installed());
        expected = records(demoStore);
        assertEquals(77, expected.size());
    }

    @AfterAll
    static void close() {
        demo.close();
    }

    static Map<String, SubjectRecord> records(TrialStore store) throws Exception {
        Map<String, SubjectRecord> out = new HashMap<>();
        store.forEachSubjectRecord(r -> out.put(r.subject().id(), r));
        return out;
    }

    private TrialStore roundTrip(String name, ExportOptions export, ImportOptions importOptions) throws Exception {
        Path file = tmp.resolve(name);
        ExportSummary written = new TrialExchange(demoStore).exportFile(file, export, null);
        assertEquals(77, written.subjects());
        assertTrue(Files.size(file) > 0);
        Study fresh = TrialTestStudies.create(tmp.resolve("fresh-" + name));
        TrialStore store = new TrialStore(fresh, InstrumentCatalog.installed());
        ImportSummary s = new TrialExchange(store).importFile(file, importOptions, null);
        assertEquals(77L, s.added().get("subjects"));
        assertEquals(List.of(), s.report().refused(), "a round trip refuses nothing");
        assertTrue(s.report().valuesRead() > 77 && s.report().balanced(), s.report().toString());
        Map<String, SubjectRecord> actual = records(store);
        assertEquals(expected.keySet(), actual.keySet());
        for (String id : expected.keySet()) {
            assertEquals(expected.get(id), actual.get(id), id);
        }
        assertEquals(List.of("admission", "pre_surgery", "day3", "month3"),
                store.visitDefinitions().stream().map(VisitDefinition::id).toList());
        assertEquals(demo.info().count("visits"), fresh.info().count("visits"));
        return store;
    }

    @Test
    void csvWide() throws Exception {
        Path file = tmp.resolve("wide.csv");
        TrialStore s = roundTrip("wide.csv", new ExportOptions(ExchangeFormat.CSV, Layout.WIDE), ImportOptions.forFile(file));
        String header = Files.readAllLines(file).get(0);
        assertTrue(header.startsWith("subject_id,arm,status,allocation_seq,stratum,enrolled_on,simulated,sex,age,"), header);
        assertTrue(header.contains(",vas.admission,odi.admission.pain_intensity,"), header);
        assertEquals(14, s.variableDefinitions().size());
        s.study().close();
    }

    @Test
    void csvLong() throws Exception {
        Path file = tmp.resolve("long.csv");
        roundTrip("long.csv", new ExportOptions(ExchangeFormat.CSV, Layout.LONG),
                ImportOptions.forFile(file).withLayout(Layout.LONG)).study().close();
        assertEquals("subject_id,visit,instrument,item,value", Files.readAllLines(file).get(0));
    }

    @Test
    void xlsxWide() throws Exception {
        Path file = tmp.resolve("wide.xlsx");
        roundTrip("wide.xlsx", new ExportOptions(ExchangeFormat.XLSX, Layout.WIDE), ImportOptions.forFile(file)).study().close();
    }

    @Test
    void xlsxLong() throws Exception {
        Path file = tmp.resolve("long.xlsx");
        roundTrip("long.xlsx", new ExportOptions(ExchangeFormat.XLSX, Layout.LONG),
                ImportOptions.forFile(file).withLayout(Layout.LONG)).study().close();
    }

    @Test
    void redcapCarriesDesignThroughTheDictionary() throws Exception {
        Path file = tmp.resolve("redcap.csv");
        TrialStore s = roundTrip("redcap.csv", new ExportOptions(ExchangeFormat.REDCAP, Layout.WIDE),
                ImportOptions.forFile(file).withFormat(ExchangeFormat.REDCAP));
        Path dict = tmp.resolve("redcap_DataDictionary.csv");
        assertTrue(Files.readAllLines(dict).get(0).startsWith("Variable / Field Name,Form Name,Section Header,Field Type,Field Label"));
        assertTrue(Files.readString(dict).contains("SIMULATED"));
        assertTrue(Files.readAllLines(file).get(1).contains("admission_arm_1"));
        assertEquals(List.of("S", "P"), s.arms().stream().map(Arm::code).toList());
        assertEquals("SNRB + PELD", s.arms().get(0).name());
        // REDCap radio fields carry codes, not a range: the range is compared where there are no codes
        assertEquals(demoStore.variableDefinitions().stream().map(ExchangeRoundTripTest::redcapView).toList(),
                s.variableDefinitions().stream().map(ExchangeRoundTripTest::redcapView).toList());
        s.study().close();
    }

    private static String redcapView(VariableDefinition d) {
        return d.name() + ":" + d.type() + ":" + d.choices() + ":" + d.unit() + ":" + d.label()
                + (d.choices().isEmpty() ? ":" + d.min() + ":" + d.max() : "");
    }

    @Test
    void odmCarriesDesignThroughTheMetadata() throws Exception {
        Path file = tmp.resolve("trial.xml");
        TrialStore s = roundTrip("trial.xml", new ExportOptions(ExchangeFormat.ODM, Layout.WIDE), ImportOptions.forFile(file));
        String xml = Files.readString(file);
        assertTrue(xml.contains("ODMVersion=\"1.3.2\"") && xml.contains("<MetaDataVersion") && xml.contains("<ClinicalData")
                && xml.contains("<RangeCheck Comparator=\"LE\"") && xml.contains("SIMULATED"), xml.substring(0, 2000));
        assertEquals(List.of("S", "P"), s.arms().stream().map(Arm::code).toList());
        assertEquals("PELD only", s.arms().get(1).name());
        assertEquals(List.of("On admission", "Before surgery", "3 days after surgery", "3 months after surgery"),
                s.visitDefinitions().stream().map(VisitDefinition::label).toList());
        List<VariableDefinition> a = demoStore.variableDefinitions();
        List<VariableDefinition> b = s.variableDefinitions();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).name(), b.get(i).name());
            assertEquals(a.get(i).type(), b.get(i).type(), a.get(i).name());
            assertEquals(a.get(i).choices(), b.get(i).choices(), a.get(i).name());
            assertEquals(a.get(i).unit(), b.get(i).unit(), a.get(i).name());
            assertEquals(a.get(i).min(), b.get(i).min(), a.get(i).name());
            assertEquals(a.get(i).label(), b.get(i).label(), a.get(i).name());
        }
        s.study().close();
    }

    @Test
    void importedSubjectsAreAuditedOneRowEachWithFileAndRow() throws Exception {
        Path file = tmp.resolve("audit.csv");
        new TrialExchange(demoStore).exportFile(file, new ExportOptions(ExchangeFormat.CSV, Layout.WIDE), null);
        try (Study fresh = TrialTestStudies.create(tmp.resolve("fresh-audit"))) {
            new TrialExchange(new TrialStore(fresh, InstrumentCatalog.installed())).importFile(file,
                    ImportOptions.forFile(file).withActor("importer-test"), null);
            var rows = fresh.read(c -> new org.painlab.core.store.AuditLog(c).entries(0, 100_000));
            var imports = rows.stream().filter(r -> r.action().equals("import")).toList();
            assertEquals(77, imports.size());
            assertTrue(imports.stream().allMatch(r -> r.actor().equals("importer-test") && r.reason().startsWith("import of audit.csv line ")));
            assertEquals("import of audit.csv line 2 (record " + imports.get(0).entityId() + ")", imports.get(0).reason());
        }
    }
}
