package org.painlab.trial.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;

/**
 * {@code trial import} refuses a zip bomb in seconds with the limit on one line, lets a user raise a
 * limit by option, and lists at most 100 problems (with a count of the rest) on stderr and in JSON.
 */
class TrialImportLimitsCliTest {
    @TempDir
    Path tmp;

    private Path newStudy(String name) {
        Path dir = tmp.resolve(name);
        assertEquals(0, Painlab.run("study", "create", dir.toString()).exitCode());
        return dir;
    }

    private static long subjects(Path dir) {
        return ((Number) Painlab.run("study", "info", dir.toString(), "--json").json().get("subjects")).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aZipBombIsRefusedQuicklyAndNothingIsWritten() throws Exception {
        Path dir = newStudy("bomb");
        Path bomb = tmp.resolve("bomb.xlsx");
        assertTrue(ZipBomb.write(bomb, 1600, false) > 1_500_000_000L);
        long auditBefore = ((Number) Painlab.run("study", "info", dir.toString(), "--json").json().get("audit_rows")).longValue();
        long start = System.nanoTime();
        Painlab.Result r = Painlab.run("trial", "import", dir.toString(), bomb.toString(), "--json");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 15, "refused after " + seconds + " s");
        assertEquals(1, r.exitCode(), r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("painlab trial import: bomb.xlsx:"), first);
        assertTrue(first.contains("zip bomb") && first.contains("--max-ratio"), first);
        assertTrue(r.err().lines().count() <= 103, "at most 100 problems listed: " + r.err().lines().count());
        Map<String, Object> m = r.json();
        assertEquals(Boolean.FALSE, m.get("imported"));
        List<Map<String, Object>> problems = (List<Map<String, Object>>) m.get("problems");
        assertTrue(String.valueOf(problems.get(0).get("rule")).contains("zip bomb"), problems.get(0).toString());
        assertEquals(0, subjects(dir), "nothing was imported");
        assertEquals(auditBefore, ((Number) Painlab.run("study", "info", dir.toString(), "--json").json().get("audit_rows")).longValue());
    }

    @Test
    void aLimitIsRaisedByOptionAndABadValueIsBadUsage() throws Exception {
        Path dir = newStudy("rows");
        Path csv = tmp.resolve("rows.csv");
        StringBuilder sb = new StringBuilder("subject_id,age\n");
        for (int i = 1; i <= 30; i++) {
            sb.append("S-").append(i).append(",40\n");
        }
        Files.writeString(csv, sb);
        Painlab.Result refused = Painlab.run("trial", "import", dir.toString(), csv.toString(), "--max-rows", "10");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("more than 10 rows (limit max-rows = 10; raise it with --max-rows N"), refused.err());
        assertEquals(0, subjects(dir));
        Painlab.Result ok = Painlab.run("trial", "import", dir.toString(), csv.toString(), "--max-rows", "1,000");
        assertEquals(0, ok.exitCode(), ok.err());
        assertEquals(30, subjects(dir));
        Painlab.Result bad = Painlab.run("trial", "import", dir.toString(), csv.toString(), "--max-rows", "many");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("--max-rows: 'many' is not a positive whole number"), bad.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void manyProblemsPrintTheFirstHundredAndACount() throws Exception {
        Path dir = newStudy("many");
        Path csv = tmp.resolve("many.csv");
        StringBuilder sb = new StringBuilder("subject_id,age\n");
        for (int i = 1; i <= 250; i++) {
            // a row without a subject id: one problem each
            sb.append(",").append(i).append("\n");
        }
        Files.writeString(csv, sb);
        Painlab.Result r = Painlab.run("trial", "import", dir.toString(), csv.toString(), "--json");
        assertEquals(1, r.exitCode());
        List<String> lines = r.err().lines().toList();
        assertEquals(102, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("painlab trial import: many.csv:"), lines.get(0));
        assertEquals(100, lines.stream().filter(l -> l.startsWith("  many.csv:")).count());
        long total = ((Number) r.json().get("problems_total")).longValue();
        assertTrue(total >= 250, "every bad value is a problem: " + total);
        assertEquals(String.format(java.util.Locale.ROOT, "  ... and %,d more (--max-listed 0 lists all)", total - 100), lines.get(101));
        Map<String, Object> m = r.json();
        assertEquals(100, ((List<Object>) m.get("problems")).size());
        List<Object> refused = (List<Object>) m.get("refused");
        long refusedTotal = ((Number) m.get("refused_total")).longValue();
        assertTrue(refused.size() <= 100, "refused listed: " + refused.size());
        assertEquals(((Number) m.get("values_read")).longValue(), ((Number) m.get("values_imported")).longValue() + refusedTotal,
                "values_read = values_imported + refused_total");

        Painlab.Result all = Painlab.run("trial", "import", dir.toString(), csv.toString(), "--max-listed", "0");
        assertEquals(total + 1, all.err().lines().count(), "--max-listed 0 lists every problem");
        assertFalse(all.err().contains("... and"), all.err());
        assertEquals(0, subjects(dir));
    }
}
