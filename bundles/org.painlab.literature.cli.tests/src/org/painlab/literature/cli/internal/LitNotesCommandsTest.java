package org.painlab.literature.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;

/** {@code painlab lit note|tag|collection} and the tag filter of {@code lit search}, as a user runs them. */
class LitNotesCommandsTest {
    private static final String RIS = """
            TY  - JOUR
            AU  - Wang, Li
            TI  - Exosomes in chronic pain: mechanisms of neuroinflammation
            PY  - 2023
            ER  -\s

            TY  - JOUR
            AU  - 张三
            TI  - 外泌体在神经病理性疼痛中的作用研究进展
            PY  - 2023
            LA  - zh
            ER  -\s
            """;

    @TempDir
    Path tmp;

    private Path library() throws Exception {
        Path dir = tmp.resolve("study");
        assertEquals(0, Painlab.run("study", "create", dir.toString()).exitCode());
        Path ris = tmp.resolve("lib.ris");
        Files.writeString(ris, RIS);
        Painlab.Result r = Painlab.run("lit", "import", dir.toString(), ris.toString());
        assertEquals(0, r.exitCode(), r.err());
        return dir;
    }

    @Test
    @SuppressWarnings("unchecked")
    void notesAreWrittenLinkedTaggedAndFound() throws Exception {
        Path dir = library();
        Path md = tmp.resolve("note.md");
        Files.writeString(md, "# 要点\n\n外泌体 lowered VAS scores.");
        Painlab.Result add = Painlab.run("lit", "note", "add", dir.toString(), "--on", "ref2023", "--file", md.toString(),
                "--tag", "method", "--link", "reference:wang2023", "--json");
        assertEquals(0, add.exitCode(), add.err());
        Map<String, Object> n = add.json();
        assertEquals("n1", n.get("key"));
        assertEquals("ref2023", n.get("reference"));
        assertEquals(List.of("method"), n.get("tags"));
        List<Map<String, Object>> links = (List<Map<String, Object>>) n.get("links");
        assertEquals("to", links.get(0).get("direction"));
        assertEquals("wang2023", links.get(0).get("key"));
        assertTrue(((String) links.get(0).get("label")).startsWith("Wang (2023) Exosomes"), links.toString());

        Painlab.Result bad = Painlab.run("lit", "note", "add", dir.toString(), "--text", "x", "--link", "subject:S99");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("subject"), bad.err());
        Map<String, Object> list = Painlab.run("lit", "note", "list", dir.toString(), "--json").json();
        assertEquals(1, ((List<?>) list.get("notes")).size(), "a note with a bad link is not stored");

        Painlab.Result edit = Painlab.run("lit", "note", "edit", dir.toString(), "n1", "--title", "Main point", "--json");
        assertEquals(0, edit.exitCode(), edit.err());
        assertEquals("Main point", edit.json().get("title"));
        Painlab.Result show = Painlab.run("lit", "note", "show", dir.toString(), "n1");
        assertTrue(show.out().contains("外泌体 lowered VAS") && show.out().contains("tags: method"), show.out());

        Map<String, Object> tagged = Painlab.run("lit", "tag", dir.toString(), "wang2023", "--add", "review", "--add", "to-read",
                "--json").json();
        assertEquals(List.of("review", "to-read"), tagged.get("tags"));
        assertEquals(List.of("review"), Painlab.run("lit", "tag", dir.toString(), "wang2023", "--remove", "to-read", "--json")
                .json().get("tags"));
        assertEquals(Map.of("method", 1, "review", 1), Painlab.run("lit", "tag", dir.toString(), "--json").json().get("tags"));
        assertEquals(1, Painlab.run("lit", "tag", dir.toString(), "none1999", "--add", "x").exitCode());

        Map<String, Object> found = Painlab.run("lit", "search", dir.toString(), "VAS", "--json").json();
        List<Map<String, Object>> hits = (List<Map<String, Object>>) found.get("hits");
        assertEquals("n1", hits.get(0).get("key"));
        assertEquals("note", hits.get(0).get("kind"));
        Map<String, Object> filtered = Painlab.run("lit", "search", dir.toString(), "exosomes OR 外泌体", "--tag", "review", "--json").json();
        assertEquals(List.of("wang2023"), ((List<Map<String, Object>>) filtered.get("hits")).stream().map(h -> h.get("key")).toList());

        assertEquals(0, Painlab.run("lit", "note", "delete", dir.toString(), "n1", "--reason", "merged").exitCode());
        assertEquals(1, Painlab.run("lit", "note", "show", dir.toString(), "n1").exitCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void collectionsNest() throws Exception {
        Path dir = library();
        assertEquals(0, Painlab.run("lit", "collection", "create", dir.toString(), "Exosome review").exitCode());
        Painlab.Result inner = Painlab.run("lit", "collection", "create", dir.toString(), "Included", "--in", "exosome-review");
        assertEquals(0, inner.exitCode(), inner.err());
        Map<String, Object> out = Painlab.run("lit", "collection", "add", dir.toString(), "included", "wang2023", "ref2023", "--json").json();
        List<Map<String, Object>> cs = (List<Map<String, Object>>) out.get("collections");
        assertEquals("included", cs.get(1).get("key"));
        assertEquals("exosome-review", cs.get(1).get("parent"));
        assertEquals(List.of("ref2023", "wang2023"), cs.get(1).get("references"));
        Painlab.Result text = Painlab.run("lit", "collection", "list", dir.toString());
        assertTrue(text.out().contains("  included  Included  (2)"), text.out());
        Painlab.Result missing = Painlab.run("lit", "collection", "add", dir.toString(), "nope", "wang2023");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("'nope'"), missing.err());
        assertEquals(2, Painlab.run("lit", "collection").exitCode(), "the group alone asks which subcommand");
    }
}
