package org.painlab.trial.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;

/**
 * Reading a study and a refused import change no byte of any file in it (issue 9 item 6), so
 * "nothing changed on disk" can be checked with SHA-256; a successful import does change it.
 */
class StudyFilesUnchangedCliTest {
    @TempDir
    Path tmp;

    private Path demo;
    private Map<String, String> before;

    @BeforeEach
    void demoStudy() throws Exception {
        demo = tmp.resolve("demo");
        CliStudies.demo(demo).close();
        before = sha256(demo);
    }

    @Test
    void studyInfoAndResultsChangeNoByte() throws Exception {
        Painlab.Result info = Painlab.run("study", "info", demo.toString(), "--json");
        assertEquals(0, info.exitCode(), info.err());
        assertEquals(77, ((Number) info.json().get("subjects")).intValue());
        assertEquals(before, sha256(demo), "study info");
        Painlab.Result results = Painlab.run("study", "results", demo.toString(), "--json");
        assertEquals(0, results.exitCode(), results.err());
        assertEquals(before, sha256(demo), "study results");
        Painlab.Result upgrade = Painlab.run("study", "upgrade", demo.toString(), "--json");
        assertEquals(0, upgrade.exitCode(), upgrade.err());
        assertEquals(Boolean.FALSE, upgrade.json().get("upgraded"));
        assertEquals(before, sha256(demo), "study upgrade of a current study");
    }

    @Test
    void trialExportChangesNoByte() throws Exception {
        Painlab.Result r = Painlab.run("trial", "export", demo.toString(), tmp.resolve("out.csv").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(before, sha256(demo), "trial export");
    }

    @Test
    void refusedImportsChangeNoByte() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "subject_id,arm,vas.admission\nN1,S,7\nN2,S,11\nN3,Q,x\n");
        Painlab.Result refused = Painlab.run("trial", "import", demo.toString(), bad.toString());
        assertEquals(1, refused.exitCode(), refused.err());
        assertEquals(before, sha256(demo), "refused import");

        Path folder = Files.createDirectories(tmp.resolve("folder.csv"));
        Painlab.Result notAFile = Painlab.run("trial", "import", demo.toString(), folder.toString());
        assertEquals(1, notAFile.exitCode(), notAFile.err());
        assertTrue(notAFile.err().contains("is a folder, not a file"), notAFile.err());
        assertEquals(before, sha256(demo), "import of a folder");

        Painlab.Result missing = Painlab.run("trial", "import", demo.toString(), tmp.resolve("absent.csv").toString());
        assertEquals(1, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertEquals(before, sha256(demo), "import of a missing file");
    }

    @Test
    void aSuccessfulImportDoesChangeTheStudy() throws Exception {
        Path good = tmp.resolve("good.csv");
        Files.writeString(good, "subject_id,arm,vas.admission\nN1,S,7\n");
        Painlab.Result r = Painlab.run("trial", "import", demo.toString(), good.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertNotEquals(before, sha256(demo), "the checksum comparison must see a real change");
    }

    static Map<String, String> sha256(Path dir) throws Exception {
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
