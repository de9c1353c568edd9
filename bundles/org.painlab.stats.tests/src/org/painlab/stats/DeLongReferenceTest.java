package org.painlab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.painlab.stats.internal.tests.RocDeLongTest;

/**
 * The paired DeLong test against pROC 1.18.0 on the two data sets of shared/reference/delong
 * (one with many ties across classes). The CSV values are printed with 15 significant digits,
 * so the comparison is relative 1e-9 like the other reference tests.
 */
class DeLongReferenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "delong_synthetic_scores.csv, delong_reference_pROC.csv",
        "delong_ties_scores.csv, delong_ties_reference_pROC.csv"
    })
    void pairedTestMatchesPROC(String scoresFile, String referenceFile) throws IOException {
        List<String> lines = Files.readAllLines(ReferenceData.file("delong/" + scoresFile));
        List<Object> label = new ArrayList<>();
        List<Object> a = new ArrayList<>();
        List<Object> b = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            label.add(Integer.parseInt(f[0].trim()));
            a.add(Double.parseDouble(f[1].trim()));
            b.add(Double.parseDouble(f[2].trim()));
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("label", label);
        input.put("marker1", a);
        input.put("marker2", b);
        TestResult r = new RocDeLongTest().run(TestInput.of(input), TestOptions.defaults());

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
        if (ref.containsKey("ci95_a_lo")) {
            List<?> ciA = (List<?>) r.extra("ci95_auc1");
            List<?> ciB = (List<?>) r.extra("ci95_auc2");
            close(ref.get("ci95_a_lo"), (Double) ciA.get(0), "ci95_a_lo");
            close(ref.get("ci95_a_hi"), (Double) ciA.get(1), "ci95_a_hi");
            close(ref.get("ci95_b_lo"), (Double) ciB.get(0), "ci95_b_lo");
            close(ref.get("ci95_b_hi"), (Double) ciB.get(1), "ci95_b_hi");
        }
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }
}
