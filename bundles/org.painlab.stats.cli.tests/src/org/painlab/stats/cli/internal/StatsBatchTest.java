package org.painlab.stats.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;
import org.painlab.core.io.JsonText;

/** {@code stats test --batch}: one answer per line, in order, errors by line number, good lines still answered. */
class StatsBatchTest {
    private static final String WELCH = "\"x\": [5.1, 4.8, 6.2, 5.7, 6, 5.4, 4.9, 5.8, 6.3, 5.5],"
            + " \"y\": [6.4, 5.9, 7.8, 6.1, 7.2, 6.8, 5.6, 7.5, 8.1, 6.6, 7, 9.2]";

    @TempDir
    Path tmp;

    private static List<Map<String, Object>> lines(String out) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                list.add(JsonText.readObject(line));
            }
        }
        return list;
    }

    @Test
    void everyLineIsAnsweredAndBadLinesAreNamedByNumber() throws Exception {
        Path batch = tmp.resolve("tests.jsonl");
        Files.writeString(batch, String.join("\n",
                "{\"id\": \"vas\", " + WELCH + "}",
                "{\"id\": \"short\", \"x\": [1, 2, 3]}",
                "",
                "{not json",
                "{\"id\": \"mw\", \"method\": \"mann-whitney\", " + WELCH + "}",
                "{\"method\": \"no-such-test\", " + WELCH + "}",
                "{\"alternative\": \"sideways\", " + WELCH + "}",
                "[1, 2]") + "\n");
        Painlab.Result r = Painlab.run("stats", "test", "t-welch", "--batch", batch.toString());
        assertEquals(1, r.exitCode(), "a failed line makes the call exit 1 after the others are answered");
        List<Map<String, Object>> out = lines(r.out());
        assertEquals(7, out.size(), "one answer per non-blank line: " + r.out());
        // R: t.test(x, y, var.equal = FALSE), statistic -4.269438711
        assertEquals(1, out.get(0).get("line"));
        assertEquals("vas", out.get(0).get("id"));
        assertEquals("t-welch", out.get(0).get("method"));
        assertEquals(-4.269438711, ((Number) out.get(0).get("statistic")).doubleValue(), 1e-9);
        assertEquals(2, out.get(1).get("line"));
        assertTrue(out.get(1).get("error").toString().startsWith("tests.jsonl line 2: "), out.get(1).toString());
        assertTrue(out.get(1).get("error").toString().contains("y"), "names the missing field: " + out.get(1));
        assertEquals(4, out.get(2).get("line"), "blank line 3 is skipped but counted");
        assertTrue(out.get(2).get("error").toString().contains("not valid JSON"), out.get(2).toString());
        assertEquals("mann-whitney", out.get(3).get("method"), "a line's own method overrides METHOD");
        assertFalse(out.get(3).containsKey("error"));
        assertTrue(out.get(4).get("error").toString().contains("field 'method'"), out.get(4).toString());
        assertTrue(out.get(5).get("error").toString().contains("field 'alternative'"), out.get(5).toString());
        assertTrue(out.get(6).get("error").toString().contains("expected a JSON object"), out.get(6).toString());
        assertTrue(r.err().contains("5 of 7 lines not answered") || r.err().contains("lines 2, 4, 6, 7, 8"), r.err());
        assertTrue(r.err().contains("lines 2, 4, 6, 7, 8"), r.err());
    }

    @Test
    void allGoodLinesExitZeroAndLinesMayNameTheirOwnMethod() throws Exception {
        Path batch = tmp.resolve("ok.jsonl");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append("{\"id\": ").append(i).append(", \"method\": \"")
                    .append(i % 2 == 0 ? "t-student" : "t-welch").append("\", ").append(WELCH).append("}\n");
        }
        Files.writeString(batch, text);
        Painlab.Result r = Painlab.run("stats", "test", "--batch", batch.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<Map<String, Object>> out = lines(r.out());
        assertEquals(50, out.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(i, out.get(i).get("id"), "answers keep the order of the lines");
            assertEquals(i % 2 == 0 ? "t-student" : "t-welch", out.get(i).get("method"));
        }
    }

    @Test
    void withoutMethodAnywhereEachLineSaysSo() throws Exception {
        Path batch = tmp.resolve("nomethod.jsonl");
        Files.writeString(batch, "{" + WELCH + "}\n");
        Painlab.Result r = Painlab.run("stats", "test", "--batch", batch.toString());
        assertEquals(1, r.exitCode());
        assertTrue(lines(r.out()).get(0).get("error").toString().contains("field 'method': missing"), r.out());
    }

    @Test
    void inputAndBatchTogetherIsUsage() throws Exception {
        Path batch = tmp.resolve("b.jsonl");
        Files.writeString(batch, "{" + WELCH + "}\n");
        Painlab.Result r = Painlab.run("stats", "test", "t-welch", "--batch", batch.toString(), "--input", batch.toString());
        assertEquals(2, r.exitCode());
        Painlab.Result missing = Painlab.run("stats", "test", "t-welch", "--batch", tmp.resolve("none.jsonl").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }
}
