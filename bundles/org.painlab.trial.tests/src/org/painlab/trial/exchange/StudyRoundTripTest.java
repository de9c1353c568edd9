package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.painlab.core.Study;
import org.painlab.core.importer.ImportSummary;
import org.painlab.trial.store.Arm;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.SubjectRecord;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;
import org.painlab.trial.store.VariableDefinition;

/**
 * Round trips keep the study: the arm order and names survive CSV and XLSX (through the design file
 * beside the table), and a study imported from a classic (flat) REDCap project, which has no visits,
 * can be exported to REDCap and read back with the same values.
 */
class StudyRoundTripTest {
    @TempDir
    Path tmp;

    private static List<String> arms(TrialStore s) throws Exception {
        return s.arms().stream().map(a -> a.code() + " = " + a.name()).toList();
    }

    private TrialStore fresh(String name) throws Exception {
        Study study = TrialTestStudies.create(tmp.resolve(name));
        return new TrialStore(study, InstrumentCatalog.installed());
    }

    @ParameterizedTest
    @ValueSource(strings = { "wide.csv", "long.csv", "wide.xlsx", "long.xlsx" })
    void theArmOrderAndNamesSurviveATable(String name) throws Exception {
        Study demo = TrialTestStudies.demo(tmp.resolve("demo"));
        try {
            TrialStore source = new TrialStore(demo, InstrumentCatalog.installed());
            Layout layout = name.startsWith("long") ? Layout.LONG : Layout.WIDE;
            Path file = tmp.resolve(name);
            ExportSummary written = new TrialExchange(source).exportFile(file, new ExportOptions(name.endsWith(".xlsx") ? ExchangeFormat.XLSX : ExchangeFormat.CSV, layout, true), null);
            Path design = tmp.resolve(name.substring(0, name.indexOf('.')) + "_design.csv");
            // then the screening log and allocation list of a CSV table (StudyRecordsRoundTripTest)
            assertEquals(List.of(file.toAbsolutePath(), design.toAbsolutePath()), written.files().subList(0, 2));
            // the first subject of the table is not in the first arm: order by first appearance would reverse the arms
            String firstArm = source.subjectRecord(firstSubject(source)).orElseThrow().subject().armCode();
            assertFalse(firstArm.equals(source.arms().get(0).code()), "the demo exercises the reversal: " + firstArm);

            Path plain = tmp.resolve("plain-" + name);
            assertEquals(List.of(plain.toAbsolutePath()), new TrialExchange(source).exportFile(plain,
                    new ExportOptions(written.files().get(0).toString().endsWith(".xlsx") ? ExchangeFormat.XLSX : ExchangeFormat.CSV,
                            layout), null).files(), "the design file is written only when asked for");

            TrialStore target = fresh("fresh-" + name);
            try {
                ImportSummary s = new TrialExchange(target).importFile(file, ImportOptions.forFile(file).withLayout(layout), null);
                assertEquals(77L, s.added().get("subjects"));
                assertEquals(arms(source), arms(target));
                assertEquals(source.visitDefinitions().stream().map(v -> v.id() + " = " + v.label()).toList(),
                        target.visitDefinitions().stream().map(v -> v.id() + " = " + v.label()).toList());
            } finally {
                target.study().close();
            }

            // without the design file the table alone still imports, arms by first appearance with codes as names
            for (Path p : written.files().subList(1, written.files().size())) {
                Files.delete(p);
            }
            TrialStore bare = fresh("bare-" + name);
            try {
                new TrialExchange(bare).importFile(file, ImportOptions.forFile(file).withLayout(layout), null);
                assertEquals(firstArm, bare.arms().get(0).code());
                assertEquals(bare.arms().get(0).code(), bare.arms().get(0).name());
            } finally {
                bare.study().close();
            }
        } finally {
            demo.close();
        }
    }

    /**
     * The observations of repeated and per-visit forms go out beside a CSV table
     * ({@code <name>_observations.csv}) and as the workbook's sheet {@code observations}, and come back
     * the same, in both layouts, measured on REDCap's longitudinal and repeating-instruments projects.
     */
    @ParameterizedTest
    @ValueSource(strings = { "redcap_longitudinal/wide.csv", "redcap_longitudinal/long.csv", "redcap_longitudinal/wide.xlsx",
            "redcap_longitudinal/long.xlsx", "redcap_repeating-instruments/wide.csv", "redcap_repeating-instruments/long.xlsx" })
    void observationsSurviveCsvAndXlsx(String project) throws Exception {
        String name = project.substring(project.indexOf('/') + 1);
        Path csv = RedcapReferenceTest.folder().resolve(project.substring(0, project.indexOf('/')) + ".csv");
        TrialStore source = fresh("source");
        TrialStore back = fresh("back");
        try {
            new TrialExchange(source).importFile(csv, ImportOptions.forFile(csv).withAcceptRefusals(true), null);
            java.util.Set<String> original = ObservationRoundTripTest.flat(source.observations());
            long n = source.observations().values().stream().mapToLong(List::size).sum();
            assertTrue(n > 10, project + ": observations to carry: " + n);
            Layout layout = name.startsWith("long") ? Layout.LONG : Layout.WIDE;
            boolean xlsx = name.endsWith(".xlsx");
            Path out = tmp.resolve(name);
            ExportSummary written = new TrialExchange(source).exportFile(out,
                    new ExportOptions(xlsx ? ExchangeFormat.XLSX : ExchangeFormat.CSV, layout, true), null);
            Path observations = tmp.resolve(name.substring(0, name.indexOf('.')) + "_observations.csv").toAbsolutePath();
            assertEquals(!xlsx, written.files().contains(observations), written.files().toString());
            if (xlsx) {
                assertTrue(org.painlab.trial.internal.exchange.XlsxReader.sheetNames(out).contains("observations"));
            } else {
                List<String> lines = Files.readAllLines(observations);
                assertEquals("subject_id,visit,form,instance,field,value", lines.get(0));
            }
            ImportSummary s = new TrialExchange(back).importFile(out, ImportOptions.forFile(out).withLayout(layout), null);
            assertEquals(List.of(), s.report().refused(), project);
            assertEquals(s.report().valuesRead(), s.report().valuesImported(), project + ": every value read is imported");
            assertEquals(n, s.added().get("observations"), project);
            assertEquals(original, ObservationRoundTripTest.flat(back.observations()), project);
            Map<String, SubjectRecord> a = ExchangeRoundTripTest.records(source);
            Map<String, SubjectRecord> b = ExchangeRoundTripTest.records(back);
            assertEquals(a.keySet(), b.keySet());
            for (String id : a.keySet()) {
                // CSV and XLSX carry values, not the variables' definitions: the target infers the types, so compare the texts
                assertEquals(new java.util.TreeMap<>(a.get(id).baseline()).toString(), new java.util.TreeMap<>(b.get(id).baseline()).toString(),
                        project + " record " + id);
            }
            // an export of a study without observations removes a former export's table beside a CSV
            if (!xlsx) {
                Study empty = TrialTestStudies.demo(tmp.resolve("demo"));
                try {
                    new TrialExchange(new TrialStore(empty, InstrumentCatalog.installed())).exportFile(out,
                            new ExportOptions(ExchangeFormat.CSV, layout, true), null);
                    assertFalse(Files.exists(observations), "a stale observations file would add values the study does not hold");
                } finally {
                    empty.close();
                }
            }
        } finally {
            source.study().close();
            back.study().close();
        }
    }

    @Test
    void anObservationOfASubjectNotInTheTableIsRefusedNamingItsFile() throws Exception {
        Path csv = RedcapReferenceTest.folder().resolve("redcap_repeating-instruments.csv");
        TrialStore source = fresh("source");
        TrialStore back = fresh("back");
        try {
            new TrialExchange(source).importFile(csv, ImportOptions.forFile(csv), null);
            Path out = tmp.resolve("t.csv");
            new TrialExchange(source).exportFile(out, new ExportOptions(ExchangeFormat.CSV, Layout.WIDE, true), null);
            Path obs = tmp.resolve("t_observations.csv");
            Files.writeString(obs, Files.readString(obs) + "ghost,,bp,1,bp_systolic,120\n1,,bp,x,bp_systolic,121\n");
            var e = org.junit.jupiter.api.Assertions.assertThrows(org.painlab.core.importer.ImportException.class,
                    () -> new TrialExchange(back).importFile(out, ImportOptions.forFile(out), null));
            List<org.painlab.core.importer.RefusedValue> refused = e.report().refused();
            assertEquals(2, refused.size(), refused.toString());
            assertTrue(refused.stream().allMatch(r -> r.file().equals("t_observations.csv") && r.field().equals("value")), refused.toString());
            assertTrue(refused.stream().anyMatch(r -> r.record().equals("ghost") && r.reason().contains("not in t.csv")), refused.toString());
            assertTrue(refused.stream().anyMatch(r -> r.record().equals("1") && r.reason().contains("instance 'x'")), refused.toString());
            assertEquals(e.report().valuesRead(), e.report().valuesImported() + refused.size(), "balanced");
            assertEquals(0L, back.study().info().count("subjects"));
        } finally {
            source.study().close();
            back.study().close();
        }
    }

    /**
     * A workbook of another system may have a sheet named observations: it is noted and left unread; an
     * observations file beside a CSV table is ours by its name, so a wrong header is a problem naming it.
     */
    @Test
    void aForeignObservationsSheetIsLeftUnreadAndABadObservationsFileIsAProblem() throws Exception {
        Path book = tmp.resolve("lab.xlsx");
        try (var w = new org.painlab.trial.internal.exchange.XlsxWriter(book, List.of("data", "observations"))) {
            w.row(List.of("subject_id", "age"));
            w.row(List.of("S1", 40));
            w.nextSheet();
            w.row(List.of("when", "what"));
            w.row(List.of("monday", "a note"));
        }
        TrialStore target = fresh("foreign");
        try {
            ImportSummary s = new TrialExchange(target).importFile(book, ImportOptions.forFile(book), null);
            assertEquals(1L, s.added().get("subjects"));
            assertEquals(1, s.report().valuesRead(), "the foreign sheet's cells are not values of the import");
            assertTrue(s.report().notes().stream().anyMatch(n -> n.startsWith("lab.xlsx sheet observations is not read")),
                    s.report().notes().toString());
        } finally {
            target.study().close();
        }

        Path csv = tmp.resolve("t.csv");
        Files.writeString(csv, "subject_id,age\nS1,40\n");
        Files.writeString(tmp.resolve("t_observations.csv"), "subject,form,value\nS1,bp,120\n");
        TrialStore other = fresh("bad-header");
        try {
            var e = org.junit.jupiter.api.Assertions.assertThrows(org.painlab.core.importer.ImportException.class,
                    () -> new TrialExchange(other).importFile(csv, ImportOptions.forFile(csv), null));
            assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("t_observations.csv") && p.record() == 1
                    && p.rule().contains("subject_id,visit,form,instance,field,value")), e.problems().toString());
            assertEquals(0L, other.study().info().count("subjects"));
        } finally {
            other.study().close();
        }
    }

    private static String firstSubject(TrialStore s) throws Exception {
        String[] first = { null };
        s.forEachSubjectRecord(r -> {
            if (first[0] == null) {
                first[0] = r.subject().id();
            }
        });
        return first[0];
    }

    @Test
    void aBrokenDesignFileIsAProblemNamingIt() throws Exception {
        Study demo = TrialTestStudies.demo(tmp.resolve("demo"));
        Path file = tmp.resolve("t.csv");
        try {
            new TrialExchange(new TrialStore(demo, InstrumentCatalog.installed())).exportFile(file, ExportOptions.forFile(file), null);
        } finally {
            demo.close();
        }
        Files.writeString(tmp.resolve("t_design.csv"), "kind,code,name\narm,S,SNRB\nschedule,x,y\n");
        TrialStore target = fresh("target");
        try {
            var e = org.junit.jupiter.api.Assertions.assertThrows(org.painlab.core.importer.ImportException.class,
                    () -> new TrialExchange(target).importFile(file, ImportOptions.forFile(file), null));
            assertTrue(e.problems().stream().anyMatch(p -> p.rule().contains("t_design.csv") && p.rule().contains("schedule")),
                    e.problems().toString());
            assertEquals(0L, target.study().info().count("subjects"));
        } finally {
            target.study().close();
        }
    }

    @Test
    void aStudyWithoutVisitsGoesThroughOdmWithTheSameValues() throws Exception {
        Path data = RedcapReferenceTest.folder().resolve("redcap_clinical-trial-1.csv");
        TrialStore first = fresh("first");
        TrialStore second = fresh("second");
        try {
            new TrialExchange(first).importFile(data, ImportOptions.forFile(data).withFormat(ExchangeFormat.REDCAP), null);
            assertTrue(first.visitDefinitions().isEmpty());
            Path out = tmp.resolve("back.xml");
            new TrialExchange(first).exportFile(out, new ExportOptions(ExchangeFormat.ODM, Layout.WIDE), null);
            ImportSummary back = new TrialExchange(second).importFile(out, ImportOptions.forFile(out), null);
            assertEquals(List.of(), back.report().refused());
            Map<String, SubjectRecord> a = ExchangeRoundTripTest.records(first);
            Map<String, SubjectRecord> b = ExchangeRoundTripTest.records(second);
            assertEquals(a.keySet(), b.keySet());
            for (String id : a.keySet()) {
                assertEquals(a.get(id).baseline(), b.get(id).baseline(), "record " + id);
            }
        } finally {
            first.study().close();
            second.study().close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "redcap_clinical-trial-1.csv", "redcap_validation-types-1.csv", "redcap_dag.csv",
            "redcap_decimal-comma-and-dot.csv" })
    void aStudyFromAClassicRedcapProjectGoesBackToRedcapWithTheSameValues(String name) throws Exception {
        Path data = RedcapReferenceTest.folder().resolve(name);
        TrialStore first = fresh("first");
        TrialStore second = fresh("second");
        try {
            ImportSummary in = new TrialExchange(first).importFile(data,
                    ImportOptions.forFile(data).withFormat(ExchangeFormat.REDCAP), null);
            assertTrue(first.visitDefinitions().isEmpty(), "a classic project has no events, so no visits");
            Path out = tmp.resolve("back.csv");
            ExportSummary written = new TrialExchange(first).exportFile(out, new ExportOptions(ExchangeFormat.REDCAP, Layout.WIDE), null);
            assertEquals(in.added().get("subjects"), written.subjects());
            assertFalse(Files.readAllLines(out).get(0).contains("redcap_event_name"), "classic: no event column");
            ImportSummary back = new TrialExchange(second).importFile(out,
                    ImportOptions.forFile(out).withFormat(ExchangeFormat.REDCAP), null);
            assertEquals(List.of(), back.report().refused(), "the export refuses nothing on the way back");
            Map<String, SubjectRecord> a = ExchangeRoundTripTest.records(first);
            Map<String, SubjectRecord> b = ExchangeRoundTripTest.records(second);
            assertEquals(a.keySet(), b.keySet());
            for (String id : a.keySet()) {
                assertEquals(a.get(id).baseline(), b.get(id).baseline(), name + " record " + id);
                assertEquals(a.get(id).subject(), b.get(id).subject(), name + " record " + id);
            }
            assertEquals(first.variableDefinitions().stream().map(VariableDefinition::name).toList(),
                    second.variableDefinitions().stream().map(VariableDefinition::name).toList());
            assertEquals(first.arms().stream().map(Arm::code).toList(), second.arms().stream().map(Arm::code).toList());
        } finally {
            first.study().close();
            second.study().close();
        }
    }
}
