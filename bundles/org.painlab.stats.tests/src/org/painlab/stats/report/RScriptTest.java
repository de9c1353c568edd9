package org.painlab.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.stats.plan.AnalysisData;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.plan.Diagnostic;
import org.painlab.stats.plan.SimulatedTrial;
import org.painlab.stats.plan.TestCatalog;
import org.painlab.stats.table.PaperReport;

/** Runs the generated R script with Rscript and compares R's p-values with ours. */
@Tag("R")
class RScriptTest {

    @TempDir
    Path dir;

    @Test
    void rReproducesEveryPValueToOneInABillion() throws Exception {
        Path rscript = findRscript();
        Assumptions.assumeTrue(rscript != null, "Rscript is not on the PATH: the R reproduction test is skipped"
                + " (install r-base-core to run it)");
        AnalysisData data = SimulatedTrial.generate(150, 11);
        // an override and a one-sided test exercise the option translation too
        AnalysisPlan plan = AnalysisPlan.defaultFor(data).toBuilder()
                .override("operation_minutes", org.painlab.stats.plan.TestOverride.of("t-welch"))
                .override("level", org.painlab.stats.plan.TestOverride.of("g-test"))
                .override("pfirrmann", org.painlab.stats.plan.TestOverride.of("linear-by-linear")).build();
        Path script = dir.resolve("tables.R");
        PaperReport report = ReportRunner.run(data, plan, script, TestCatalog.builtin());
        Process p = new ProcessBuilder(rscript.toString(), script.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Rscript did not finish");
        assertEquals(0, p.exitValue(), log);
        List<String> lines = Files.readAllLines(RScriptWriter.resultsFile(script));
        Map<String, double[]> byId = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            byId.put(f[0].replace("\"", ""), new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
        }
        int expected = 0;
        for (ComparisonResult r : report.results()) {
            for (Diagnostic d : r.choice().diagnostics()) {
                expected += d.result() != null ? 1 : 0;
            }
            if (r.hasP()) {
                expected++;
                double[] pr = byId.get(r.id());
                assertTrue(pr != null, "R did not recompute " + r.id() + "\n" + log);
                assertEquals(r.pValue(), pr[0], 1e-9 * Math.max(r.pValue(), 1e-300), r.id() + " (" + r.choice().testId()
                        + ")");
            }
        }
        assertEquals(expected, byId.size(), "every p-value and assumption check is recomputed");
        for (Map.Entry<String, double[]> e : byId.entrySet()) {
            double[] v = e.getValue();
            assertEquals(v[1], v[0], 1e-9 * Math.max(Math.abs(v[1]), 1e-300), e.getKey());
        }
        assertTrue(log.contains("p-values recomputed"), log);
    }

    private static Path findRscript() throws IOException {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            Path candidate = Path.of(d, "Rscript");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
