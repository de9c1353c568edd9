package org.painlab.trial.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;
import org.painlab.core.Study;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;

/**
 * {@code trial import --format} finds importers in the {@code org.painlab.core.importers} registry:
 * the {@code test-fmt} importer this fragment contributes (standing in for a plugin's) runs exactly
 * like a built-in one.
 */
class TrialImportFormatsTest {
    @TempDir
    Path tmp;

    private Path study() throws Exception {
        Path dir = tmp.resolve("study");
        CliStudies.create(dir).close();
        return dir;
    }

    private List<AuditEntry> testRows(Path dir) throws Exception {
        try (Study s = CliStudies.open(dir)) {
            return s.read(c -> new AuditLog(c).entries(0, 1000)).stream()
                    .filter(e -> LinesTestImporter.ACTION.equals(e.action())).toList();
        }
    }

    @Test
    void aContributedFormatRunsItsImporterWithTheOptionsMap() throws Exception {
        Path dir = study();
        Path file = tmp.resolve("lines.dat");
        Files.writeString(file, "first\n\nsecond\n");
        Path mapping = tmp.resolve("m.json");
        Path dictionary = tmp.resolve("d.csv");
        Painlab.Result r = Painlab.run("trial", "import", dir.toString(), file.toString(), "--format", "test-fmt", "--json",
                "--actor", "alice", "--mapping", mapping.toString(), "--layout", "long", "--dictionary", dictionary.toString());
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        assertEquals("test-fmt", m.get("format"));
        assertEquals(LinesTestImporter.ID, m.get("importer"));
        assertEquals(file.toAbsolutePath().normalize().toString(), m.get("file"));
        assertEquals(2, ((Number) ((Map<?, ?>) m.get("added")).get("lines")).intValue());
        List<AuditEntry> rows = testRows(dir);
        assertEquals(List.of("first", "second"), rows.stream().map(AuditEntry::newValue).toList());
        assertEquals("alice", rows.get(0).actor());
        assertEquals("options {actor=alice, dictionary=" + dictionary + ", layout=long, mapping=" + mapping + "}",
                rows.get(0).reason());
    }

    @Test
    void theExtensionAContributionDeclaresChoosesItsFormat() throws Exception {
        Path dir = study();
        Path file = tmp.resolve("lines.tfmt");
        Files.writeString(file, "only\n");
        Painlab.Result r = Painlab.run("trial", "import", dir.toString(), file.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("test-fmt", r.json().get("format"));
        assertEquals(1, testRows(dir).size());
    }

    @Test
    void anUnknownFormatIsBadUsageListingTheInstalledOnes() throws Exception {
        Path dir = study();
        Path file = tmp.resolve("lines.tfmt");
        Files.writeString(file, "only\n");
        Painlab.Result r = Painlab.run("trial", "import", dir.toString(), file.toString(), "--format", "sav", "--json");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("--format: unknown format 'sav'; installed formats: csv, odm, redcap, test-fmt, xlsx"),
                r.err());
        assertEquals(0, testRows(dir).size());
    }

    @Test
    void aRejectedContributedImportExitsOneAndNamesTheFile() throws Exception {
        Path dir = study();
        Path file = tmp.resolve("empty.tfmt");
        Files.writeString(file, "\n");
        Painlab.Result r = Painlab.run("trial", "import", dir.toString(), file.toString(), "--format", "TEST-FMT");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("painlab trial import: empty.tfmt:1: field 'line': no lines"), r.err());
    }
}
