package org.painlab.stats.internal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.painlab.stats.ReferenceData;
import org.painlab.stats.StatisticalTests;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.ClusteredRoc;

/**
 * The clustered ROC test (Obuchowski 1997): with one unit per cluster it is DeLong, checked on the
 * pROC references of shared/reference/delong (relative 1e-9); with real clusters it matches the
 * formulas written out independently in R (pairwise kernel, no sorting), run when Rscript exists.
 */
class RocClusteredTestTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "delong_synthetic_scores.csv, delong_reference_pROC.csv",
        "delong_ties_scores.csv, delong_ties_reference_pROC.csv"
    })
    void singletonClustersGivePROCsDeLong(String scoresFile, String referenceFile) throws IOException {
        List<String> lines = Files.readAllLines(ReferenceData.file("delong/" + scoresFile));
        List<Object> label = new ArrayList<>();
        List<Object> a = new ArrayList<>();
        List<Object> b = new ArrayList<>();
        List<Object> cluster = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            label.add(Integer.parseInt(f[0].trim()));
            a.add(Double.parseDouble(f[1].trim()));
            b.add(Double.parseDouble(f[2].trim()));
            cluster.add("patient-" + cluster.size());
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("label", label);
        input.put("marker1", a);
        input.put("marker2", b);
        input.put("cluster", cluster);
        TestResult r = new RocClusteredTest().run(TestInput.of(input), TestOptions.defaults());
        Map<String, Double> ref = new HashMap<>();
        List<String> refLines = Files.readAllLines(ReferenceData.file("delong/" + referenceFile));
        for (String line : refLines.subList(1, refLines.size())) {
            String[] f = line.split(",");
            ref.put(f[0].replace("\"", "").trim(), Double.parseDouble(f[1].trim()));
        }
        close(ref.get("auc_a"), r.extraDouble("auc1"), "auc_a");
        close(ref.get("auc_b"), r.extraDouble("auc2"), "auc_b");
        close(ref.get("var_auc_a"), r.extraDouble("var_auc1"), "var_auc_a");
        close(ref.get("var_auc_b"), r.extraDouble("var_auc2"), "var_auc_b");
        close(ref.get("cov_ab"), r.extraDouble("cov"), "cov_ab");
        close(ref.get("z"), r.statistic(), "z");
        close(ref.get("p_two_sided"), r.pValue(), "p_two_sided");
        assertEquals(r.extraDouble("var_auc1_delong"), r.extraDouble("var_auc1"), 1e-15,
                "one unit per cluster: Obuchowski's variance is DeLong's");
    }

    @Test
    void clustersWidenTheIntervalWhenUnitsOfAPatientAgree() {
        // the same units twice as two volumes of one patient: perfectly correlated within clusters
        Random rnd = new Random(11);
        List<Object> label = new ArrayList<>();
        List<Object> x = new ArrayList<>();
        List<Object> single = new ArrayList<>();
        List<Object> paired = new ArrayList<>();
        for (int p = 0; p < 40; p++) {
            int l = p % 2;
            double v = rnd.nextGaussian() + l;
            for (int copy = 0; copy < 2; copy++) {
                label.add(l);
                x.add(v);
                single.add(p + "-" + copy);
                paired.add("p" + p);
            }
        }
        double varIndependent = new RocClusteredTest().run(TestInput.of(Map.of("label", label, "x", x, "cluster", single)),
                TestOptions.defaults()).extraDouble("var_auc1");
        double varClustered = new RocClusteredTest().run(TestInput.of(Map.of("label", label, "x", x, "cluster", paired)),
                TestOptions.defaults()).extraDouble("var_auc1");
        assertTrue(varClustered > 1.7 * varIndependent, "duplicated units must not look like twice the information: "
                + varClustered + " vs " + varIndependent);
    }

    @Test
    void registeredAsRocClustered() {
        assertTrue(new StatisticalTests().find("roc-clustered").isPresent());
    }

    @Test
    void refusesTooFewClusters() {
        Map<String, Object> in = Map.of("label", List.of(1, 1, 0, 0), "x", List.of(0.9, 0.8, 0.1, 0.2), "cluster",
                List.of("a", "a", "b", "b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RocClusteredTest().run(TestInput.of(in), TestOptions.defaults()));
        assertTrue(e.getMessage().contains("cluster"), e.getMessage());
    }

    @Test
    void matchesObuchowskisFormulasWrittenInR() throws Exception {
        Path rscript = findRscript();
        Assumptions.assumeTrue(rscript != null, "Rscript is not on the PATH: the independent R computation is skipped");
        Random rnd = new Random(20261202);
        int[] label = new int[0];
        List<Integer> labels = new ArrayList<>();
        List<Double> m1 = new ArrayList<>();
        List<Double> m2 = new ArrayList<>();
        List<String> clusters = new ArrayList<>();
        StringBuilder csv = new StringBuilder("label,m1,m2,cluster\n");
        for (int p = 0; p < 35; p++) {
            int size = 1 + rnd.nextInt(5);
            double effect = rnd.nextGaussian();
            double share = rnd.nextDouble();
            for (int u = 0; u < size; u++) {
                int l = rnd.nextDouble() < share ? 1 : 0;
                // rounding makes ties across classes
                double a = Math.round((effect + 1.2 * l + rnd.nextGaussian()) * 4) / 4.0;
                double b = Math.round((0.5 * effect + 0.6 * l + rnd.nextGaussian()) * 4) / 4.0;
                labels.add(l);
                m1.add(a);
                m2.add(b);
                clusters.add("P" + p);
                csv.append(l).append(',').append(a).append(',').append(b).append(",P").append(p).append('\n');
            }
        }
        label = labels.stream().mapToInt(Integer::intValue).toArray();
        Path data = tmp.resolve("clustered.csv");
        Files.writeString(data, csv.toString());
        Path script = tmp.resolve("obuchowski.R");
        Files.writeString(script, R_SCRIPT);
        Process proc = new ProcessBuilder(rscript.toString(), script.toString(), data.toString()).redirectErrorStream(true)
                .start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS), "Rscript did not finish");
        assertEquals(0, proc.exitValue(), out);
        Map<String, Double> r = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[0].matches("[a-z0-9_]+")) {
                r.put(f[0], Double.parseDouble(f[1]));
            }
        }
        String[] cl = clusters.toArray(String[]::new);
        ClusteredRoc a = ClusteredRoc.of(m1.stream().mapToDouble(Double::doubleValue).toArray(), label, cl);
        ClusteredRoc b = ClusteredRoc.of(m2.stream().mapToDouble(Double::doubleValue).toArray(), label, cl);
        close(r.get("auc1"), a.auc(), "auc1");
        close(r.get("auc2"), b.auc(), "auc2");
        close(r.get("var1"), a.variance(), "var1");
        close(r.get("var2"), b.variance(), "var2");
        close(r.get("cov12"), a.covariance(b), "cov12");
        close(r.get("cov12"), b.covariance(a), "cov21");
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }

    private static Path findRscript() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(d, "Rscript");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Obuchowski (1997) eqs. written from the paper: kernel over all pairs, sums per cluster. */
    private static final String R_SCRIPT = String.join("\n",
            "args <- commandArgs(trailingOnly = TRUE)",
            "d <- read.csv(args[1], stringsAsFactors = FALSE)",
            "psi <- function(x, y) (x > y) + 0.5 * (x == y)",
            "ks <- unique(d$cluster)",
            "I <- length(ks)",
            "comp <- function(s) {",
            "  cs <- which(d$label == 1); ct <- which(d$label == 0)",
            "  P <- outer(s[cs], s[ct], psi)",
            "  N1 <- length(cs); N0 <- length(ct)",
            "  theta <- sum(P) / (N1 * N0)",
            "  v10 <- rowSums(P) / N0; v01 <- colSums(P) / N1",
            "  V10 <- sapply(ks, function(k) sum(v10[d$cluster[cs] == k]))",
            "  V01 <- sapply(ks, function(k) sum(v01[d$cluster[ct] == k]))",
            "  m <- sapply(ks, function(k) sum(d$cluster[cs] == k))",
            "  n <- sapply(ks, function(k) sum(d$cluster[ct] == k))",
            "  list(theta = theta, A = V10 - m * theta, B = V01 - n * theta, N1 = N1, N0 = N0,",
            "       I10 = sum(m > 0), I01 = sum(n > 0))",
            "}",
            "covar <- function(a, b) {",
            "  S10 <- a$I10 / ((a$I10 - 1) * a$N1) * sum(a$A * b$A)",
            "  S01 <- a$I01 / ((a$I01 - 1) * a$N0) * sum(a$B * b$B)",
            "  S11 <- I / (I - 1) * sum(a$A * b$B)",
            "  S11r <- I / (I - 1) * sum(b$A * a$B)",
            "  S10 / a$N1 + S01 / a$N0 + (S11 + S11r) / (a$N1 * a$N0)",
            "}",
            "a <- comp(d$m1); b <- comp(d$m2)",
            "w <- function(k, v) cat(k, format(v, digits = 17), '\\n')",
            "w('auc1', a$theta); w('auc2', b$theta)",
            "w('var1', covar(a, a)); w('var2', covar(b, b)); w('cov12', covar(a, b))",
            "");
}
