package org.painlab.cli.internal;

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

class StudyCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void versionPrintsTheBundleVersion() {
        Painlab.Result r = Painlab.run("--version");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("PainLab Workbench 0.1.0"), r.out());
    }

    @Test
    void createThenInfoPrintsTheContractShape() {
        Path dir = tmp.resolve("study");
        Painlab.Result created = Painlab.run("study", "create", dir.toString());
        assertEquals(0, created.exitCode(), created.err());
        assertEquals("", created.out(), "without --json nothing goes to stdout");
        Painlab.Result info = Painlab.run("study", "info", dir.toString(), "--json");
        assertEquals(0, info.exitCode(), info.err());
        Map<String, Object> m = info.json();
        for (String key : List.of("subjects", "arms", "visits", "volumes", "models", "references", "audit_rows")) {
            assertTrue(m.containsKey(key), key + " missing in " + m);
        }
        assertEquals(0, ((Number) m.get("subjects")).intValue());
        assertEquals(List.of(), m.get("arms"));
    }

    @Test
    void infoOnAFolderThatIsNotAStudyFailsWithExitOneAndAClearLine() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plain"));
        Painlab.Result r = Painlab.run("study", "info", dir.toString(), "--json");
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("is not a PainLab study"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitTwo() {
        Painlab.Result r = Painlab.run("study", "info", "--no-such-option");
        assertEquals(2, r.exitCode());
    }

    @Test
    void unknownDemoIsRefusedAndLeavesNoFolder() {
        Path dir = tmp.resolve("demo");
        Painlab.Result r = Painlab.run("study", "create", dir.toString(), "--demo", "no-such-demo");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("unknown demo 'no-such-demo'"), r.err());
        assertFalse(Files.exists(dir));
    }

    @Test
    void createRefusesANonEmptyFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(dir.resolve("keep.txt"), "mine");
        Painlab.Result r = Painlab.run("study", "create", dir.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("is not an empty folder"), r.err());
        assertEquals("mine", Files.readString(dir.resolve("keep.txt")));
    }
}
