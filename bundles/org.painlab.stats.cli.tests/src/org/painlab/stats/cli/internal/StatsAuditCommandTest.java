package org.painlab.stats.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code stats audit FILE.json --json}: the JSON shape of CLI.md and the exit codes. */
class StatsAuditCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new StatsAuditCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        // what the painlab root installs: one line on stderr, exit 1
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("audit: " + ex.getMessage());
            return 1;
        });
        return cmd.execute(args);
    }

    @Test
    void printsOneJsonObjectInTheDocumentedShape() throws Exception {
        JsonNode fisher = ReferenceCases.get("fisher_2x2");
        String input = """
                {"rows": [
                  {"label": "Recurrent pain", "kind": "counts", "table_rows": %s, "printed_p": 0.031,
                   "stated_test": "chi-square or Fisher"},
                  {"label": "JOA", "kind": "summary", "integer_data": true,
                   "groups": [{"n": 10, "mean": 3.47, "sd": 1.2}, {"n": 10, "mean": "3.40", "sd": 1.1}],
                   "printed_p": "0.89", "stated_test": "t test"}
                ]}
                """.formatted(fisher.get("input").get("table_rows").toString());
        Path file = dir.resolve("audit.json");
        Files.writeString(file, input);
        assertEquals(0, run(file.toString(), "--json"), err.toString());
        JsonNode root = JsonMapper.builder().build().readTree(out.toString());
        assertEquals(Set.of("rows"), names(root));
        JsonNode row = root.get("rows").get(0);
        assertEquals("Recurrent pain", row.get("label").asString());
        assertTrue(names(row).containsAll(Set.of("label", "reproduced_by", "flags")));
        JsonNode first = row.get("reproduced_by").get(0);
        assertTrue(names(first).containsAll(Set.of("test", "alternative", "p_value")));
        boolean fisherLess = false;
        for (JsonNode r : row.get("reproduced_by")) {
            fisherLess |= r.get("test").asString().equals("fisher") && r.get("alternative").asString().equals("less")
                    && Math.abs(r.get("p_value").asDouble() - 0.03070036658306) < 1e-12;
        }
        assertTrue(fisherLess, row.toString());
        JsonNode joa = root.get("rows").get(1);
        assertTrue(joa.get("flags").toString().contains("GRIM: mean 3.47 with n 10 is impossible for integer data"),
                joa.toString());
    }

    @Test
    void aJsonNumberPrintedPIsFlaggedAndAStringKeepsItsDecimals() throws Exception {
        String table = ReferenceCases.get("fisher_2x2").get("input").get("table_rows").toString();
        Path file = dir.resolve("number.json");
        // the paper printed 0.020; as a JSON number it reads 0.02
        Files.writeString(file, "{\"rows\": [{\"label\": \"a\", \"kind\": \"counts\", \"table_rows\": " + table
                + ", \"printed_p\": 0.020}, {\"label\": \"b\", \"kind\": \"counts\", \"table_rows\": " + table
                + ", \"printed_p\": \"0.020\"}]}");
        assertEquals(0, run(file.toString(), "--json"), err.toString());
        JsonNode rows = JsonMapper.builder().build().readTree(out.toString()).get("rows");
        JsonNode number = rows.get(0);
        assertEquals("0.02", number.get("printed_p").asString());
        assertTrue(number.get("flags").toString().contains("printed P given as a JSON number: its printed decimals are"
                + " ambiguous") && number.get("flags").toString().contains("as a string"), number.toString());
        JsonNode text = rows.get(1);
        assertEquals("0.020", text.get("printed_p").asString());
        assertTrue(!text.get("flags").toString().contains("JSON number"), text.toString());
    }

    @Test
    void badInputExitsWithOneAndNamesTheField() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"rows\": [{\"kind\": \"counts\", \"table_rows\": [[1, 2], [3, -4]], \"printed_p\": 0.2}]}");
        assertEquals(1, run(file.toString(), "--json"));
        assertTrue(err.toString().contains("rows[0].table_rows[1][1]: must be a count"), err.toString());
        assertEquals("", out.toString(), "nothing on stdout when the input is bad");
        Files.writeString(file, "{\"rows\": [");
        assertEquals(1, run(file.toString(), "--json"));
        assertTrue(err.toString().contains("not valid JSON"), err.toString());
        assertEquals(2, run("--json"), "missing FILE is bad usage");
    }

    private static Set<String> names(JsonNode n) {
        Set<String> s = new TreeSet<>();
        n.propertyNames().forEach(s::add);
        return s;
    }
}
