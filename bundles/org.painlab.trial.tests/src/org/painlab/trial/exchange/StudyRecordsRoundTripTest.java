package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.painlab.core.Study;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportSummary;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.ScreeningEntry;
import org.painlab.trial.store.SubjectRecord;
import org.painlab.trial.store.SubjectVisit;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;

/**
 * Round trips keep the study (issue 8, item 4): the demo study with its own visit dates, locks of
 * follow-up visits and dated screening entries, given here a locked visit without answers, a dated
 * visit without answers, two more screening entries and a locked dataset, goes out as CSV and XLSX (wide and long, with the
 * files or sheets beside the table) and as ODM (PainLab's vendor extension), and comes back into a
 * fresh study with the same screening log, visit dates, locks, allocation list, arm order and values;
 * what was imported is audited.
 */
class StudyRecordsRoundTripTest {
    @TempDir
    Path tmp;

    private Study demo;
    private TrialStore source;

    @BeforeEach
    void demoWithRecords() throws Exception {
        demo = TrialTestStudies.demo(tmp.resolve("demo"));
        source = new TrialStore(demo, InstrumentCatalog.installed());
        // the demo has its own screening dates, visit dates and locks of the follow-up visits; added here is what it lacks
        assertTrue(source.datedOrLockedVisits().stream().anyMatch(SubjectVisit::locked), "the demo locks visits itself");
        assertTrue(source.screeningLog().stream().allMatch(x -> x.screenedOn() != null), "the demo dates its screenings");
        List<String> lost = new ArrayList<>();
        for (var subject : source.subjects()) {
            if (subject.status() == org.painlab.trial.store.SubjectStatus.LOST_TO_FOLLOW_UP) {
                lost.add(subject.id());
            }
        }
        assertTrue(lost.size() >= 2, lost.toString());
        source.edit("tester", e -> {
            e.lockVisit(lost.get(0), "month3", "monitored (a visit without answers may be locked too)");
            // a visit with a date and no answers
            e.setVisitDate(lost.get(1), "month3", LocalDate.of(2025, 3, 5), null);
            e.addScreening(new ScreeningEntry("SCR-X1", LocalDate.of(2024, 2, 20), null, true, "refused", false),
                    Map.of("consent", false));
            e.addScreening(new ScreeningEntry("SCR-X2", null, null, false, null, false), Map.of());
            e.lockDataset("database lock before the analysis");
            return null;
        });
        assertTrue(source.locks().datasetLocked());
        assertTrue(source.allocationStatus().locked());
        assertEquals(77, source.allocationStatus().revealed());
    }

    @AfterEach
    void close() {
        demo.close();
    }

    private long dated() throws Exception {
        return source.datedOrLockedVisits().stream().filter(v -> v.visitDate() != null).count();
    }

    private long locked() throws Exception {
        return source.datedOrLockedVisits().stream().filter(SubjectVisit::locked).count();
    }

    private TrialStore fresh(String name) throws Exception {
        return new TrialStore(TrialTestStudies.create(tmp.resolve(name)), InstrumentCatalog.installed());
    }

    @ParameterizedTest
    @ValueSource(strings = { "wide.csv", "long.csv", "wide.xlsx", "long.xlsx", "study.xml" })
    void screeningVisitDatesLocksAndTheAllocationListSurvive(String name) throws Exception {
        Path file = tmp.resolve(name);
        ExchangeFormat format = name.endsWith(".xml") ? ExchangeFormat.ODM : name.endsWith(".xlsx") ? ExchangeFormat.XLSX : ExchangeFormat.CSV;
        Layout layout = name.startsWith("long") ? Layout.LONG : Layout.WIDE;
        ExportSummary written = new TrialExchange(source).exportFile(file, new ExportOptions(format, layout, true), null);
        if (format == ExchangeFormat.CSV) {
            String stem = name.substring(0, name.indexOf('.'));
            assertEquals(List.of(file, tmp.resolve(stem + "_design.csv"), tmp.resolve(stem + "_visits.csv"),
                    tmp.resolve(stem + "_screening.csv"), tmp.resolve(stem + "_allocation.csv")).stream().map(Path::toAbsolutePath).toList(),
                    written.files(), "every file written is listed");
            assertTrue(Files.readString(tmp.resolve(stem + "_design.csv")).contains("lock,dataset,"));
        }
        for (Path p : written.files()) {
            assertTrue(Files.isRegularFile(p), p.toString());
        }
        try (var siblings = Files.list(tmp)) {
            assertFalse(siblings.anyMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary file left");
        }

        TrialStore target = fresh("fresh-" + name);
        try {
            ImportSummary s = new TrialExchange(target).importFile(file, ImportOptions.forFile(file).withLayout(layout), null);
            assertEquals(List.of(), s.report().refused());
            assertEquals(77L, s.added().get("subjects"));
            assertEquals(dated(), s.added().get("visit_dates"));
            assertEquals(locked(), s.added().get("visit_locks"));
            assertEquals((long) source.screeningLog().size(), s.added().get("screening_entries"));
            assertEquals(77L, s.added().get("allocation_lines"));
            assertTrue(s.report().notes().stream().anyMatch(n -> n.startsWith("study records read")), s.report().notes().toString());

            assertEquals(source.arms().stream().map(x -> x.code() + "=" + x.name()).toList(),
                    target.arms().stream().map(x -> x.code() + "=" + x.name()).toList(), "arm order and names");
            assertEquals(source.visitDefinitions().stream().map(v -> v.id() + "=" + v.label()).toList(),
                    target.visitDefinitions().stream().map(v -> v.id() + "=" + v.label()).toList());
            assertEquals(source.screeningLog(), target.screeningLog());
            for (ScreeningEntry e : source.screeningLog()) {
                assertEquals(source.eligibility(e.id()), target.eligibility(e.id()), e.id());
            }
            assertEquals(source.datedOrLockedVisits(), target.datedOrLockedVisits());
            assertEquals(source.locks(), target.locks());
            assertEquals(source.revealedAllocations(), target.revealedAllocations());
            assertEquals(source.allocationStatus().size(), target.allocationStatus().size());
            assertEquals(source.allocationStatus().revealed(), target.allocationStatus().revealed());
            assertEquals(source.allocationStatus().sha256(), target.allocationStatus().sha256(), "the same list, line for line");
            Map<String, SubjectRecord> a = ExchangeRoundTripTest.records(source);
            Map<String, SubjectRecord> b = ExchangeRoundTripTest.records(target);
            assertEquals(a, b, "subjects, baseline values and answers");

            List<AuditEntry> audit = target.study().read(c -> new AuditLog(c).entries(0, 100_000));
            assertEquals(source.screeningLog().size(), audit.stream().filter(x -> x.entity().equals("screening")
                    && x.action().equals("import") && x.reason().contains(name)).count());
            assertEquals(locked(), audit.stream().filter(x -> x.entity().equals("visit") && x.action().equals("lock")).count());
            assertEquals(dated(), audit.stream().filter(x -> x.entity().equals("visit") && "visit_date".equals(x.field())).count());
            assertEquals(77, audit.stream().filter(x -> x.entity().equals("allocation") && x.action().equals("reveal")).count());
            assertTrue(audit.stream().anyMatch(x -> x.entity().equals("allocation_list") && x.action().equals("lock")));
            assertTrue(audit.stream().anyMatch(x -> x.entity().equals("dataset") && x.action().equals("lock")));
        } finally {
            target.study().close();
        }
    }

    @Test
    void redcapCarriesTheVisitDatesAsAFieldOfEachEvent() throws Exception {
        Path file = tmp.resolve("rc.csv");
        ExportSummary written = new TrialExchange(source).exportFile(file, new ExportOptions(ExchangeFormat.REDCAP, Layout.WIDE), null);
        assertEquals(List.of(file.toAbsolutePath(), tmp.resolve("rc_DataDictionary.csv").toAbsolutePath()), written.files());
        assertTrue(Files.readString(tmp.resolve("rc_DataDictionary.csv")).contains("visit_date,visit_info,,text,Visit date,,,date_ymd"));
        TrialStore target = fresh("redcap");
        try {
            ImportSummary s = new TrialExchange(target).importFile(file, ImportOptions.forFile(file), null);
            assertEquals(List.of(), s.report().refused());
            assertEquals(dated(), s.added().get("visit_dates"));
            assertEquals(0L, s.added().get("visit_locks"), "REDCap has no locks in a data import");
            assertEquals(source.datedOrLockedVisits().stream().filter(v -> v.visitDate() != null)
                    .map(v -> new SubjectVisit(v.subjectId(), v.visitId(), v.visitDate(), false)).toList(), target.datedOrLockedVisits());
            assertTrue(target.variableDefinitions().stream().noneMatch(d -> d.name().equals("visit_date")));
            Map<String, SubjectRecord> back = ExchangeRoundTripTest.records(target);
            assertEquals(ExchangeRoundTripTest.records(source).keySet(), back.keySet());
            for (var e : ExchangeRoundTripTest.records(source).entrySet()) {
                SubjectRecord b = back.get(e.getKey());
                assertEquals(e.getValue().baseline(), b.baseline(), e.getKey());
                assertEquals(e.getValue().answers(), b.answers(), e.getKey());
            }
        } finally {
            target.study().close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "t.csv", "t.xlsx" })
    void aTableWithoutTheRecordsImportsAsBefore(String name) throws Exception {
        Path file = tmp.resolve(name);
        ExchangeFormat format = name.endsWith(".xlsx") ? ExchangeFormat.XLSX : ExchangeFormat.CSV;
        assertEquals(List.of(file.toAbsolutePath()), new TrialExchange(source).exportFile(file,
                new ExportOptions(format, Layout.WIDE), null).files());
        TrialStore target = fresh("bare");
        try {
            ImportSummary s = new TrialExchange(target).importFile(file, ImportOptions.forFile(file), null);
            assertEquals(77L, s.added().get("subjects"));
            assertEquals(0L, s.added().get("screening_entries"));
            assertEquals(0L, s.added().get("visit_dates"));
            assertTrue(target.screeningLog().isEmpty());
            assertEquals(0, target.allocationStatus().size());
            assertFalse(target.locks().datasetLocked());
        } finally {
            target.study().close();
        }
    }

    @Test
    void aBadLineOfAVisitsFileIsAProblemNamingFileLineAndColumnAndNothingIsImported() throws Exception {
        Path file = tmp.resolve("t.csv");
        new TrialExchange(source).exportFile(file, ExportOptions.forFile(file), null);
        Path visits = tmp.resolve("t_visits.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(visits));
        lines.set(3, lines.get(3).replaceFirst("2024-\\d\\d-\\d\\d", "03/04/2024"));
        Files.write(visits, lines);
        TrialStore target = fresh("target");
        try {
            ImportException e = assertThrows(ImportException.class, () -> new TrialExchange(target).importFile(file,
                    ImportOptions.forFile(file), null));
            assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("t_visits.csv") && p.record() == 4
                    && p.field().equals("visit_date") && p.rule().contains("03/04/2024")), e.problems().toString());
            assertEquals(0L, target.study().info().count("subjects"));
            assertTrue(target.screeningLog().isEmpty());
            ImportPreview preview = new TrialExchange(target).preview(file, ImportOptions.forFile(file), 5);
            assertTrue(preview.problems().stream().anyMatch(p -> p.file().equals("t_visits.csv") && p.record() == 4),
                    "the preview shows it before anything is written: " + preview.problems());
        } finally {
            target.study().close();
        }
    }

    @Test
    void aVisitOfASubjectNotInTheFileRollsTheWholeImportBack() throws Exception {
        Path file = tmp.resolve("t.csv");
        new TrialExchange(source).exportFile(file, ExportOptions.forFile(file), null);
        Files.writeString(tmp.resolve("t_visits.csv"), "subject_id,visit,visit_date,locked\nNOBODY,admission,2024-01-01,false\n");
        TrialStore target = fresh("target");
        try {
            ImportException e = assertThrows(ImportException.class, () -> new TrialExchange(target).importFile(file,
                    ImportOptions.forFile(file), null));
            assertTrue(e.problems().stream().anyMatch(p -> p.rule().contains("NOBODY")), e.problems().toString());
            assertEquals(0L, target.study().info().count("subjects"));
            assertTrue(target.screeningLog().isEmpty());
            assertEquals(0, target.allocationStatus().size());
        } finally {
            target.study().close();
        }
    }

    @Test
    void aNewExportRemovesTheFilesOfAFormerOneTheStudyHasNothingFor() throws Exception {
        Path file = tmp.resolve("t.csv");
        Path stale = tmp.resolve("t_screening.csv");
        TrialStore other = fresh("other");
        try {
            other.edit("tester", e -> {
                e.addArm("A", "A", null);
                return null;
            });
            Files.writeString(stale, "screening_id,screened_on,subject_id,excluded,reason,simulated\nOLD,,,false,,false\n");
            ExportSummary s = new TrialExchange(other).exportFile(file, ExportOptions.forFile(file), null);
            assertFalse(Files.exists(stale), "a stale screening log would be read back with the new table");
            assertFalse(s.files().contains(stale.toAbsolutePath()));
        } finally {
            other.study().close();
        }
    }

    /** Keeps the imports of this class readable: the sheet names a workbook export adds. */
    @Test
    void aWorkbookCarriesTheRecordsAsSheets() throws Exception {
        Path file = tmp.resolve("w.xlsx");
        ExportSummary s = new TrialExchange(source).exportFile(file, ExportOptions.forFile(file), null);
        assertEquals(List.of(file.toAbsolutePath(), tmp.resolve("w_design.csv").toAbsolutePath()), s.files());
        Map<String, Integer> sheets = new LinkedHashMap<>();
        for (String n : org.painlab.trial.internal.exchange.XlsxReader.sheetNames(file)) {
            sheets.put(n, sheets.size());
        }
        assertEquals(List.of("SIMULATED trial data", "visits", "screening", "allocation"), List.copyOf(sheets.keySet()));
        assertFalse(Files.exists(tmp.resolve("w_visits.csv")));
    }

    @Test
    void odmWritesTheRecordsInItsVendorExtension() throws Exception {
        Path file = tmp.resolve("s.xml");
        new TrialExchange(source).exportFile(file, new ExportOptions(ExchangeFormat.ODM, Layout.WIDE), null);
        String xml = Files.readString(file);
        assertTrue(xml.contains("xmlns:painlab=\"http://painlab.org/ns/odm-extension/v1\""), xml.substring(0, 600));
        assertTrue(xml.contains("painlab:StartDate=\"" + source.datedOrLockedVisits().get(0).visitDate() + "\""));
        assertTrue(xml.contains("painlab:Locked=\"Yes\""));
        assertTrue(xml.contains("<painlab:ScreeningLog>") && xml.contains("<painlab:AllocationList Locked=\"Yes\">")
                && xml.contains("<painlab:DatasetLock/>"));
    }

    @Test
    void openClinicaEventDatesAndLockedEventsBecomeVisitDatesAndLocks() throws Exception {
        Path file = tmp.resolve("oc.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:OpenClinica="http://www.openclinica.org/ns/odm_ext_v130/v3.1"
                     FileType="Snapshot" FileOID="x" CreationDateTime="2024-01-01T00:00:00" ODMVersion="1.3">
                  <Study OID="S_1"><GlobalVariables><StudyName>x</StudyName><StudyDescription>x</StudyDescription><ProtocolName>x</ProtocolName></GlobalVariables>
                    <MetaDataVersion OID="v1" Name="v1">
                      <Protocol><StudyEventRef StudyEventOID="SE.admission" OrderNumber="1" Mandatory="No"/></Protocol>
                      <StudyEventDef OID="SE.admission" Name="On admission" Repeating="No" Type="Scheduled">
                        <FormRef FormOID="F.vas" Mandatory="No"/></StudyEventDef>
                      <FormDef OID="F.vas" Name="vas" Repeating="No"><ItemGroupRef ItemGroupOID="IG.vas" Mandatory="No"/></FormDef>
                      <ItemGroupDef OID="IG.vas" Name="vas" Repeating="No"><ItemRef ItemOID="I.vas.vas" Mandatory="No"/></ItemGroupDef>
                      <ItemDef OID="I.vas.vas" Name="vas" DataType="float"/>
                    </MetaDataVersion></Study>
                  <ClinicalData StudyOID="S_1" MetaDataVersionOID="v1">
                    <SubjectData SubjectKey="SS_A1" OpenClinica:StudySubjectID="A1">
                      <StudyEventData StudyEventOID="SE.admission" OpenClinica:StartDate="2011-10-27 00:00:00.0" OpenClinica:Status="locked">
                        <FormData FormOID="F.vas"><ItemGroupData ItemGroupOID="IG.vas"><ItemData ItemOID="I.vas.vas" Value="4"/></ItemGroupData></FormData>
                      </StudyEventData>
                    </SubjectData>
                  </ClinicalData>
                </ODM>
                """);
        TrialStore target = fresh("oc");
        try {
            ImportSummary s = new TrialExchange(target).importFile(file, ImportOptions.forFile(file), null);
            assertEquals(1L, s.added().get("visit_dates"));
            String id = target.subjects().get(0).id();
            assertEquals(List.of(new SubjectVisit(id, "admission", LocalDate.of(2011, 10, 27), true)), target.datedOrLockedVisits());
        } finally {
            target.study().close();
        }
    }
}
