package org.painlab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.link.LinkTargets;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;

/** {@code study links} lists an item's links and backlinks with the other ends' labels, gone and broken ones included. */
class StudyLinksCommandTest {
    @TempDir
    Path tmp;

    private static StoredResult result(Study s, String title) throws Exception {
        return new ResultStore(s).add(new StoredResult(0, "com.example.analysis", title, Map.of(), "ab".repeat(32),
                Map.of("org.painlab.core", "0.1.0"), null, "dr.wang", Map.of()));
    }

    @Test
    void listsLinksAndBacklinksOfAnItem() throws Exception {
        Path dir = tmp.resolve("study");
        assertEquals(0, Painlab.run("study", "create", dir.toString()).exitCode());
        StoredResult a;
        StoredResult b;
        try (Study s = Study.open(dir, StudySchemas.contributed())) {
            a = result(s, "Primary outcome");
            b = result(s, "Sensitivity analysis");
            new LinkTargets().link(s, "result", Long.toString(b.id()), "result", Long.toString(a.id()), "dr.wang");
            // links whose other end is gone (a deleted result) or whose plug-in is not installed: stored by an
            // older study or another installation, they are listed with the reason instead of a label
            s.transaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO item_link(from_type, from_key, to_type, to_key, created_at) VALUES "
                            + "('result', '" + a.id() + "', 'result', '999', CURRENT_TIMESTAMP), "
                            + "('com.example.gadget', 'g1', 'result', '" + a.id() + "', CURRENT_TIMESTAMP)");
                }
                return null;
            });
        }
        Painlab.Result r = Painlab.run("study", "links", dir.toString(), "result", Long.toString(a.id()), "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("result", r.json().get("type"));
        assertEquals(Long.toString(a.id()), r.json().get("key"));
        assertEquals("Result " + a.id() + ": Primary outcome", r.json().get("label"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> links = (List<Map<String, Object>>) r.json().get("links");
        assertEquals(3, links.size(), links.toString());
        assertEquals(Map.of("direction", "from", "type", "result", "key", Long.toString(b.id()), "label",
                "Result " + b.id() + ": Sensitivity analysis"), links.get(0));
        assertEquals(Map.of("direction", "to", "type", "result", "key", "999", "label", "(gone)"), links.get(1));
        assertEquals("from", links.get(2).get("direction"));
        assertTrue(links.get(2).get("label").toString().startsWith("(unknown link target 'com.example.gadget'; installed: "),
                links.get(2).toString());

        Painlab.Result text = Painlab.run("study", "links", dir.toString(), "result", Long.toString(b.id()));
        assertEquals(0, text.exitCode(), text.err());
        assertEquals(List.of("result:" + b.id() + "  Result " + b.id() + ": Sensitivity analysis",
                "to result:" + a.id() + "  Result " + a.id() + ": Primary outcome"), text.out().lines().toList());
    }

    @Test
    void anUnknownTypeNamesTheInstalledOnes() throws Exception {
        Path dir = tmp.resolve("study");
        assertEquals(0, Painlab.run("study", "create", dir.toString()).exitCode());
        Painlab.Result r = Painlab.run("study", "links", dir.toString(), "gadget", "1", "--json");
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("unknown link target 'gadget'") && r.err().contains("result"), r.err());
    }
}
