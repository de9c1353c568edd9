package org.painlab.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.core.data.ClusteredObservations;
import org.painlab.stats.ReferenceData;

/** The model comparison analysis on pROC's reference scores, read as clustered observations of one unit each. */
class RocComparisonAnalysisTest {

    private static ClusteredObservations reference() throws Exception {
        List<String> lines = Files.readAllLines(ReferenceData.file("delong/delong_synthetic_scores.csv"));
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] f = line.split(",");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
                ids.add("unit" + ids.size());
            }
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < 3; c++) {
            double[] v = new double[rows.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rows.get(i)[c];
            }
            columns.put(List.of("label", "a", "b").get(c), v);
        }
        return new ClusteredObservations("predictions", "pROC reference", ids, ids, columns);
    }

    @Test
    void oneUnitPerClusterGivesPROCsPairedTestTwice() throws Exception {
        AnalysisResult r = RocComparisonAnalysis.compute(reference(), Map.of());
        List<?> markers = (List<?>) r.body().get("markers");
        assertEquals(2, markers.size());
        Map<?, ?> a = (Map<?, ?>) markers.get(0);
        assertEquals(0.789791666666667, ((Number) a.get("auc")).doubleValue(), 1e-9);
        List<?> ci = (List<?>) a.get("ci95_delong");
        assertEquals(0.69812332930477, ((Number) ci.get(0)).doubleValue(), 1e-9, "pROC ci95_a_lo");
        assertEquals(a.get("se_delong"), a.get("se_clustered"), "one unit per cluster: Obuchowski is DeLong");
        Map<?, ?> pair = (Map<?, ?>) ((List<?>) r.body().get("comparisons")).get(0);
        double p = ((Number) ((Map<?, ?>) pair.get("delong")).get("p_value")).doubleValue();
        assertEquals(2.64136864764922e-05, p, 1e-9 * 2.64136864764922e-05, "pROC p_two_sided");
        assertEquals(p, ((Number) ((Map<?, ?>) pair.get("clustered")).get("p_value")).doubleValue(), 1e-12 * p);
        assertTrue(r.body().containsKey("tables"));
    }

    @Test
    void aLabelThatIsNotBinaryNamesTheObservation() throws Exception {
        ClusteredObservations bad = new ClusteredObservations("predictions", "", List.of("p1", "p2", "p3"),
                List.of("v1", "v2", "v3"), Map.of("label", new double[] {0, 2, 1}, "m", new double[] {1, 2, 3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RocComparisonAnalysis.compute(bad, Map.of()));
        assertTrue(e.getMessage().contains("v2") && e.getMessage().contains("label"), e.getMessage());
    }
}
