package org.painlab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;

/** Any contributed analysis runs from the command line, is stored, listed and re-checked. */
class StudyRunCommandTest {
    @TempDir
    Path tmp;

    @Test
    void runsAContributedAnalysisAndStoresIt() {
        Path dir = tmp.resolve("Pilot");
        assertEquals(0, Painlab.run("study", "create", dir.toString()).exitCode());
        Painlab.Result run = Painlab.run("study", "run", dir.toString(), "org.painlab.cli.tests.greeting", "--param",
                "times=2", "--actor", "dr.zhou", "--json");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Object> m = run.json();
        assertEquals("org.painlab.cli.tests.greeting", m.get("analysis"));
        assertEquals(Map.of("times", "2"), m.get("parameters"));
        assertEquals("dr.zhou", m.get("by"));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) m.get("body");
        assertEquals("hello hello Pilot", body.get("greeting"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) Painlab.run("study", "results", dir.toString(), "--json")
                .json().get("results");
        assertEquals(1, listed.size());
        assertEquals(m.get("id"), listed.get(0).get("id"));
        assertTrue(((Map<?, ?>) listed.get(0).get("versions")).containsKey("org.painlab.cli"), listed.toString());

        Painlab.Result check = Painlab.run("study", "results", dir.toString(), "--check", (String) m.get("id"), "--json");
        assertEquals(0, check.exitCode(), check.err());
        assertEquals(Boolean.TRUE, check.json().get("reproduced"));
    }

    @Test
    void badParametersAndUnknownAnalysesAreNamedAndStoreNothing() {
        Path dir = tmp.resolve("Pilot");
        assertEquals(0, Painlab.run("study", "create", dir.toString()).exitCode());
        Painlab.Result bad = Painlab.run("study", "run", dir.toString(), "org.painlab.cli.tests.greeting", "--param", "times=many");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("parameter 'times'") && bad.err().contains("many"), bad.err());
        Painlab.Result unknown = Painlab.run("study", "run", dir.toString(), "com.example.nothing");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown analysis 'com.example.nothing'")
                && unknown.err().contains("org.painlab.cli.tests.greeting"), unknown.err());
        assertEquals(0, ((Number) Painlab.run("study", "info", dir.toString(), "--json").json().get("results")).intValue());
    }
}
