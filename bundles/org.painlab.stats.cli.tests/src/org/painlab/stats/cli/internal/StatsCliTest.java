package org.painlab.stats.cli.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;

import picocli.CommandLine;


/** The stats subcommands as a user runs them, through the contributed command tree and test registry. */
class StatsCliTest {
    @TempDir
    Path tmp;

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void welchTestThroughTheRegistryMatchesR() throws Exception {
        // reference.json case t_welch_two_sample: R t.test(x, y, var.equal=FALSE)
        Path input = tmp.resolve("in.json");
        Files.writeString(input, "{\"x\": [5.1, 4.8, 6.2, 5.7, 6, 5.4, 4.9, 5.8, 6.3, 5.5],"
                + " \"y\": [6.4, 5.9, 7.8, 6.1, 7.2, 6.8, 5.6, 7.5, 8.1, 6.6, 7, 9.2]}");
        Painlab.Result r = Painlab.run("stats", "test", "t-welch", "--input", input.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        assertEquals("t-welch", m.get("method"));
        assertEquals(-4.269438711, num(m.get("statistic")), 1e-9, "statistic as printed by R, 10 digits");
        assertTrue(m.containsKey("p_value") && m.containsKey("df") && m.containsKey("conf_int"), m.keySet().toString());
        assertEquals("two-sided", m.get("alternative"));
    }

    @Test
    void everyBuiltinTestIsRegistered() {
        for (String id : List.of("shapiro-wilk", "levene", "brown-forsythe", "t-student", "t-welch", "mann-whitney", "t-paired",
                "wilcoxon-signed-rank", "t-one-sample", "chi-square", "g-test", "fisher", "linear-by-linear", "anova",
                "welch-anova", "kruskal-wallis", "log-rank", "roc-delong", "roc-clustered")) {
            assertTrue(new org.painlab.stats.StatisticalTests().find(id).isPresent(), id);
        }
    }

    @Test
    void clusteredRocThroughTheCommand() throws Exception {
        // two volumes per patient; with one unit per cluster it is roc-delong, so compare both on the same units
        Path input = tmp.resolve("clustered.json");
        Files.writeString(input, "{\"label\": [1, 1, 0, 0, 1, 1, 0, 0, 1, 0],"
                + " \"marker1\": [0.9, 0.8, 0.3, 0.4, 0.6, 0.7, 0.5, 0.2, 0.35, 0.1],"
                + " \"cluster\": [\"a\", \"a\", \"b\", \"b\", \"c\", \"c\", \"d\", \"d\", \"e\", \"f\"]}");
        Painlab.Result r = Painlab.run("stats", "test", "roc-clustered", "--input", input.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        assertEquals("roc-clustered", m.get("method"));
        // 23 of 25 case/control pairs ordered right (0.35 < 0.4 and 0.35 < 0.5)
        assertEquals(23 / 25.0, num(m.get("auc1")), 1e-12);
        assertEquals(6, num(m.get("n_clusters")));
        assertTrue(num(m.get("var_auc1")) > 0 && m.containsKey("var_auc1_delong") && m.containsKey("ci95_auc1"), m.toString());
        Painlab.Result missing = Painlab.run("stats", "test", "roc-clustered", "--input",
                write("noclusters.json", "{\"label\": [1, 0, 1, 0], \"marker1\": [1, 2, 3, 4]}").toString(), "--json");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("cluster"), missing.err());
    }

    private Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void badInputNamesTheFileAndField() throws Exception {
        Path input = tmp.resolve("bad.json");
        Files.writeString(input, "{\"x\": [1, 2, 3]}");
        Painlab.Result r = Painlab.run("stats", "test", "t-welch", "--input", input.toString(), "--json");
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains(input.toString()) && r.err().contains("y"), r.err());
    }

    @Test
    void sampleSizeTwoProportionsExactAsPass() {
        // p1 0.6 vs p2 0.9, alpha 0.05 two-sided, power 0.90: exact (Fisher) power by enumeration, checked in R
        Painlab.Result r = Painlab.run("stats", "sample-size", "two-proportions", "--p1", "0.6", "--p2", "0.9", "--alpha", "0.05", "--power",
                "0.9", "--method", "exact", "--dropout", "0.1", "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        assertEquals("exact", m.get("method"));
        assertEquals(47, ((Number) m.get("n_per_group")).intValue());
        assertEquals(94, ((Number) m.get("n_total")).intValue());
        assertEquals(0.905908249658520, num(m.get("achieved_power")), 1e-9);
        assertEquals(53, ((Number) m.get("n_per_group_after_dropout")).intValue(), "ceil(47 / 0.9)");
    }

    @Test
    void sampleSizePooledMatchesPowerPropTest() {
        // R: power.prop.test(p1=.6, p2=.9, power=.9) -> n = 41.66 -> 42
        Painlab.Result r = Painlab.run("stats", "sample-size", "two-proportions", "--p1", "0.6", "--p2", "0.9", "--power", "0.9", "--method",
                "pooled", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(42, ((Number) r.json().get("n_per_group")).intValue());
        assertEquals(41.663722015830899, num(r.json().get("n_unrounded")), 1e-9 * 41.66);
    }

    /**
     * picocli passes every description through String.format and prints a WARN line on stderr when
     * that fails (a lone "%"); the model already holds the formatted text, so the annotations are read.
     */
    @Test
    void helpTextsFormatWithoutWarnings() {
        for (Class<?> command : List.of(StatsTestCommand.class, StatsSampleSizeCommand.class, StatsAnalyzeCommand.class,
                StatsAuditCommand.class, StatsPlotCommand.class)) {
            List<String> texts = new ArrayList<>(List.of(command.getAnnotation(CommandLine.Command.class).description()));
            for (Field f : command.getDeclaredFields()) {
                CommandLine.Option o = f.getAnnotation(CommandLine.Option.class);
                CommandLine.Parameters p = f.getAnnotation(CommandLine.Parameters.class);
                texts.addAll(List.of(o != null ? o.description() : p != null ? p.description() : new String[0]));
            }
            for (String t : texts) {
                assertDoesNotThrow(() -> String.format(t), command.getSimpleName() + ": " + t);
            }
        }
        Painlab.Result r = Painlab.run("stats", "sample-size", "--help");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("10%") && !r.out().contains("10%%"), r.out());
        assertFalse(r.err().contains("WARN"), r.err());
    }

    @Test
    void analyzeWritesThePaperTablesOfADemoStudy() throws Exception {
        Path dir = tmp.resolve("demo");
        Painlab.Result created = Painlab.run("study", "create", dir.toString(), "--demo", "snrb-peld");
        assertEquals(0, created.exitCode(), created.err());
        Path out = tmp.resolve("tables.json");
        Painlab.Result r = Painlab.run("stats", "analyze", dir.toString(), "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(out.toAbsolutePath().toString(), r.json().get("out"));
        assertTrue(((Number) r.json().get("tables")).intValue() >= 3, r.out());
        assertTrue(((Number) r.json().get("comparisons")).intValue() > 0, r.out());
        assertTrue(Files.readString(out).contains("\"results\""), "the report holds the results");

        // the run is stored in the study with its provenance, and re-runs to the same numbers
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) r.json().get("result");
        assertEquals("org.painlab.stats.paperTables", stored.get("analysis"));
        @SuppressWarnings("unchecked")
        Map<String, String> versions = (Map<String, String>) stored.get("versions");
        assertTrue(versions.containsKey("org.painlab.stats") && versions.containsKey("org.painlab.trial"), versions.toString());
        Painlab.Result listed = Painlab.run("study", "results", dir.toString(), "--json");
        assertEquals(List.of(stored.get("id")), ((List<?>) listed.json().get("results")).stream()
                .map(x -> ((Map<?, ?>) x).get("id")).toList());
        Painlab.Result check = Painlab.run("study", "results", dir.toString(), "--check", (String) stored.get("id"), "--json");
        assertEquals(0, check.exitCode(), check.err());
        assertEquals(Boolean.TRUE, check.json().get("reproduced"), check.out());
        Painlab.Result pp = Painlab.run("stats", "analyze", dir.toString(), "--population", "PP", "--out",
                tmp.resolve("pp.csv").toString(), "--json");
        assertEquals(0, pp.exitCode(), pp.err());
        assertEquals(2, ((Number) Painlab.run("study", "info", dir.toString(), "--json").json().get("results")).intValue());
    }
    @Test
    void analyzeCitesReferencesOfTheStudysLibrary() throws Exception {
        Path dir = tmp.resolve("cited");
        assertEquals(0, Painlab.run("study", "create", dir.toString(), "--demo", "snrb-peld").exitCode());
        Path bib = tmp.resolve("refs.bib");
        Files.writeString(bib, """
                @article{huskisson1974,
                  author = {Huskisson, E. C.},
                  title = {Measurement of pain},
                  journal = {Lancet},
                  year = {1974},
                  volume = {2},
                  number = {7889},
                  pages = {1127--1131}
                }
                @article{altman1999,
                  author = {Altman, Douglas G. and Bland, J. Martin},
                  title = {Treatment allocation in controlled trials: why randomise?},
                  journal = {BMJ},
                  year = {1999},
                  volume = {318},
                  number = {7192},
                  pages = {1209}
                }
                """);
        Painlab.Result imported = Painlab.run("lit", "import", dir.toString(), bib.toString(), "--json");
        assertEquals(0, imported.exitCode(), imported.err());
        Path out = tmp.resolve("cited.html");
        Painlab.Result r = Painlab.run("stats", "analyze", dir.toString(), "--cite", "altman1999", "--cite-variable",
                "vas=huskisson1974", "--style", "ama", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("altman1999", "huskisson1974"), r.json().get("references"));
        String html = Files.readString(out);
        assertTrue(html.contains("Statistical methods as described in 1."), html);
        assertTrue(html.contains("<h2>References</h2>"), html);
        assertTrue(html.contains("2. Huskisson EC. Measurement of pain. <i>Lancet</i>") || html.contains("2. Huskisson EC. Measurement of pain. Lancet."),
                html.substring(html.indexOf("<h2>References</h2>")));

        Painlab.Result wrongKey = Painlab.run("stats", "analyze", dir.toString(), "--cite", "nobody2020", "--out",
                tmp.resolve("x.html").toString());
        assertEquals(1, wrongKey.exitCode());
        assertTrue(wrongKey.err().contains("'nobody2020'"), wrongKey.err());
        assertFalse(Files.exists(tmp.resolve("x.html")), "nothing written when a key is wrong");
        Painlab.Result wrongVariable = Painlab.run("stats", "analyze", dir.toString(), "--cite-variable", "pain=altman1999",
                "--out", tmp.resolve("x.html").toString());
        assertEquals(1, wrongVariable.exitCode());
        assertTrue(wrongVariable.err().contains("--cite-variable pain") || wrongVariable.err().contains("'pain'"), wrongVariable.err());
        Painlab.Result styleAlone = Painlab.run("stats", "analyze", dir.toString(), "--style", "apa", "--out",
                tmp.resolve("x.html").toString());
        assertEquals(2, styleAlone.exitCode(), styleAlone.err());
    }
}
