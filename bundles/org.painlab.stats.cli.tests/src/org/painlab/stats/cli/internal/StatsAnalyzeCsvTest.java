package org.painlab.stats.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;
import org.painlab.core.data.StudyData.Provided;
import org.painlab.core.data.SubjectData;
import org.painlab.core.data.VariableKind;
import org.painlab.core.io.JsonText;
import org.painlab.stats.report.JsonReportWriter;
import org.painlab.stats.report.PaperTablesAnalysis;

/**
 * {@code stats analyze FILE.csv --group --spec}: the same tables as from the same data given through the data
 * contract, and problems named by file, line and column.
 */
class StatsAnalyzeCsvTest {
    private static final String SPEC = "{\"id\": \"record\", \"continuous\": [\"age\"], \"categorical\": [\"sex\"],"
            + " \"binary\": [\"hypertension\", \"dural_tear\"], \"ordinal\": {\"pfirrmann\": [\"I\", \"II\", \"III\", \"IV\", \"V\"]},"
            + " \"paired\": {\"vas\": [\"vas_adm\", \"vas_3m\"]}, \"alpha\": 0.05, \"title\": \"From a CSV\"}";

    @TempDir
    Path tmp;

    /** 60 rows, two arms; column values and the expected SubjectData built side by side. */
    private record Fixture(Path csv, SubjectData data) {
    }

    private Fixture fixture() throws Exception {
        Random r = new Random(7);
        String[] roman = {"I", "II", "III", "IV", "V"};
        StringBuilder csv = new StringBuilder("record,arm,age,sex,hypertension,dural_tear,pfirrmann,vas_adm,vas_3m\n");
        int n = 60;
        List<String> ids = new ArrayList<>();
        List<String> arms = new ArrayList<>();
        double[] age = new double[n];
        int[] sex = new int[n];
        int[] htn = new int[n];
        int[] dural = new int[n];
        int[] pf = new int[n];
        double[] vasAdm = new double[n];
        double[] vas3m = new double[n];
        for (int i = 0; i < n; i++) {
            String arm = i % 2 == 0 ? "S" : "P";
            ids.add("R" + i);
            arms.add(arm);
            age[i] = Math.round((45 + 12 * r.nextGaussian()) * 10) / 10.0;
            sex[i] = r.nextInt(2);
            htn[i] = r.nextDouble() < (arm.equals("S") ? 0.3 : 0.5) ? 1 : 0;
            dural[i] = 0;
            pf[i] = r.nextInt(5);
            vasAdm[i] = Math.round((7 + r.nextGaussian()) * 10) / 10.0;
            vas3m[i] = i == 5 ? Double.NaN : Math.round((arm.equals("S") ? 2 : 3) + r.nextGaussian() * 10) / 10.0;
            csv.append("R").append(i).append(',').append(arm).append(',').append(age[i]).append(',')
                    .append(sex[i] == 0 ? "F" : "M").append(',').append(htn[i]).append(',').append(0).append(',')
                    .append(roman[pf[i]]).append(',').append(vasAdm[i]).append(',')
                    .append(Double.isNaN(vas3m[i]) ? "NA" : String.valueOf(vas3m[i])).append('\n');
        }
        csv.append("R99,,50,F,0,0,I,5,5\n");
        Path file = tmp.resolve("trial.csv");
        Files.writeString(file, csv);
        SubjectData data = SubjectData.builder(List.of("P", "S")).subjects(ids, arms)
                .numeric("age", null, age)
                .coded("sex", VariableKind.CATEGORICAL, List.of("F", "M"), null, sex)
                .coded("hypertension", VariableKind.BINARY, List.of("0", "1"), null, htn)
                .coded("dural_tear", VariableKind.BINARY, List.of("0", "1"), null, dural)
                .coded("pfirrmann", VariableKind.ORDINAL, List.of(roman), null, pf)
                .numeric("vas", "vas_adm", vasAdm).numeric("vas", "vas_3m", vas3m).build();
        return new Fixture(file, data);
    }

    @Test
    void csvGivesTheSameTablesAsTheSameDataThroughTheContract() throws Exception {
        Fixture f = fixture();
        Path spec = tmp.resolve("spec.json");
        Files.writeString(spec, SPEC);
        Path out = tmp.resolve("tables.json");
        Painlab.Result r = Painlab.run("stats", "analyze", f.csv().toString(), "--group", "arm", "--spec", spec.toString(),
                "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> summary = r.json();
        assertEquals(61, summary.get("rows"));
        assertEquals(1, summary.get("rows_without_group"), "the row with an empty group is left out and counted");
        assertEquals(List.of("P", "S"), summary.get("groups"));
        assertEquals(64, summary.get("input_sha256").toString().length());

        String specPlan = "{\"alpha\": 0.05, \"title\": \"From a CSV\"}";
        var expected = PaperTablesAnalysis.compute(new Provided<>(f.data(), "test"), Map.of(PaperTablesAnalysis.PLAN, specPlan));
        Map<String, Object> fromCsv = JsonText.readObject(Files.readString(out));
        Map<String, Object> direct = JsonText.readObject(JsonText.write(JsonReportWriter.toMap(expected.report())));
        // compared as text so that a difference prints short
        assertEquals(JsonText.write(direct.get("tables")), JsonText.write(fromCsv.get("tables")),
                "same tables, tests, reasons and P values");
        String text = Files.readString(out);
        assertTrue(text.contains("pfirrmann") && text.contains("vas") && text.contains("hypertension"), text);
    }

    @Test
    void timingsNameTheReadAnalyseAndWritePhases() throws Exception {
        Fixture f = fixture();
        Path spec = tmp.resolve("spec.json");
        Files.writeString(spec, SPEC);
        Painlab.Result r = Painlab.run("stats", "analyze", f.csv().toString(), "--group", "arm", "--spec", spec.toString(),
                "--out", tmp.resolve("t.json").toString(), "--json", "--timings");
        assertEquals(0, r.exitCode(), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> timings = (Map<String, Object>) r.json().get("timings");
        // CPU seconds of the process per phase where the platform reports them (Linux, macOS, Windows do)
        assertEquals(List.of("read_s", "analyse_s", "write_s", "read_cpu_s", "analyse_cpu_s", "write_cpu_s"),
                List.copyOf(timings.keySet()));
        for (Object seconds : timings.values()) {
            assertTrue(((Number) seconds).doubleValue() >= 0, timings.toString());
        }
        r = Painlab.run("stats", "analyze", f.csv().toString(), "--group", "arm", "--spec", spec.toString(),
                "--out", tmp.resolve("t.json").toString(), "--timings");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().matches("(?s).*timings: read [0-9.]+ s, analyse [0-9.]+ s, write [0-9.]+ s.*"), r.err());
        r = Painlab.run("stats", "analyze", tmp.toString(), "--out", tmp.resolve("t.json").toString(), "--timings");
        assertEquals(2, r.exitCode(), "--timings is for a CSV: " + r.err());
    }

    @Test
    void everyWriterTakesCsvData() throws Exception {
        Fixture f = fixture();
        Path spec = tmp.resolve("spec.json");
        Files.writeString(spec, SPEC);
        for (String ext : List.of("html", "docx", "csv", "tex", "R")) {
            Path out = tmp.resolve("tables." + ext);
            Painlab.Result r = Painlab.run("stats", "analyze", f.csv().toString(), "--group", "arm", "--spec",
                    spec.toString(), "--out", out.toString());
            assertEquals(0, r.exitCode(), ext + ": " + r.err());
            assertTrue(Files.size(out) > 200, ext);
        }
    }

    @Test
    void problemsNameFileLineAndColumn() throws Exception {
        Fixture f = fixture();
        Path spec = tmp.resolve("spec.json");
        Files.writeString(spec, SPEC);
        Path bad = tmp.resolve("bad.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(f.csv()));
        lines.set(4, lines.get(4).replaceFirst("^(R3,[SP],)[^,]+", "$1forty"));
        Files.write(bad, lines);
        Painlab.Result r = Painlab.run("stats", "analyze", bad.toString(), "--group", "arm", "--spec", spec.toString(),
                "--out", tmp.resolve("x.json").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("bad.csv line 5, column 'age': 'forty' is not a number"), r.err());

        Path spec2 = tmp.resolve("spec2.json");
        Files.writeString(spec2, "{\"continuous\": [\"weight\"]}");
        r = Painlab.run("stats", "analyze", f.csv().toString(), "--group", "arm", "--spec", spec2.toString(), "--out",
                tmp.resolve("x.json").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("column 'weight' (spec key 'continuous') is not in the header"), r.err());

        Files.writeString(spec2, "{\"binary\": [\"pfirrmann\"]}");
        r = Painlab.run("stats", "analyze", f.csv().toString(), "--group", "arm", "--spec", spec2.toString(), "--out",
                tmp.resolve("x.json").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("'pfirrmann' is listed as binary but has 5 values"), r.err());

        Files.writeString(spec2, "{\"continuous\": [\"age\"], \"alpah\": 0.05}");
        r = Painlab.run("stats", "analyze", f.csv().toString(), "--group", "arm", "--spec", spec2.toString(), "--out",
                tmp.resolve("x.json").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("spec2.json") && r.err().contains("alpah"), "a misspelt plan key is named: " + r.err());

        r = Painlab.run("stats", "analyze", f.csv().toString(), "--spec", spec.toString(), "--out", tmp.resolve("x.json").toString());
        assertEquals(2, r.exitCode(), "a CSV without --group is usage");
    }
}
