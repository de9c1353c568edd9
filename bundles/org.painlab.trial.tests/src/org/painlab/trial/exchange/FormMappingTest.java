package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.importer.ImportReport;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.Observation;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;

/**
 * The {@code forms} object of a mapping file routes whole forms of the reference REDCap and ODM
 * exports: to the baseline, to one visit, kept as their own form or ignored; the counts balance and
 * the values land where the routing says.
 */
class FormMappingTest {
    @TempDir
    Path tmp;

    private static Path nsclc() {
        return RedcapReferenceTest.folder().getParent().resolve("odm").resolve("openclinica_nsclc_extract.xml");
    }

    private record Imported(Study study, TrialStore store, ImportReport report) {
    }

    private Imported importInto(String dir, Path file, ImportOptions options) throws Exception {
        Study study = TrialTestStudies.create(tmp.resolve(dir));
        TrialStore store = new TrialStore(study, InstrumentCatalog.installed());
        return new Imported(study, store, new TrialExchange(store).importFile(file, options, null).report());
    }

    /** Observations of one form: visit to their number. */
    private static Map<String, Long> visitsOf(TrialStore store, String form) throws Exception {
        return store.observations().values().stream().flatMap(List::stream).filter(o -> o.form().equals(form))
                .collect(Collectors.groupingBy(Observation::visit, TreeMap::new, Collectors.counting()));
    }

    @Test
    void odmFormsGoToTheBaselineAVisitTheirOwnFormOrAreIgnored() throws Exception {
        Path odm = nsclc();
        Imported plain = importInto("plain", odm, ImportOptions.forFile(odm).withAcceptRefusals(true));
        long readBefore = plain.report.valuesRead();
        assertEquals(1L, plain.store.subjectRecord("CAM101").orElseThrow().baseline().containsKey("VERI_DATE") ? 1L : 0L,
                "without forms the verification form is baseline");
        plain.study.close();

        ColumnMapping mapping = ColumnMapping.parse("""
                {"forms": {"F_VERIFICATION_V20": "ignore",
                           "Eligibility - v1.0": "baseline",
                           "F_AGENTADMINIS_V10": "visit:treatment",
                           "F_CONCOMITANTM_V10": "form"}}
                """, "nsclc-forms.json");
        Imported i = importInto("routed", odm, ImportOptions.forFile(odm).withMapping(mapping).withAcceptRefusals(true));
        try {
            ImportReport r = i.report;
            // 36 ItemData of the verification form (counted by a Python script over the file) are left out, not read
            assertEquals(readBefore - 36, r.valuesRead());
            assertTrue(r.balanced(), "read = imported + refused");
            assertEquals(r.valuesRead(), r.valuesImported() + r.refused().size());
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("form F_VERIFICATION_V20 ignored by the mapping (forms) (36 values")),
                    r.notes().toString());
            var baseline = i.store.subjectRecord("CAM101").orElseThrow().baseline();
            assertNull(baseline.get("VERI_DATE"), "an ignored form imports nothing");
            assertTrue(baseline.containsKey("OVER_18"), "the eligibility form (named by its Name) is baseline");
            // Agent administration: 69 values at Initial Treatment, 6 at Follow-up (a repeating event: instances)
            assertEquals(Map.of("treatment", 75L), visitsOf(i.store, "F_AGENTADMINIS_V10"));
            // Concomitant medications: 17 values at one event, kept as observations of their own form at that event
            assertEquals(Map.of("SE_INITIALTREATMENT", 17L), visitsOf(i.store, "F_CONCOMITANTM_V10"));
            assertTrue(baseline.keySet().stream().noneMatch(k -> k.startsWith("CMED") || k.startsWith("CONMED")),
                    "concomitant medications are no baseline variables: " + baseline.keySet());
        } finally {
            i.study.close();
        }
    }

    @Test
    void redcapFormsAreKeptAsTheirOwnFormSentToAVisitOrIgnored() throws Exception {
        Path csv = RedcapReferenceTest.folder().resolve("redcap_longitudinal.csv");
        Imported plain = importInto("plain", csv, ImportOptions.forFile(csv).withAcceptRefusals(true));
        long readBefore = plain.report.valuesRead();
        assertTrue(plain.store.subjectRecord("100").orElseThrow().baseline().containsKey("prealb_b"), "today baseline_data is baseline");
        plain.study.close();

        ColumnMapping mapping = ColumnMapping.parse("""
                {"forms": {"baseline_data": "form", "completion_project_questionnaire": "ignore",
                           "completion_data": "visit:final"}}
                """, "longitudinal-forms.json");
        Imported i = importInto("routed", csv, ImportOptions.forFile(csv).withMapping(mapping).withAcceptRefusals(true));
        try {
            ImportReport r = i.report;
            // 32 values of completion_project_questionnaire (26 + 6, counted by a Python script) are left out
            assertEquals(readBefore - 32, r.valuesRead());
            assertEquals(r.valuesRead(), r.valuesImported() + r.refused().size());
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("form completion_project_questionnaire ignored by the mapping (forms) (32 values")),
                    r.notes().toString());
            var baseline = i.store.subjectRecord("100").orElseThrow().baseline();
            assertNull(baseline.get("prealb_b"), "baseline_data is kept as its own form");
            assertNull(baseline.get("cpq1"));
            // baseline_data: 16 + 8 values at the enrollment events of both arms (arm suffix taken off)
            assertEquals(Map.of("enrollment", 24L), visitsOf(i.store, "baseline_data"));
            assertEquals(Map.of("final", 24L), visitsOf(i.store, "completion_data"));
        } finally {
            i.study.close();
        }
    }

    @Test
    void badFormKeysAndTargetsNameTheMappingFileAndTheKey() throws Exception {
        ImportException bad = assertThrows(ImportException.class, () -> ColumnMapping.parse("""
                {"forms": {"F_A": "visit", "F_B": "somewhere", "F_C": 3, "F_D": "form:x"}}
                """, "bad-forms.json"));
        Map<String, String> byKey = bad.problems().stream().collect(Collectors.toMap(ImportProblem::field, ImportProblem::rule));
        assertEquals(4, byKey.size(), byKey.toString());
        assertTrue(bad.problems().stream().allMatch(p -> p.file().equals("bad-forms.json")), bad.problems().toString());
        assertTrue(byKey.get("forms.F_A").contains("visit id"), byKey.toString());
        assertTrue(byKey.get("forms.F_B").contains("no form routing"), byKey.toString());

        Path odm = nsclc();
        ColumnMapping unknown = ColumnMapping.parse("""
                {"forms": {"F_NO_SUCH_FORM": "baseline", "F_ELIGIBILITY_V10": "instrument:nosuch"}}
                """, "unknown-forms.json");
        Study study = TrialTestStudies.create(tmp.resolve("bad"));
        try {
            TrialExchange exchange = new TrialExchange(new TrialStore(study, InstrumentCatalog.installed()));
            ImportException e = assertThrows(ImportException.class,
                    () -> exchange.importFile(odm, ImportOptions.forFile(odm).withMapping(unknown).withAcceptRefusals(true), null));
            List<ImportProblem> ofMapping = e.problems().stream().filter(p -> p.file().equals("unknown-forms.json")).toList();
            assertEquals(List.of("forms.F_NO_SUCH_FORM", "forms.F_ELIGIBILITY_V10"), ofMapping.stream().map(ImportProblem::field).toList(),
                    e.problems().toString());
            assertTrue(ofMapping.get(0).rule().contains("not a form of openclinica_nsclc_extract.xml"), ofMapping.get(0).rule());
            assertTrue(ofMapping.get(1).rule().contains("no installed instrument 'nosuch'"), ofMapping.get(1).rule());
        } finally {
            study.close();
        }

        Path csv = RedcapReferenceTest.folder().resolve("redcap_longitudinal.csv");
        Study s2 = TrialTestStudies.create(tmp.resolve("bad-redcap"));
        try {
            TrialExchange exchange = new TrialExchange(new TrialStore(s2, InstrumentCatalog.installed()));
            ColumnMapping m = ColumnMapping.of(null, null, null, Map.of("labs", FormRoute.parse("form")));
            ImportException e = assertThrows(ImportException.class,
                    () -> exchange.importFile(csv, ImportOptions.forFile(csv).withMapping(m).withAcceptRefusals(true), null));
            assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("the column mapping") && p.field().equals("forms.labs")
                    && p.rule().contains("redcap_longitudinal_DataDictionary.csv")), e.problems().toString());
        } finally {
            s2.close();
        }
    }

    @Test
    void odmFormsBecomeAnInstrumentsAnswersAtTheirEventOrAtTheVisitTheMappingNames() throws Exception {
        Path odm = tmp.resolve("pain.xml");
        Files.writeString(odm, """
                <?xml version="1.0" encoding="UTF-8"?>
                <ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" FileType="Snapshot" FileOID="p" ODMVersion="1.3.2">
                <Study OID="S"><MetaDataVersion OID="v1" Name="v1">
                  <Protocol><StudyEventRef StudyEventOID="SE.V1" OrderNumber="1" Mandatory="No"/>
                    <StudyEventRef StudyEventOID="SE.V2" OrderNumber="2" Mandatory="No"/></Protocol>
                  <StudyEventDef OID="SE.V1" Name="Visit 1" Repeating="No" Type="Scheduled"><FormRef FormOID="F_PAIN" Mandatory="No"/></StudyEventDef>
                  <StudyEventDef OID="SE.V2" Name="Visit 2" Repeating="No" Type="Scheduled"><FormRef FormOID="F_PAIN" Mandatory="No"/></StudyEventDef>
                  <StudyEventDef OID="SE.UNSCHED" Name="Unscheduled" Repeating="No" Type="Unscheduled"><FormRef FormOID="F_LATE" Mandatory="No"/></StudyEventDef>
                  <FormDef OID="F_PAIN" Name="Pain score" Repeating="No"><ItemGroupRef ItemGroupOID="IG_PAIN" Mandatory="No"/></FormDef>
                  <FormDef OID="F_LATE" Name="vas" Repeating="No"><ItemGroupRef ItemGroupOID="IG_LATE" Mandatory="No"/></FormDef>
                  <ItemGroupDef OID="IG_PAIN" Name="p"><ItemRef ItemOID="I_PAIN" Mandatory="No"/></ItemGroupDef>
                  <ItemGroupDef OID="IG_LATE" Name="l"><ItemRef ItemOID="I_LATE" Mandatory="No"/></ItemGroupDef>
                  <ItemDef OID="I_PAIN" Name="vas" DataType="float"/>
                  <ItemDef OID="I_LATE" Name="vas" DataType="float"/>
                </MetaDataVersion></Study>
                <ClinicalData StudyOID="S" MetaDataVersionOID="v1">
                  <SubjectData SubjectKey="P1">
                    <StudyEventData StudyEventOID="SE.V1"><FormData FormOID="F_PAIN"><ItemGroupData ItemGroupOID="IG_PAIN">
                      <ItemData ItemOID="I_PAIN" Value="7.5"/></ItemGroupData></FormData></StudyEventData>
                    <StudyEventData StudyEventOID="SE.V2"><FormData FormOID="F_PAIN"><ItemGroupData ItemGroupOID="IG_PAIN">
                      <ItemData ItemOID="I_PAIN" Value="4"/></ItemGroupData></FormData></StudyEventData>
                    <StudyEventData StudyEventOID="SE.UNSCHED"><FormData FormOID="F_LATE"><ItemGroupData ItemGroupOID="IG_LATE">
                      <ItemData ItemOID="I_LATE" Value="2.5"/></ItemGroupData></FormData></StudyEventData>
                  </SubjectData>
                </ClinicalData></ODM>
                """);
        ColumnMapping mapping = ColumnMapping.parse("""
                {"forms": {"Pain score": "instrument:vas", "F_LATE": "visit:week6"}}
                """, "pain-forms.json");
        Imported i = importInto("pain", odm, ImportOptions.forFile(odm).withMapping(mapping));
        try {
            assertEquals(3, i.report.valuesRead());
            assertEquals(3, i.report.valuesImported());
            assertEquals(Map.of("vas", 7.5), i.store.answers("P1", "V1", "vas"), "the event gives the visit");
            assertEquals(Map.of("vas", 4.0), i.store.answers("P1", "V2", "vas"));
            assertEquals(Map.of("vas", 2.5), i.store.answers("P1", "week6", "vas"), "the mapping gives the visit");
            assertEquals(List.of(), i.store.subjectRecord("P1").orElseThrow().baseline().keySet().stream().toList(),
                    "nothing of the routed forms is a baseline variable");
        } finally {
            i.study.close();
        }
    }

    @Test
    void aMappingWithFormsRoundTripsThroughItsJson() throws Exception {
        ColumnMapping m = ColumnMapping.of(Map.of("I_A", "a"), null, null,
                Map.of("F_X", FormRoute.parse("visit:week4"), "F_Y", FormRoute.parse("Instrument:odi")));
        ColumnMapping back = ColumnMapping.parse(m.toJson(), "m.json");
        assertEquals(m.forms(), back.forms());
        assertEquals(new FormRoute(FormRoute.Kind.INSTRUMENT, "odi"), back.route("nothing", "F_Y").orElseThrow());
        assertEquals("visit:week4", back.forms().get("F_X").toString());
        Path f = tmp.resolve("m.json");
        Files.writeString(f, m.toJson());
        assertEquals("m.json", ColumnMapping.load(f).source());
    }
}
