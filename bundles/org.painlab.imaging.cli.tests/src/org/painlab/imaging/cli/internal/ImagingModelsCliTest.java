package org.painlab.imaging.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Json;
import org.painlab.cli.Painlab;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.evaluate.CrossValidationAnalysis;

import picocli.CommandLine;

/** {@code painlab imaging train|compare} on a study with synthetic feature tables, through the command tree. */
class ImagingModelsCliTest {
    @TempDir
    Path tmp;
    Path study;

    @BeforeEach
    void newStudy() {
        study = tmp.resolve("study");
        Painlab.Result r = Painlab.run("study", "create", study.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    /** 30 patients x 4 volumes; two features carry the label, shifted per patient so volumes of one patient agree. */
    private Path table(double signal, long seed) throws Exception {
        Random rnd = new Random(seed);
        StringBuilder csv = new StringBuilder("case,patient,label,glcm_joint_avg,intensity_mean,noise_0,noise_1,noise_2\n");
        for (int p = 0; p < 30; p++) {
            int label = p % 2;
            double effect = rnd.nextGaussian();
            for (int v = 0; v < 4; v++) {
                csv.append("P").append(p).append("-V").append(v).append(",P").append(p).append(',').append(label);
                csv.append(',').append(effect + signal * label + 0.5 * rnd.nextGaussian());
                csv.append(',').append(0.5 * effect + 0.5 * signal * label + rnd.nextGaussian());
                for (int k = 0; k < 3; k++) {
                    csv.append(',').append(rnd.nextGaussian());
                }
                csv.append('\n');
            }
        }
        Path f = tmp.resolve("features-" + seed + ".csv");
        Files.writeString(f, csv.toString());
        return f;
    }

    @Test
    void trainStoresOutOfFoldPredictionsAndTheModel() throws Exception {
        Path features = table(3.0, 1);
        Painlab.Result r = Painlab.run("imaging", "train", study.toString(), "--model", "rf", "--folds", "5", "--seed", "3",
                "--set", "trees=60", "--cases", features.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        Map<?, ?> metrics = (Map<?, ?>) m.get("metrics");
        assertTrue(num(metrics.get("auc")) > 0.9, "separable: " + metrics);
        assertEquals(120, num(m.get("n_cases")));
        assertEquals(30, num(m.get("n_patients")));
        assertTrue(Files.size(study.resolve(m.get("model_file").toString())) > 1000, "model saved: " + m.get("model_file"));
        Map<String, Object> foldOf = new HashMap<>();
        for (Object o : (List<?>) m.get("predictions")) {
            Map<?, ?> p = (Map<?, ?>) o;
            Object held = foldOf.putIfAbsent(p.get("patient").toString(), p.get("fold"));
            assertTrue(held == null || held.equals(p.get("fold")), "a patient's volumes are in one fold: " + p);
        }
        Painlab.Result results = Painlab.run("study", "results", study.toString(), "--json");
        assertTrue(results.out().contains(CrossValidationAnalysis.ID), results.out());
        // the stored result re-runs to the same numbers (seeded folds and forests)
        Painlab.Result check = Painlab.run("study", "results", study.toString(), "--check", m.get("result_id").toString(),
                "--json");
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertEquals(Boolean.TRUE, check.json().get("reproduced"));

        // the saved model grades new patients without retraining
        Painlab.Result graded = Painlab.run("imaging", "grade", study.toString(), "--model", "rf", "--cases",
                table(3.0, 9).toString(), "--json");
        assertEquals(0, graded.exitCode(), graded.err());
        List<?> rows = (List<?>) graded.json().get("cases");
        assertEquals(120, rows.size());
        int right = 0;
        for (Object o : rows) {
            Map<?, ?> row = (Map<?, ?>) o;
            int label = Integer.parseInt(row.get("patient").toString().substring(1)) % 2;
            right += num(row.get("grade")) == label ? 1 : 0;
        }
        assertTrue(right > 100, right + " of 120 new volumes graded right");
        Painlab.Result volume = Painlab.run("imaging", "grade", study.toString(), features.toString(), "--model", "rf",
                "--json");
        assertEquals(1, volume.exitCode());
        assertTrue(volume.err().contains("--cases"), "a forest on features needs features: " + volume.err());
    }

    @Test
    void gradeWithoutASavedModelSaysWhatToDo() throws Exception {
        Painlab.Result r = Painlab.run("imaging", "grade", study.toString(), "--model", "rf", "--cases",
                table(1.0, 3).toString(), "--json");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("imaging train"), r.err());
    }

    @Test
    void compareGivesDeLongAndClusteredTestsOfTwoModels() throws Exception {
        Path features = table(1.2, 2);
        Painlab.Result rf = Painlab.run("imaging", "train", study.toString(), "--model", "rf", "--seed", "5",
                "--set", "trees=60", "--cases", features.toString(), "--json");
        assertEquals(0, rf.exitCode(), rf.err());
        // the lab's one-feature score on a feature that varies with the patient as well as the label
        Painlab.Result own = Painlab.run("imaging", "train", study.toString(), "--model", "test-threshold", "--seed", "5",
                "--set", "feature=intensity_mean", "--cases", features.toString(), "--json");
        assertEquals(0, own.exitCode(), own.err());
        assertEquals("intensity_mean", ((Map<?, ?>) own.json().get("parameters")).get("feature"), "parameters stored");
        Painlab.Result c = Painlab.run("imaging", "compare", study.toString(), "--json");
        assertEquals(0, c.exitCode(), c.err());
        Map<String, Object> m = c.json();
        List<?> markers = (List<?>) m.get("markers");
        assertEquals(2, markers.size(), markers.toString());
        assertEquals(30, num(m.get("clusters")));
        for (Object o : markers) {
            Map<?, ?> k = (Map<?, ?>) o;
            List<?> ci = (List<?>) k.get("ci95_delong");
            assertTrue(num(ci.get(0)) < num(k.get("auc")) && num(k.get("auc")) < num(ci.get(1)), k.toString());
            // four volumes of one patient carry less than four patients' information
            assertTrue(num(k.get("se_clustered")) > num(k.get("se_delong")), k.toString());
        }
        Map<?, ?> pair = (Map<?, ?>) ((List<?>) m.get("comparisons")).get(0);
        double pDeLong = num(((Map<?, ?>) pair.get("delong")).get("p_value"));
        double pClustered = num(((Map<?, ?>) pair.get("clustered")).get("p_value"));
        assertTrue(pDeLong > 0 && pDeLong <= 1 && pClustered > 0 && pClustered <= 1, pair.toString());
        Painlab.Result results = Painlab.run("study", "results", study.toString(), "--json");
        assertTrue(results.out().contains("org.painlab.stats.rocComparison"), results.out());
        Painlab.Result check = Painlab.run("study", "results", study.toString(), "--check", m.get("result_id").toString(),
                "--json");
        assertEquals(Boolean.TRUE, check.json().get("reproduced"), check.out() + check.err());
    }

    @Test
    void compareWithoutModelsSaysWhatToDo() {
        Painlab.Result c = Painlab.run("imaging", "compare", study.toString(), "--json");
        assertEquals(1, c.exitCode());
        assertTrue(c.err().contains("imaging train"), c.err());
    }

    @Test
    void badFeatureTableNamesFileLineAndColumn() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "case,patient,label,f1\nA,P1,0,1.5\nB,P2,yes,2.5\n");
        Painlab.Result r = Painlab.run("imaging", "train", study.toString(), "--model", "rf", "--seed", "1", "--cases",
                bad.toString(), "--json");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("line 3") && r.err().contains("label"), r.err());
        Painlab.Result results = Painlab.run("study", "results", study.toString(), "--json");
        assertTrue(!results.out().contains(CrossValidationAnalysis.ID), "nothing stored: " + results.out());
    }

    @Test
    void trainReadsTheStudysCasesThroughItsCaseSource() throws Exception {
        // the study's own cases come through CrossValidationAnalysis' case source (the imaging store in the product)
        List<Case> cases = new ArrayList<>();
        Random rnd = new Random(4);
        for (int p = 0; p < 20; p++) {
            for (int v = 0; v < 3; v++) {
                Map<String, Double> f = new LinkedHashMap<>();
                f.put("a", rnd.nextGaussian() + 3 * (p % 2));
                f.put("b", rnd.nextGaussian());
                cases.add(new Case("C" + p + "-" + v, "P" + p, p % 2, f, () -> null, () -> null));
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ImagingTrainCommand(new CrossValidationAnalysis(s -> cases)));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(study.toString(), "--model", "rf", "--folds", "4", "--seed", "1", "--set", "trees=40", "--json");
        assertEquals(0, code, err.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> m = new Json().mapper().readValue(out.toString(), Map.class);
        assertEquals(60, num(m.get("n_cases")));
        assertTrue(num(((Map<?, ?>) m.get("metrics")).get("auc")) > 0.9, m.get("metrics").toString());
    }
}
