package org.painlab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;

/** {@code study results} lists what analyses stored, in the contract's shape; {@code study info} counts them. */
class StudyResultsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void listsStoredResultsWithTheirProvenance() throws Exception {
        Path dir = tmp.resolve("study");
        assertEquals(0, Painlab.run("study", "create", dir.toString()).exitCode());
        Painlab.Result none = Painlab.run("study", "results", dir.toString(), "--json");
        assertEquals(0, none.exitCode(), none.err());
        assertEquals(Map.of("results", List.of()), none.json());

        StoredResult stored;
        try (Study s = Study.open(dir, StudySchemas.contributed())) {
            stored = new ResultStore(s).add(new StoredResult(0, "com.example.analysis", "Example", Map.of("alpha", "0.05"),
                    "ab".repeat(32), Map.of("org.painlab.core", "0.1.0"), null, "dr.wang",
                    Map.of("tables", List.of(Map.of("title", "T1")))));
        }
        Painlab.Result list = Painlab.run("study", "results", dir.toString(), "--json");
        assertEquals(0, list.exitCode(), list.err());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) list.json().get("results");
        assertEquals(1, results.size());
        Map<String, Object> r = results.get(0);
        assertEquals(Long.toString(stored.id()), r.get("id"));
        assertEquals("com.example.analysis", r.get("analysis"));
        assertEquals(Map.of("alpha", "0.05"), r.get("parameters"));
        assertEquals("ab".repeat(32), r.get("inputs_hash"));
        assertEquals(Map.of("org.painlab.core", "0.1.0"), r.get("versions"));
        assertEquals("dr.wang", r.get("by"));
        assertTrue(r.get("created").toString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), r.toString());

        Painlab.Result shown = Painlab.run("study", "results", dir.toString(), "--show", Long.toString(stored.id()), "--json");
        assertEquals(0, shown.exitCode(), shown.err());
        assertEquals(Map.of("tables", List.of(Map.of("title", "T1"))), shown.json().get("body"));

        Painlab.Result info = Painlab.run("study", "info", dir.toString(), "--json");
        assertEquals(1, ((Number) info.json().get("results")).intValue());
    }

    @Test
    void anUnknownResultIsNamed() throws Exception {
        Path dir = tmp.resolve("study");
        assertEquals(0, Painlab.run("study", "create", dir.toString()).exitCode());
        Painlab.Result r = Painlab.run("study", "results", dir.toString(), "--show", "42", "--json");
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("no stored result 42"), r.err());
    }
}
