package org.painlab.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.internal.CoreSchema;
import org.painlab.core.internal.H2Database;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.core.store.StudySchema;

class StudyTest {
    @TempDir
    Path tmp;

    private static List<StudySchema> schemas(int testVersions) {
        return List.of(new CoreSchema(), new TestSchema(testVersions));
    }

    @Test
    void createsAndReopensAStudyWithItsData() throws Exception {
        Path dir = tmp.resolve("s1");
        try (Study s = Study.create(dir, "Pilot", schemas(2))) {
            s.transaction(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO test_thing(id, label) VALUES (1, 'a'), (2, 'b')");
                }
                new AuditLog(c).append(AuditEntry.of("tester", "insert", "test_thing", "1", null, null, "a", "test"));
                return null;
            });
        }
        assertTrue(Study.isStudy(dir));
        try (Study s = Study.open(dir, schemas(2))) {
            StudyInfo info = s.info();
            assertEquals("Pilot", info.name());
            assertEquals(2L, info.count("subjects"));
            assertEquals(1L, info.count("audit_rows"));
            assertEquals(List.of(), info.counts().get("arms"));
        }
    }

    @Test
    void failedTransactionLeavesNothing() throws Exception {
        try (Study s = Study.create(tmp.resolve("s"), "T", schemas(2))) {
            assertThrows(StudyException.class, () -> s.transaction(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO test_thing(id, label) VALUES (1, 'a')");
                    st.executeUpdate("INSERT INTO test_thing(id, label) VALUES (1, 'duplicate')");
                }
                return null;
            }));
            assertEquals(0L, s.info().count("subjects"));
        }
    }

    @Test
    void migratesAnOlderStudyForward() throws Exception {
        Path dir = tmp.resolve("old");
        Study.create(dir, "Old", schemas(1)).close();
        try (Study s = Study.open(dir, schemas(3))) {
            s.transaction(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO test_thing(id, label, note, flag) VALUES (1, 'a', 'n', TRUE)");
                }
                return null;
            });
            assertEquals(1L, s.info().count("subjects"));
        }
    }

    @Test
    void refusesAFolderThatIsNotAStudy() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(dir.resolve("notes.txt"), "hello");
        StudyException e = assertThrows(StudyException.class, () -> Study.open(dir, schemas(2)));
        assertTrue(e.getMessage().contains("is not a PainLab study"), e.getMessage());
        assertTrue(e.getMessage().contains("study.properties"), e.getMessage());
        assertEquals(List.of("notes.txt"), listing(dir));
    }

    @Test
    void refusesAStudyOfANewerSchemaAndChangesNothing() throws Exception {
        Path dir = tmp.resolve("newer");
        Study.create(dir, "Newer", schemas(3)).close();
        Map<String, String> before = hashes(dir);
        StudyException e = assertThrows(StudyException.class, () -> Study.open(dir, schemas(2)));
        assertTrue(e.getMessage().contains("newer PainLab"), e.getMessage());
        assertTrue(e.getMessage().contains("version 3"), e.getMessage());
        assertEquals(before, hashes(dir));
    }

    @Test
    void refusesANewerFolderFormat() throws Exception {
        Path dir = tmp.resolve("newformat");
        Study.create(dir, "F", schemas(2)).close();
        Path props = dir.resolve(StudyManifest.FILE_NAME);
        Files.writeString(props, Files.readString(props).replace("format.version=1", "format.version=9"));
        StudyException e = assertThrows(StudyException.class, () -> Study.open(dir, schemas(2)));
        assertTrue(e.getMessage().contains("folder format 9"), e.getMessage());
    }

    @Test
    void refusesACorruptDatabaseAndChangesNothing() throws Exception {
        Path dir = tmp.resolve("corrupt");
        Study.create(dir, "C", schemas(2)).close();
        Path db = H2Database.databaseFile(dir);
        byte[] garbage = new byte[8192];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + 7);
        }
        Files.write(db, garbage);
        Map<String, String> before = hashes(dir);
        StudyException e = assertThrows(StudyException.class, () -> Study.open(dir, schemas(2)));
        assertTrue(e.getMessage().contains("corrupt or unreadable"), e.getMessage());
        assertTrue(e.getMessage().contains(db.toString()), e.getMessage());
        assertEquals(before, hashes(dir));
        assertArrayEquals(garbage, Files.readAllBytes(db));
    }

    @Test
    void refusesToCreateInANonEmptyFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(dir.resolve("x"), "x");
        StudyException e = assertThrows(StudyException.class, () -> Study.create(dir, "X", schemas(2)));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    }

    @Test
    void auditLogExportsEveryRowAsCsv() throws Exception {
        try (Study s = Study.create(tmp.resolve("a"), "A", schemas(2))) {
            s.transaction(c -> {
                AuditLog log = new AuditLog(c);
                log.append(AuditEntry.of("ann", "update", "visit", "S001/admission", "vas", "7.0", "6.5",
                        "typo, corrected from the paper form"));
                log.append(AuditEntry.of("bob", "delete", "subject", "S002", null, "S002", null, "duplicate \"entry\""));
                return null;
            });
            Path out = tmp.resolve("audit.csv");
            s.read(c -> {
                try {
                    new AuditLog(c).exportCsv(out);
                } catch (IOException e) {
                    throw new SQLException(e);
                }
                return null;
            });
            List<String> lines = Files.readAllLines(out);
            assertEquals(3, lines.size());
            assertTrue(lines.get(1).endsWith("vas,7.0,6.5,\"typo, corrected from the paper form\""), lines.get(1));
            assertTrue(lines.get(2).endsWith("\"duplicate \"\"entry\"\"\""), lines.get(2));
            assertFalse(Files.list(tmp).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, String> hashes(Path dir) throws Exception {
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
