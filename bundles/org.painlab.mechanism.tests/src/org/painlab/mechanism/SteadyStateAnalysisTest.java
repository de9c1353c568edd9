package org.painlab.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.painlab.core.StudyException;
import org.painlab.mechanism.steady.SteadyStateAnalysis;

/** A steady state as a stored analysis: the septic Reynolds outcome with its stability, states and defaults filled in. */
class SteadyStateAnalysisTest {
    @Test
    @SuppressWarnings("unchecked")
    void theSepticReynoldsSteadyStateIsAStoredBody() throws Exception {
        Map<String, String> p = SteadyStateAnalysis.effective(Map.of(SteadyStateAnalysis.MODEL, "reynolds2006-inflammation",
                SteadyStateAnalysis.SET, "k_pg=0.6", SteadyStateAnalysis.METHOD, "integrate"));
        assertEquals("1e-9", p.get(SteadyStateAnalysis.TOLERANCE), "defaults are stored");
        var result = new SteadyStateAnalysis().run(null, p, null);
        Map<String, Object> body = result.body();
        assertEquals("reynolds2006-inflammation", body.get("model"));
        assertEquals("stable", body.get("stability"));
        List<Map<String, Object>> states = (List<Map<String, Object>>) body.get("states");
        double pth = (Double) states.stream().filter(s -> "Pth".equals(s.get("id"))).findFirst().orElseThrow().get("value");
        // the septic equilibrium of Reynolds et al. (k_pg = 0.6): pathogen about 4.9 (as mech steady gives it)
        assertEquals(4.9, pth, 0.05);
        assertEquals(4, ((List<?>) body.get("eigenvalues")).size());
        assertEquals(Map.of("k_pg", 0.6), body.get("set"));
        assertTrue(result.title().startsWith("Steady state of "), result.title());
        assertTrue(result.inputs().containsKey("model_sbml_sha256"));
        List<Map<String, Object>> tables = (List<Map<String, Object>>) body.get("tables");
        assertEquals(List.of("Variable", "value", "rate", "note"), tables.get(0).get("header"));
        StudyException bad = assertThrows(StudyException.class, () -> new SteadyStateAnalysis().run(null,
                Map.of(SteadyStateAnalysis.MODEL, "reynolds2006-inflammation", SteadyStateAnalysis.METHOD, "bisect"), null));
        assertTrue(bad.getMessage().contains("'bisect'"), bad.getMessage());
        bad = assertThrows(StudyException.class, () -> new SteadyStateAnalysis().run(null,
                Map.of(SteadyStateAnalysis.MODEL, "reynolds2006-inflammation", SteadyStateAnalysis.GUESS, "Pth"), null));
        assertTrue(bad.getMessage().contains("guess 'Pth'"), bad.getMessage());
    }
}
