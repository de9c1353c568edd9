package org.painlab.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * The example plug-in of {@code examples/} installed into a copy of the built product with
 * {@code painlab plugins install} (the p2 director), then used through the installed copy's
 * {@code painlab} script: every contribution must be live.
 */
@TestInstance(Lifecycle.PER_CLASS)
class InstalledPluginTest {
    static final String CONTRIBUTOR = "org.example.painlab.pcs";
    static final String FEATURE = "org.example.painlab.pcs.feature.feature.group";

    private Painlab painlab;
    private Path work;
    private Painlab.Run installed;
    private Map<String, Object> listBefore;

    @BeforeAll
    void installTheExampleIntoAFreshProductCopy() throws Exception {
        work = Path.of(System.getProperty("painlab.it.work", "target/it"));
        deleteTree(work);
        painlab = Painlab.unpack(productArchive(), work);
        Painlab.Run before = painlab.run("plugins", "list", "--json");
        assertEquals(0, before.exitCode(), before.toString());
        listBefore = before.json();
        installed = painlab.run("plugins", "install", exampleRepository().toString(), "--json");
    }

    static Path productArchive() throws IOException {
        Path dir = Path.of(System.getProperty("painlab.product.dir", "../org.painlab.product/target/products"));
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "painlab-workbench-*-linux.gtk.x86_64.tar.gz")) {
            s.forEach(found::add);
        }
        assertEquals(1, found.size(), "one product archive expected in " + dir + ", found " + found);
        return found.get(0);
    }

    static Path exampleRepository() {
        Path repo = Path.of(System.getProperty("painlab.example.repository",
                "../../examples/org.example.painlab.pcs.repository/target/repository")).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(repo.resolve("content.jar")) || Files.isRegularFile(repo.resolve("content.xml")),
                "the example's p2 repository is not built: " + repo);
        return repo;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> point(Map<String, Object> list, String id) {
        Map<String, Object> points = (Map<String, Object>) list.get("points");
        assertTrue(points.containsKey(id), id + " missing: " + points.keySet());
        return (List<Map<String, Object>>) points.get(id);
    }

    private static boolean contributes(Map<String, Object> list, String point, String id) {
        return point(list, point).stream().anyMatch(e -> id.equals(e.get("id")) && CONTRIBUTOR.equals(e.get("contributor")));
    }

    @Test
    void theProductAloneKnowsNothingOfThePlugin() {
        assertFalse(contributes(listBefore, "org.painlab.trial.instruments", "pcs"), listBefore.toString());
    }

    @Test
    void theDirectorInstalledTheFeatureAndAsksForARestart() {
        assertEquals(0, installed.exitCode(), installed.toString());
        Map<String, Object> json = installed.json();
        assertEquals(Boolean.TRUE, json.get("restart_required"));
        assertEquals("DefaultProfile", json.get("profile"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> units = (List<Map<String, Object>>) json.get("installed");
        assertEquals(1, units.size(), units.toString());
        assertEquals(FEATURE, units.get(0).get("id"));
        assertTrue(Files.exists(painlab.home().resolve("plugins")) && hasJar(painlab.home().resolve("plugins"), CONTRIBUTOR + "_"),
                "bundle jar not in plugins/");
    }

    @Test
    void pluginsListShowsAllFourContributions() throws Exception {
        Painlab.Run r = painlab.run("plugins", "list", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        Map<String, Object> list = r.json();
        assertTrue(contributes(list, "org.painlab.trial.instruments", "pcs"), list.toString());
        assertTrue(contributes(list, "org.painlab.stats.tests", "sign-test"), list.toString());
        assertTrue(contributes(list, "org.painlab.core.importers", "org.example.painlab.pcs.import.sheet"), list.toString());
        assertTrue(contributes(list, "org.painlab.cli.commands", "org.example.painlab.pcs.cli.describe"), list.toString());
        assertTrue(contributes(list, "org.painlab.cli.commands", "pcs"), "the command group: " + list);
    }

    @Test
    void theInstrumentScores() throws Exception {
        Path answers = Files.writeString(work.resolve("pcs-answers.json"),
                "{\"pcs1\":3,\"pcs2\":2,\"pcs3\":4,\"pcs4\":3,\"pcs5\":2,\"pcs6\":1,\"pcs7\":0,"
                        + "\"pcs8\":4,\"pcs9\":4,\"pcs10\":3,\"pcs11\":4,\"pcs12\":2,\"pcs13\":1}");
        Painlab.Run r = painlab.run("trial", "score", "pcs", "--answers", answers.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        Map<String, Object> json = r.json();
        assertEquals("pcs", json.get("instrument"));
        assertEquals(33.0, ((Number) json.get("score")).doubleValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> subscores = (Map<String, Object>) json.get("subscores");
        assertEquals(15.0, ((Number) subscores.get("rumination")).doubleValue());
        assertEquals(2.0, ((Number) subscores.get("magnification")).doubleValue());
        assertEquals(16.0, ((Number) subscores.get("helplessness")).doubleValue());
    }

    @Test
    void theStatisticalTestRuns() throws Exception {
        Path input = Files.writeString(work.resolve("sign-input.json"),
                "{\"x\":[7.1,5.2,6.3,8.0,4.4,6.9,7.7,5.0,6.1,7.4,5.5,6.6],"
                        + "\"y\":[5.0,5.2,4.1,6.2,4.9,5.5,6.0,5.3,4.0,6.8,4.4,6.0]}");
        Painlab.Run r = painlab.run("stats", "test", "sign-test", "--input", input.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        Map<String, Object> json = r.json();
        assertEquals("sign-test", json.get("method"));
        assertEquals(9.0, ((Number) json.get("statistic")).doubleValue());
        // R 4.2.2: binom.test(9, 11)$p.value
        assertEquals(0.065429687500000042, ((Number) json.get("p_value")).doubleValue(), 1e-14);
    }

    @Test
    void theCommandRuns() throws Exception {
        Painlab.Run r = painlab.run("pcs", "describe", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        Map<String, Object> json = r.json();
        assertEquals("pcs", json.get("instrument"));
        assertEquals(13, ((List<?>) json.get("items")).size());
        assertEquals(52, ((Number) json.get("max")).intValue());
    }

    @Test
    void theImporterIsAFormatOfTrialImport() throws Exception {
        Path study = work.resolve("demo-study");
        Painlab.Run created = painlab.run("study", "create", study.toString(), "--demo", "snrb-peld");
        assertEquals(0, created.exitCode(), created.toString());
        Path sheet = Files.writeString(work.resolve("pcs-sheet.csv"),
                "subject_id,visit,pcs1,pcs2,pcs3,pcs4,pcs5,pcs6,pcs7,pcs8,pcs9,pcs10,pcs11,pcs12,pcs13\n"
                        + "SIM-001,admission,3,2,4,3,2,1,0,4,4,3,4,2,1\n");
        Painlab.Run r = painlab.run("trial", "import", study.toString(), sheet.toString(), "--format", "pcs-sheet", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("pcs-sheet", r.json().get("format"));
        Painlab.Run unknown = painlab.run("trial", "import", study.toString(), sheet.toString(), "--format", "sav");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("pcs-sheet"), "the contributed format is listed: " + unknown.err());
    }

    @Test
    void theBuiltInsStillWorkAfterTheInstall() throws Exception {
        Painlab.Run r = painlab.run("--version");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("PainLab Workbench"), r.out());
        Painlab.Run t = painlab.run("stats", "test", "t-welch", "--input",
                Files.writeString(work.resolve("welch.json"), "{\"x\":[1,2,3,4],\"y\":[2,3,4,6]}").toString(), "--json");
        assertEquals(0, t.exitCode(), t.toString());
    }

    @Test
    void aMissingRepositoryIsRefusedByName() throws Exception {
        Path missing = work.resolve("no-such-repository");
        Painlab.Run r = painlab.run("plugins", "install", missing.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains(missing.toString()), r.err());
    }

    @Test
    void anUnknownUnitIsRefusedByName() throws Exception {
        // the repository as a file: URL this time, as a lab's web server would give it
        Painlab.Run r = painlab.run("plugins", "install", exampleRepository().toUri().toString(), "org.example.nothing.feature.group");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("org.example.nothing.feature.group"), r.err());
    }

    private static boolean hasJar(Path plugins, String prefix) {
        try (Stream<Path> s = Files.list(plugins)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
