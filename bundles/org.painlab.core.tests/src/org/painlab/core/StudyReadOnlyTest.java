package org.painlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.internal.CoreSchema;
import org.painlab.core.internal.H2Database;
import org.painlab.core.store.StudySchema;

/**
 * Reading a study never changes its files (issue 9 item 6): every byte of every file is
 * compared before and after, so "nothing changed on disk" can be checked by a checksum and a
 * study on a read-only medium can be read.
 */
class StudyReadOnlyTest {
    @TempDir
    Path tmp;

    private static List<StudySchema> schemas(int testVersions) {
        return List.of(new CoreSchema(), new TestSchema(testVersions));
    }

    private Path studyWithRows(String name) throws Exception {
        Path dir = tmp.resolve(name);
        try (Study s = Study.create(dir, name, schemas(2))) {
            s.transaction(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO test_thing(id, label) VALUES (1, 'a'), (2, 'b')");
                }
                return null;
            });
        }
        return dir;
    }

    @Test
    void readingAStudyLeavesEveryByteAsItWas() throws Exception {
        Path dir = studyWithRows("read");
        Map<String, String> before = hashes(dir);
        try (Study s = Study.openReadOnly(dir, schemas(2))) {
            assertTrue(s.isReadOnly());
            assertEquals(2L, s.info().count("subjects"));
            assertTrue(s.read(c -> c.isReadOnly()), "H2 must have opened the database read-only");
        }
        assertEquals(before, hashes(dir));
        // a write open that only reads (a refused import) changes nothing either
        try (Study s = Study.open(dir, schemas(2))) {
            assertFalse(s.isReadOnly());
            assertEquals(2L, s.info().count("subjects"));
        }
        assertEquals(before, hashes(dir));
    }

    @Test
    void theFirstWriteReopensForWriting() throws Exception {
        Path dir = studyWithRows("write");
        Map<String, String> before = hashes(dir);
        try (Study s = Study.open(dir, schemas(2))) {
            s.transaction(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO test_thing(id, label) VALUES (3, 'c')");
                }
                return null;
            });
            assertEquals(3L, s.info().count("subjects"));
        }
        assertNotEquals(before, hashes(dir));
        try (Study s = Study.openReadOnly(dir, schemas(2))) {
            assertEquals(3L, s.info().count("subjects"));
        }
    }

    @Test
    void aStudyOpenedForReadingRefusesWritesNamingTheFolder() throws Exception {
        Path dir = studyWithRows("refuse");
        Map<String, String> before = hashes(dir);
        try (Study s = Study.openReadOnly(dir, schemas(2))) {
            StudyException e = assertThrows(StudyException.class, () -> s.transaction(c -> null));
            assertTrue(e.getMessage().contains(dir.toAbsolutePath().normalize().toString()), e.getMessage());
            assertTrue(e.getMessage().contains("reading only"), e.getMessage());
        }
        assertEquals(before, hashes(dir));
    }

    @Test
    void aWriteWhileTheStudyIsOpenReadOnlyElsewhereIsRefusedWithTheFolder() throws Exception {
        Path dir = studyWithRows("shared");
        Map<String, String> before = hashes(dir);
        try (Study reader = Study.openReadOnly(dir, schemas(2)); Study writer = Study.open(dir, schemas(2))) {
            StudyException e = assertThrows(StudyException.class, () -> writer.transaction(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO test_thing(id, label) VALUES (9, 'z')");
                }
                return null;
            }));
            assertTrue(e.getMessage().startsWith("study " + dir.toAbsolutePath().normalize() + " is read-only"), e.getMessage());
            assertFalse(e.getMessage().contains("INSERT"), e.getMessage());
            // the writer can still read after the refusal
            assertEquals(2L, writer.info().count("subjects"));
            assertEquals(2L, reader.info().count("subjects"));
        }
        assertEquals(before, hashes(dir));
    }

    @Test
    void anOlderStudyIsNotMigratedByReadingAndSaysHowToUpgrade() throws Exception {
        Path dir = tmp.resolve("older");
        Study.create(dir, "Older", schemas(1)).close();
        Map<String, String> before = hashes(dir);
        StudyException e = assertThrows(StudyException.class, () -> Study.openReadOnly(dir, schemas(3)));
        assertTrue(e.getMessage().contains("older PainLab"), e.getMessage());
        assertTrue(e.getMessage().contains("from version 1 to 3"), e.getMessage());
        assertTrue(e.getMessage().contains("painlab study upgrade " + dir.toAbsolutePath().normalize()), e.getMessage());
        assertEquals(List.of("'org.painlab.core.tests' from version 1 to 3"), Study.pendingUpgrades(dir, schemas(3)));
        assertEquals(before, hashes(dir));
        // the write open upgrades it; then it reads
        Study.open(dir, schemas(3)).close();
        assertEquals(List.of(), Study.pendingUpgrades(dir, schemas(3)));
        try (Study s = Study.openReadOnly(dir, schemas(3))) {
            assertEquals(0L, s.info().count("subjects"));
        }
    }

    @Test
    void aStudyOnAReadOnlyMediumCanBeRead() throws Exception {
        Path dir = studyWithRows("medium");
        Map<String, String> before = hashes(dir);
        Path db = H2Database.databaseFile(dir);
        Set<PosixFilePermission> readOnly = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ);
        Set<PosixFilePermission> folderReadOnly = EnumSet.copyOf(readOnly);
        folderReadOnly.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE));
        Files.setPosixFilePermissions(db, readOnly);
        Files.setPosixFilePermissions(db.getParent(), folderReadOnly);
        Files.setPosixFilePermissions(dir, folderReadOnly);
        try {
            try (Study s = Study.openReadOnly(dir, schemas(2))) {
                assertEquals(2L, s.info().count("subjects"));
            }
            assertEquals(before, hashes(dir));
            // root ignores permissions: the refusal of a write is only observable for other users
            if (!Files.isWritable(db)) {
                try (Study s = Study.open(dir, schemas(2))) {
                    StudyException e = assertThrows(StudyException.class, () -> s.transaction(c -> null));
                    assertTrue(e.getMessage().startsWith("study " + dir.toAbsolutePath().normalize() + " is read-only"),
                            e.getMessage());
                }
                assertEquals(before, hashes(dir));
            }
        } finally {
            Set<PosixFilePermission> all = EnumSet.allOf(PosixFilePermission.class);
            Files.setPosixFilePermissions(dir, all);
            Files.setPosixFilePermissions(db.getParent(), all);
            Files.setPosixFilePermissions(db, all);
        }
    }

    static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                out.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
