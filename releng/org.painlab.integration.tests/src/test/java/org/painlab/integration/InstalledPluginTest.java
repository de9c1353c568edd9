package org.painlab.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
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
    private List<String> bundlesBefore;
    private List<String> p2ListBefore;
    private List<String> bundlesInfoBefore;
    private List<String> p2ListLinesBefore;
    private boolean readableByAll;
    private String configIniBefore;
    private byte[][] afterInstall;
    private Painlab.Run failed;
    private byte[][] afterFailure;

    @BeforeAll
    void installTheExampleIntoAFreshProductCopy() throws Exception {
        work = Path.of(System.getProperty("painlab.it.work", "target/it"));
        deleteTree(work);
        painlab = Painlab.unpack(productArchive(), work);
        bundlesInfoBefore = Files.readAllLines(painlab.home().resolve(BUNDLES_INFO));
        p2ListLinesBefore = Files.readAllLines(painlab.home().resolve(P2_LIST));
        bundlesBefore = bundleNames(painlab.home().resolve(BUNDLES_INFO));
        p2ListBefore = bundleNames(painlab.home().resolve(P2_LIST));
        configIniBefore = Files.readString(painlab.home().resolve("configuration/config.ini"));
        readableByAll = readableByAll(painlab.home());
        Painlab.Run before = painlab.run("plugins", "list", "--json");
        assertEquals(0, before.exitCode(), before.toString());
        listBefore = before.json();
        installed = painlab.run("plugins", "install", exampleRepository().toString(), "--json");
        afterInstall = lists();
        // a unit the director cannot install: it requires one no repository has
        failed = painlab.run("plugins", "install", unsatisfiable(work.resolve("unsatisfiable")).toString());
        afterFailure = lists();
    }

    static final String BUNDLES_INFO = "configuration/org.eclipse.equinox.simpleconfigurator/bundles.info";
    static final String P2_LIST = "configuration/org.painlab.p2/bundles.info";

    /** The bundles only the p2 director needs: p2, ECF, sat4j, Bouncy Castle, frameworkadmin, ... */
    static boolean directorOnly(String bundle) {
        return bundle.startsWith("org.eclipse.equinox.p2.") || bundle.equals("org.eclipse.ecf") || bundle.startsWith("org.eclipse.ecf.")
                || bundle.startsWith("org.sat4j.") || List.of("bcprov", "bcpg", "bcutil", "org.eclipse.equinox.frameworkadmin",
                        "org.eclipse.equinox.frameworkadmin.equinox", "org.eclipse.equinox.simpleconfigurator.manipulator",
                        "org.eclipse.equinox.concurrent", "org.eclipse.osgi.compatibility.state").contains(bundle);
    }

    static List<String> bundleNames(Path bundlesInfo) throws IOException {
        return Files.readAllLines(bundlesInfo).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf(','))).toList();
    }

    private byte[][] lists() throws IOException {
        Path home = painlab.home();
        return new byte[][] { Files.readAllBytes(home.resolve(BUNDLES_INFO)), Files.readAllBytes(home.resolve(P2_LIST)),
                Files.readAllBytes(home.resolve("configuration/config.ini")) };
    }

    /** A p2 metadata repository with one feature group that requires a unit found nowhere. */
    private static Path unsatisfiable(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("content.xml"), """
                <?xml version='1.0' encoding='UTF-8'?>
                <?metadataRepository version='1.2.0'?>
                <repository name='unsatisfiable' type='org.eclipse.equinox.internal.p2.metadata.repository.LocalMetadataRepository' version='1'>
                  <properties size='1'><property name='p2.timestamp' value='1'/></properties>
                  <units size='1'>
                    <unit id='org.example.broken.feature.group' version='1.0.0'>
                      <properties size='1'><property name='org.eclipse.equinox.p2.type.group' value='true'/></properties>
                      <provides size='1'><provided namespace='org.eclipse.equinox.p2.iu' name='org.example.broken.feature.group' version='1.0.0'/></provides>
                      <requires size='1'><required namespace='org.eclipse.equinox.p2.iu' name='org.example.nowhere' range='[1.0.0,2.0.0)'/></requires>
                    </unit>
                  </units>
                </repository>
                """);
        Files.writeString(dir.resolve("artifacts.xml"), """
                <?xml version='1.0' encoding='UTF-8'?>
                <?artifactRepository version='1.1.0'?>
                <repository name='unsatisfiable' type='org.eclipse.equinox.p2.artifact.repository.simpleRepository' version='1'>
                  <properties size='1'><property name='p2.timestamp' value='1'/></properties>
                  <artifacts size='0'/>
                </repository>
                """);
        return dir;
    }

    @Test
    void theProductAsBuiltStartsWithoutTheDirectorsBundles() {
        assertTrue(bundlesBefore.contains("org.painlab.cli") && bundlesBefore.contains("org.eclipse.equinox.simpleconfigurator"),
                bundlesBefore.toString());
        assertEquals(List.of(), bundlesBefore.stream().filter(InstalledPluginTest::directorOnly).toList(),
                "the workbench's bundles.info lists director-only bundles");
        assertFalse(configIniBefore.contains("org.eclipse.osgi.compatibility.state"), configIniBefore);
        // they are listed apart, for the plugins commands and the director
        assertTrue(p2ListBefore.containsAll(List.of("org.eclipse.equinox.p2.director.app", "org.eclipse.equinox.p2.engine",
                "org.eclipse.equinox.p2.transport.ecf", "org.eclipse.ecf", "org.sat4j.core", "bcprov",
                "org.eclipse.osgi.compatibility.state")), p2ListBefore.toString());
        assertTrue(p2ListBefore.stream().allMatch(b -> directorOnly(b) || b.equals("org.eclipse.equinox.security")), p2ListBefore.toString());
        assertTrue(readableByAll, "the product's lists and config.ini must be readable by every user of the installation");
    }

    private static boolean readableByAll(Path home) throws IOException {
        for (String f : List.of(BUNDLES_INFO, P2_LIST, "configuration/config.ini")) {
            if (!Files.getPosixFilePermissions(home.resolve(f)).contains(PosixFilePermission.OTHERS_READ)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Nothing the workbench starts needs the bundles left out of its list: no bundle of it requires one of them, nor
     * imports (other than optionally) a package only they export. (org.painlab.cli imports p2 optionally: `plugins
     * install` runs on a configuration that has p2.)
     */
    @Test
    void noBundleOfTheWorkbenchNeedsTheDirectorsBundles() throws Exception {
        Path home = painlab.home();
        Map<String, Attributes> workbench = manifests(home, bundlesInfoBefore, bundlesBefore);
        Map<String, Attributes> director = manifests(home, p2ListLinesBefore, p2ListBefore);
        Set<String> workbenchPackages = new HashSet<>();
        workbench.values().forEach(m -> clauses(m.getValue("Export-Package")).forEach(c -> workbenchPackages.add(name(c))));
        Set<String> directorPackages = new HashSet<>();
        director.values().forEach(m -> clauses(m.getValue("Export-Package")).forEach(c -> directorPackages.add(name(c))));
        List<String> needs = new ArrayList<>();
        workbench.forEach((bundle, m) -> {
            for (String c : clauses(m.getValue("Require-Bundle"))) {
                if (director.containsKey(name(c)) && !c.contains("resolution:=optional")) {
                    needs.add(bundle + " requires " + name(c));
                }
            }
            for (String c : clauses(m.getValue("Import-Package"))) {
                String pkg = name(c);
                if (directorPackages.contains(pkg) && !workbenchPackages.contains(pkg) && !c.contains("resolution:=optional")) {
                    needs.add(bundle + " imports " + pkg);
                }
            }
        });
        assertEquals(List.of(), needs);
    }

    private static Map<String, Attributes> manifests(Path home, List<String> lines, List<String> names)
            throws IOException {
        Map<String, Attributes> out = new TreeMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            Path location = home.resolve(f[2]);
            Manifest mf;
            if (Files.isDirectory(location)) {
                try (var in = Files.newInputStream(location.resolve("META-INF/MANIFEST.MF"))) {
                    mf = new Manifest(in);
                }
            } else {
                try (var jar = new JarFile(location.toFile(), false)) {
                    mf = jar.getManifest();
                }
            }
            out.put(f[0], mf.getMainAttributes());
        }
        assertEquals(new TreeSet<>(names), out.keySet());
        return out;
    }

    /** A manifest header's clauses: split at the commas outside quotes. */
    private static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (char ch : header.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            }
            if (ch == ',' && !quoted) {
                out.add(b.toString().strip());
                b.setLength(0);
            } else {
                b.append(ch);
            }
        }
        if (!b.isEmpty()) {
            out.add(b.toString().strip());
        }
        return out;
    }

    private static String name(String clause) {
        int semi = clause.indexOf(';');
        return (semi < 0 ? clause : clause.substring(0, semi)).strip();
    }

    @Test
    void afterTheInstallTheWorkbenchsListHasThePluginAndStillNoDirectorBundle() throws Exception {
        assertEquals(0, installed.exitCode(), installed.toString());
        List<String> after = bundleNames(painlab.home().resolve(BUNDLES_INFO));
        assertTrue(after.contains(CONTRIBUTOR), after.toString());
        assertEquals(List.of(), after.stream().filter(InstalledPluginTest::directorOnly).toList(),
                "p2 rewrote bundles.info with its bundles and they were not taken out again");
        assertTrue(after.containsAll(bundlesBefore), "a bundle of the product went missing from bundles.info");
        String ini = Files.readString(painlab.home().resolve("configuration/config.ini"));
        assertFalse(ini.contains("org.eclipse.osgi.compatibility.state"), ini);
        // p2 writes config.ini again from its profile: the workbench's framework extension must stay
        assertTrue(ini.lines().anyMatch(l -> l.startsWith("osgi.framework.extensions=") && l.contains("org.painlab.boot_")), ini);
        assertTrue(bundleNames(painlab.home().resolve(P2_LIST)).containsAll(p2ListBefore), "the p2 list lost bundles");
        assertFalse(bundleNames(painlab.home().resolve(P2_LIST)).contains(CONTRIBUTOR));
        assertTrue(readableByAll(painlab.home()), "the rewritten lists lost their permissions");
        try (Stream<Path> s = Files.list(painlab.home().resolve("configuration/org.eclipse.equinox.simpleconfigurator"))) {
            assertEquals(List.of("bundles.info"), s.map(p -> p.getFileName().toString()).toList(), "a temporary file was left");
        }
    }

    @Test
    void aFailedDirectorRunLeavesTheListsAsTheyWere() {
        assertEquals(1, failed.exitCode(), failed.toString());
        assertTrue(failed.err().contains("the p2 director refused to install"), failed.toString());
        for (int i = 0; i < afterInstall.length; i++) {
            assertArrayEquals(afterInstall[i], afterFailure[i], "file " + i + " (bundles.info, p2 list, config.ini) changed");
        }
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
