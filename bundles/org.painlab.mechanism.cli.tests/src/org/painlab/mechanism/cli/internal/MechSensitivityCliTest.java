package org.painlab.mechanism.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;

/** {@code painlab mech sensitivity|scan} on the test elimination model A(t) = 10 e^(−k t) (dose only acts as an intervention). */
class MechSensitivityCliTest {
    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void sobolPrintsIndicesPerParameterAsJson() {
        Painlab.Result r = Painlab.run("mech", "sensitivity", "test-decay", "--method", "sobol", "--samples", "256", "--output", "A",
                "--duration", "10", "--steps", "10", "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> j = r.json();
        assertEquals("sobol", j.get("method"));
        assertEquals("A", j.get("output"));
        assertEquals(256 * 4, ((Number) j.get("evaluations")).intValue());
        List<Map<String, Object>> ps = (List<Map<String, Object>>) j.get("parameters");
        // default ranges: every constant non-zero parameter ±50%: k and dose
        assertEquals(List.of("k", "dose"), ps.stream().map(p -> p.get("id")).toList());
        // A(10) depends on k alone: S1 = ST = 1 for k, 0 for dose (0.08: about three standard errors at N = 256)
        assertEquals(1, ((Number) ps.get(0).get("ST")).doubleValue(), 0.08);
        assertEquals(1, ((Number) ps.get(0).get("S1")).doubleValue(), 0.08);
        assertEquals(0, ((Number) ps.get(1).get("ST")).doubleValue(), 1e-9);
        assertEquals(2, ((List<?>) ps.get(0).get("S1_conf")).size());
        assertTrue(r.out().strip().startsWith("{") && r.out().strip().endsWith("}"), "one JSON object on stdout");
    }

    @Test
    @SuppressWarnings("unchecked")
    void morrisWithStudyStoresTheResultWithProvenance() {
        Path dir = tmp.resolve("study");
        assertEquals(0, Painlab.run("study", "create", dir.toString()).exitCode());
        Painlab.Result r = Painlab.run("mech", "sensitivity", "test-decay", "--method", "morris", "--samples", "10", "--output",
                "A:auc", "--param", "k=0.1:0.3", "--duration", "10", "--steps", "20", "--seed", "4", "--study", dir.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        List<Map<String, Object>> ps = (List<Map<String, Object>>) r.json().get("parameters");
        assertEquals("k", ps.get(0).get("id"));
        // the AUC of 10 e^(−kt) over 10 days falls as k grows
        assertTrue(((Number) ps.get(0).get("mu")).doubleValue() < 0, ps.toString());
        Painlab.Result results = Painlab.run("study", "results", dir.toString(), "--json");
        assertEquals(0, results.exitCode(), results.err());
        List<Map<String, Object>> stored = (List<Map<String, Object>>) results.json().get("results");
        assertEquals(1, stored.size());
        assertEquals("org.painlab.mechanism.sensitivity", stored.get(0).get("analysis"));
        Map<String, Object> params = (Map<String, Object>) stored.get(0).get("parameters");
        assertEquals("test-decay", params.get("model"));
        assertEquals("k=0.1:0.3", params.get("parameters"));
        assertEquals("4", params.get("seed"));
        assertEquals(String.valueOf(r.json().get("result_id")), String.valueOf(stored.get(0).get("id")));
    }

    @Test
    void badRangesAreNamed() {
        Painlab.Result r = Painlab.run("mech", "sensitivity", "test-decay", "--method", "morris", "--param", "k=0.3:0.1", "--json");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("parameter 'k'") && r.err().contains("LOW < HIGH"), r.err());
        r = Painlab.run("mech", "sensitivity", "test-decay", "--param", "kel=0:1");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("no parameter 'kel'"), r.err());
        r = Painlab.run("mech", "sensitivity", "test-decay", "--output", "B:max");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("no variable 'B'"), r.err());
        r = Painlab.run("mech", "sensitivity", "test-decay", "--method", "fast");
        assertTrue(r.exitCode() != 0 && r.err().contains("fast"), r.err());
    }

    @Test
    void scanWritesTheGrid() throws Exception {
        Path out = tmp.resolve("scan.csv");
        Painlab.Result r = Painlab.run("mech", "scan", "test-decay", "--param", "k=0.1:0.3:3", "--output", "A", "--duration", "10",
                "--steps", "10", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("k,A", lines.get(0));
        assertEquals(4, lines.size());
        double[] k = {0.1, 0.2, 0.3};
        for (int i = 0; i < 3; i++) {
            String[] f = lines.get(i + 1).split(",");
            assertEquals(k[i], Double.parseDouble(f[0]), 1e-12);
            assertEquals(10 * Math.exp(-k[i] * 10), Double.parseDouble(f[1]), 1e-5, "A(10) at k = " + k[i]);
        }
        Painlab.Result bad = Painlab.run("mech", "scan", "test-decay", "--param", "k=0.1:0.3", "--out", out.toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("p=LOW:HIGH:N"), bad.err());
    }
}
