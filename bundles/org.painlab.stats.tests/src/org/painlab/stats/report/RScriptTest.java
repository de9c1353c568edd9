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
import org.painlab.core.data.SubjectData;
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
        SubjectData data = SimulatedTrial.generate(150, 11);
        // overrides exercise the translation of other tests and options
        AnalysisPlan plan = AnalysisPlan.defaultFor(data).toBuilder()
                .override("operation_minutes", org.painlab.stats.plan.TestOverride.of("t-welch"))
                .override("level", org.painlab.stats.plan.TestOverride.of("g-test"))
                .override("pfirrmann", org.painlab.stats.plan.TestOverride.of("linear-by-linear"))
                .override("blood_loss_ml", new org.painlab.stats.plan.TestOverride("mann-whitney", null,
                        org.painlab.stats.Alternative.GREATER, null, true))
                .build();
        compareWithR(data, plan, "tables.R");
    }

    @Test
    void rReproducesThreeArmsAndThePerProtocolPopulation() throws Exception {
        int n = 90;
        String[] ids = new String[n];
        int[] arm = new int[n];
        boolean[] pp = new boolean[n];
        double[] x = new double[n];
        double[] later = new double[n];
        int[] grade = new int[n];
        int[] sex = new int[n];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            ids[i] = "id,\"" + i;
            arm[i] = i % 3;
            pp[i] = i % 10 != 0;
            x[i] = Math.round((50 + 3 * arm[i] + 8 * rnd.nextGaussian()) * 10) / 10.0;
            later[i] = Math.round((x[i] - 5 - arm[i] + 4 * rnd.nextGaussian()) * 10) / 10.0;
            grade[i] = new int[] {0, 2, 3}[rnd.nextInt(3)]; // grade II stays empty: trend scores keep 1, 3, 4
            sex[i] = rnd.nextInt(2);
        }
        SubjectData data = SubjectData.builder(List.of("低剂量", "B", "C")).subjects(ids, arm)
                .population("ITT", pp.clone()).population("PP", pp)
                .numeric("score", "t0", x).numeric("score", "t1", later)
                .coded("grade", org.painlab.core.data.VariableKind.ORDINAL, List.of("I", "II", "III", "IV"), null, grade)
                .coded("sex", org.painlab.core.data.VariableKind.CATEGORICAL, List.of("男", "女"), null, sex)
                .build();
        AnalysisPlan plan = AnalysisPlan.defaultFor(data).toBuilder().population("PP")
                .override("grade", org.painlab.stats.plan.TestOverride.of("linear-by-linear")).build();
        PaperReport report = compareWithR(data, plan, "three.R");
        ComparisonResult trend = report.table("baseline").result("grade:between");
        assertEquals("linear-by-linear", trend.choice().testId());
        assertEquals(java.util.List.of(1.0, 3.0, 4.0), trend.result().extra("col_scores"));
    }

    private PaperReport compareWithR(SubjectData data, AnalysisPlan plan, String name) throws Exception {
        Path rscript = findRscript();
        Assumptions.assumeTrue(rscript != null, "Rscript is not on the PATH: the R reproduction test is skipped"
                + " (install r-base-core to run it)");
        Path script = dir.resolve(name);
        PaperReport report = ReportRunner.run(data, plan, script, TestCatalog.installed());
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
                assertEquals(r.pValue(), pr[0], 1e-9 * Math.max(r.pValue(), 1e-300), r.id() + " ("
                        + r.choice().testId() + ")");
            }
        }
        assertTrue(expected > 5);
        assertEquals(expected, byId.size(), "every p-value and assumption check is recomputed");
        for (Map.Entry<String, double[]> e : byId.entrySet()) {
            double[] v = e.getValue();
            assertEquals(v[1], v[0], 1e-9 * Math.max(Math.abs(v[1]), 1e-300), e.getKey());
        }
        assertTrue(log.contains("p-values recomputed"), log);
        return report;
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
