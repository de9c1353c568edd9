package org.painlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.io.AtomicFiles;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = tmp.resolve("report.csv");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void aWrittenFileIsReadableByOthersLikeAnySavedFile() throws Exception {
        Path target = tmp.resolve("tables.html");
        AtomicFiles.write(target, out -> out.write("<p>ok</p>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("<p>ok</p>", Files.readString(target));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            var perms = Files.getPosixFilePermissions(target);
            assertTrue(perms.contains(PosixFilePermission.OWNER_WRITE));
            assertTrue(perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.GROUP_READ),
                    "exports must not stay private like temp files: " + perms);
            assertFalse(perms.contains(PosixFilePermission.OTHERS_WRITE));
        }
    }
}
