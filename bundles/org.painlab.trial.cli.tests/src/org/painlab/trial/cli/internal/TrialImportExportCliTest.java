package org.painlab.trial.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;

import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/** {@code trial import} and {@code trial export} as picocli commands (outside the contributed command tree). */
class TrialImportExportCliTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return JsonMapper.builder().build().readValue(out, Map.class);
        }
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path demo() throws Exception {
        Path dir = tmp.resolve("demo");
        CliStudies.demo(dir).close();
        return dir;
    }

    private Path fresh(String name) throws Exception {
        Path dir = tmp.resolve(name);
        CliStudies.create(dir).close();
        return dir;
    }

    @Test
    void exportThenImportIntoAFreshStudy() throws Exception {
        Path demo = demo();
        Path csv = tmp.resolve("out/trial.csv");
        Run export = run(new TrialExportCommand(), demo.toString(), csv.toString(), "--json");
        assertEquals(0, export.code(), export.err());
        Map<String, Object> e = export.json();
        assertEquals(77, ((Number) e.get("subjects")).intValue());
        assertEquals(true, e.get("simulated"));
        // the table and, beside it, the design file that keeps the arms' and visits' order and names (and the
        // allocation-list lock), the screening log and the revealed allocation list: every file written is listed
        // and the demo's visit dates and locks
        List<String> files = List.of(csv, tmp.resolve("out/trial_design.csv"), tmp.resolve("out/trial_visits.csv"),
                tmp.resolve("out/trial_screening.csv"),
                tmp.resolve("out/trial_allocation.csv")).stream().map(p -> p.toAbsolutePath().toString()).toList();
        assertEquals(files, e.get("files"));
        for (String f : files) {
            assertTrue(Files.isRegularFile(Path.of(f)), f);
        }
        assertTrue(Files.readString(tmp.resolve("out/trial_design.csv")).contains("lock,allocation_list,"));

        Path target = fresh("fresh");
        Run imported = run(new TrialImportCommand(), target.toString(), csv.toString(), "--json", "--actor", "cli-test");
        assertEquals(0, imported.code(), imported.err());
        assertEquals("csv", imported.json().get("format"), "a .csv file is csv, not redcap, without --format");
        assertEquals("org.painlab.trial.csv", imported.json().get("importer"));
        @SuppressWarnings("unchecked")
        Map<String, Object> added = (Map<String, Object>) imported.json().get("added");
        assertEquals(77, ((Number) added.get("subjects")).intValue());
        assertEquals(77, ((Number) added.get("allocation_lines")).intValue());
        assertTrue(((Number) added.get("screening_entries")).intValue() > 77, added.toString());
        long attended;
        try (Study s = CliStudies.open(demo)) {
            attended = s.info().count("visits");
        }
        assertEquals(attended, ((Number) added.get("visit_dates")).longValue(), "the demo dates every attended visit");
        assertTrue(((Number) added.get("visit_locks")).intValue() > 77, "the demo's follow-up visits are locked: " + added);
        try (Study s = CliStudies.open(target)) {
            assertEquals(77, s.info().count("subjects"));
            assertEquals(((Number) added.get("screening_entries")).longValue(), s.info().count("screened"));
        }

        Run human = run(new TrialExportCommand(), demo.toString(), tmp.resolve("t.xml").toString());
        assertEquals(0, human.code(), human.err());
        assertEquals("", human.out());
        assertTrue(human.err().contains("SIMULATED"), human.err());
        Run redcap = run(new TrialExportCommand(), demo.toString(), tmp.resolve("rc.csv").toString(), "--format", "redcap", "--json");
        assertEquals(0, redcap.code(), redcap.err());
        assertTrue(Files.exists(tmp.resolve("rc_DataDictionary.csv")));
        Path fresh2 = fresh("fresh2");
        Run rcImport = run(new TrialImportCommand(), fresh2.toString(), tmp.resolve("rc.csv").toString(), "--format", "redcap");
        assertEquals(0, rcImport.code(), rcImport.err());
    }

    @Test
    void rejectedFileExitsOneWithFirstProblemThenAll() throws Exception {
        Path demo = demo();
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "subject_id,arm,vas.admission\nN1,S,7\nN2,S,11\nN3,Q,x\n");
        Run r = run(new TrialImportCommand(), demo.toString(), bad.toString());
        assertEquals(1, r.code());
        assertEquals("", r.out());
        List<String> lines = r.err().strip().lines().toList();
        assertTrue(lines.get(0).startsWith("import: bad.csv:3: field 'vas.admission': ") && lines.get(0).contains("out of range")
                && lines.get(0).contains("(and 2 more problems)")
                && lines.get(0).endsWith("(3 refused values; --accept-refusals imports the rest)"), lines.get(0));
        assertEquals(4, lines.size(), r.err());
        assertTrue(lines.get(2).contains("bad.csv:4: field 'arm'"), r.err());
        assertTrue(lines.get(3).contains("bad.csv:4: field 'vas.admission'"), r.err());
        try (Study s = CliStudies.open(demo)) {
            assertEquals(77, s.info().count("subjects"));
        }
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Path demo = demo();
        Path odd = tmp.resolve("data.dat");
        Files.writeString(odd, "x");
        assertEquals(2, run(new TrialImportCommand(), demo.toString(), odd.toString()).code());
        Run unknown = run(new TrialImportCommand(), demo.toString(), odd.toString(), "--format", "sav");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown format 'sav'; installed formats: csv, odm, redcap, test-fmt, xlsx"),
                unknown.err());
        assertEquals(2, run(new TrialImportCommand(), demo.toString(), odd.toString(), "--format", "csv", "--layout", "tall")
                .code());
        assertEquals(2, run(new TrialExportCommand(), demo.toString(), "x.csv", "--layout", "tall").code());
        Run mapping = run(new TrialImportCommand(), demo.toString(), odd.toString(), "--format", "csv", "--mapping",
                tmp.resolve("none.json").toString());
        assertEquals(1, mapping.code());
        assertTrue(mapping.err().contains("none.json"), mapping.err());
    }
}
