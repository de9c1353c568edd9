package org.painlab.stats.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.painlab.core.data.SubjectData;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.stats.plan.SimulatedTrial;
import org.painlab.stats.plan.TestCatalog;
import org.painlab.stats.report.HtmlReportWriter;
import org.painlab.stats.report.JsonReportWriter;
import org.painlab.stats.report.RScriptWriter;

/**
 * All tables for 200,000 simulated subjects × 20 variables, timed. Not run by default
 * (surefire excludes the "bench" tag); run with -Dgroups=bench -DexcludedGroups=.
 */
@Tag("bench")
class TablesBenchTest {

    @Test
    void allTablesFor200000SubjectsAnd20Variables() throws Exception {
        long t0 = System.nanoTime();
        SubjectData data = SimulatedTrial.generate(200_000, 20261123L, true);
        long t1 = System.nanoTime();
        assertEquals(20, data.variables().size());
        AnalysisPlan plan = AnalysisPlan.defaultFor(data);
        PaperTables tables = new PaperTables(TestCatalog.installed());
        tables.build(data, plan); // warm-up: JIT
        long t2 = System.nanoTime();
        PaperReport report = tables.build(data, plan);
        long t3 = System.nanoTime();
        Path dir = Files.createTempDirectory("bench");
        new JsonReportWriter().write(report, dir.resolve("r.json"));
        new HtmlReportWriter().write(report, dir.resolve("r.html"));
        long t4 = System.nanoTime();
        int comparisons = report.results().size();
        System.out.printf("bench: data %d ms; tables (%d comparisons, %d tables) %d ms (first run incl. JIT %d ms);"
                + " JSON+HTML %d ms%n", (t1 - t0) / 1_000_000, comparisons, report.tables().size(),
                (t3 - t2) / 1_000_000, (t2 - t1) / 1_000_000, (t4 - t3) / 1_000_000);
        assertEquals(36, comparisons, "13 baseline + 10 VAS + 8 JOA/ODI + 3 complications + 2 efficacy");
        compareWithR(data, report, dir, (t3 - t2) / 1e9);
    }

    /** The peer in the same run: base R running the same tests on the same data (the generated script). */
    private static void compareWithR(SubjectData data, PaperReport report, Path dir, double oursSeconds) throws Exception {
        Path rscript = null;
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "Rscript"))) {
                rscript = Path.of(d, "Rscript");
            }
        }
        if (rscript == null) {
            System.out.println("bench: Rscript not found (apt-get install r-base-core): no R comparison");
            return;
        }
        Path script = dir.resolve("bench.R");
        new RScriptWriter(data).write(report, script);
        long r0 = System.nanoTime();
        Process p = new ProcessBuilder(rscript.toString(), script.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), log);
        double rSeconds = (System.nanoTime() - r0) / 1e9;
        assertTrue(Files.exists(RScriptWriter.resultsFile(script)), "R wrote its p-values");
        System.out.printf(java.util.Locale.ROOT, "bench: PainLab tables %.2f s; R (Rscript, same tests on the same data,"
                + " incl. reading the CSV) %.2f s; ratio R/PainLab %.1f%n", oursSeconds, rSeconds, rSeconds / oursSeconds);
        System.out.println("bench: R says: " + log.strip().replace('\n', ' '));
    }
}
