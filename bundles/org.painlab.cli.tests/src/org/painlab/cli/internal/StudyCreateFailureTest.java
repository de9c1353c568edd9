package org.painlab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;

/** {@code study create} failures name the target and the reason, never only a temporary path (issue 9 item 5). */
class StudyCreateFailureTest {
    @TempDir
    Path tmp;

    @Test
    void aParentThatIsAFileIsNamedWithTheReason() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        Path target = file.resolve("study");
        Painlab.Result r = Painlab.run("study", "create", target.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains(target + ": cannot create the study (" + file + " is a file, not a folder)"), r.err());
        assertFalse(r.err().contains(".creating-"), "no temporary path: " + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aNonEmptyTargetIsNamed() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(target.resolve("x"), "x");
        Painlab.Result r = Painlab.run("study", "create", target.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(target + ": exists and is not an empty folder"), r.err());
    }

    @Test
    void infoOnAMissingFolderSaysNoSuchFolder() {
        Path dir = tmp.resolve("absent");
        Painlab.Result r = Painlab.run("study", "info", dir.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(dir + ": no such folder"), r.err());
    }
}
