package org.painlab.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * Headless commands run on a configuration the launch script derives without the UI bundles. Whatever it
 * leaves out, every command and every engine contribution (the mechanism solvers and models, both imaging
 * classifiers) must still be there: the same as on the installation's full configuration.
 */
@TestInstance(Lifecycle.PER_CLASS)
class HeadlessConfigurationTest {
    private static final Map<String, String> FULL = Map.of("PAINLAB_HEADLESS_FULL", "1");
    private Painlab painlab;
    private Path work;

    @BeforeAll
    void unpack() throws Exception {
        painlab = Painlab.fresh("it-headless");
        work = painlab.home().getParent();
    }

    private static TreeSet<String> commandGroups(String help) {
        TreeSet<String> groups = new TreeSet<>();
        boolean inCommands = false;
        for (String line : help.split("\n")) {
            if (line.startsWith("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.matches("  [a-z][a-z-]*\\b.*")) {
                groups.add(line.trim().split("\\s+")[0]);
            }
        }
        return groups;
    }

    @Test
    void everyCommandGroupIsThereAsOnTheFullConfiguration() throws Exception {
        Painlab.Run headless = painlab.run("--help");
        Painlab.Run full = painlab.run(FULL, "--help");
        assertEquals(0, headless.exitCode(), headless.toString());
        assertEquals(0, full.exitCode(), full.toString());
        TreeSet<String> groups = commandGroups(full.out());
        assertTrue(groups.containsAll(List.of("study", "trial", "stats", "imaging", "mech", "lit", "plugins")), groups.toString());
        assertEquals(groups, commandGroups(headless.out()), "the headless configuration lost a command group");
        assertTrue(Files.isRegularFile(painlab.home().resolve("configuration/headless/org.eclipse.equinox.simpleconfigurator/bundles.info")),
                "the headless configuration was made in the installation");
    }

    /**
     * Every command's help is printed whole and nothing lands on stderr: picocli formats descriptions as
     * format strings, so a lone {@code %} ("95% CI") made it print a warning per option on stderr.
     */
    @Test
    void everyCommandsHelpPrintsWithoutWarnings() throws Exception {
        List<List<String>> todo = new ArrayList<>();
        todo.add(List.of());
        int seen = 0;
        while (!todo.isEmpty()) {
            List<String> path = todo.remove(todo.size() - 1);
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Painlab.Run help = painlab.run(args.toArray(String[]::new));
            assertEquals(0, help.exitCode(), help.toString());
            assertEquals("", help.err(), "stderr of painlab " + String.join(" ", args));
            assertTrue(help.out().startsWith("Usage: painlab"), help.toString());
            seen++;
            for (String sub : commandGroups(help.out())) {
                List<String> next = new ArrayList<>(path);
                next.add(sub);
                todo.add(next);
            }
        }
        assertTrue(seen > 40, "help walked " + seen + " commands");
    }

    @Test
    void engineContributionsResolveHeadless() throws Exception {
        Painlab.Run mech = painlab.run("mech", "list", "--json");
        assertEquals(0, mech.exitCode(), mech.toString());
        assertTrue(mech.out().contains("\"radau5\"") && mech.out().contains("\"reynolds2006-inflammation\""), mech.out());
        Path study = work.resolve("us");
        Painlab.Run synth = painlab.run("imaging", "synth", study.toString(), "--patients", "2", "--seed", "1", "--size", "16x16x8");
        assertEquals(0, synth.exitCode(), synth.toString());
        // an unknown classifier is refused listing the installed ones: both built-ins, the CNN's bundle included
        Painlab.Run train = painlab.run("imaging", "train", study.toString(), "--model", "no-such-model", "--seed", "1");
        assertEquals(1, train.exitCode(), train.toString());
        assertTrue(train.err().contains("cnn") && train.err().contains("rf"), train.toString());
    }

    /**
     * JSBML logs through SLF4J: without a started provider slf4j-api prints "No SLF4J providers were found" on every
     * mechanism command's stderr, and with one at its default level libraries fill stderr with INFO lines.
     */
    @Test
    void librariesLoggingThroughSlf4jLeaveStderrToTheCommand() throws Exception {
        for (Map<String, String> env : List.of(Map.<String, String>of(), FULL)) {
            Painlab.Run steady = painlab.run(env, "mech", "steady", "reynolds2006-inflammation", "--json");
            assertEquals(0, steady.exitCode(), steady.toString());
            assertTrue(steady.out().contains("\"residual\""), steady.toString());
            assertFalse(steady.err().contains("SLF4J"), "slf4j found no provider: " + steady);
            assertEquals("", steady.err().strip(), "nothing but the command's own messages on stderr: " + steady);
        }
    }

    @Test
    void extendersAreInstalledButNotStarted() throws Exception {
        assertEquals(0, painlab.run("--version").exitCode());
        List<String> info = Files.readAllLines(painlab.home().resolve("configuration/headless/org.eclipse.equinox.simpleconfigurator/bundles.info"));
        for (String extender : List.of("org.apache.felix.scr,", "org.apache.aries.spifly.dynamic.bundle,")) {
            String line = info.stream().filter(l -> l.startsWith(extender)).findFirst().orElseThrow(() -> new AssertionError(extender + " not installed"));
            assertTrue(line.endsWith(",false"), line);
        }
    }

    /**
     * The workbench's configuration starts Felix SCR at boot (the workbench's services are declarative) but
     * neither SPI Fly, which reads every bundle when it starts, nor slf4j's provider: the workbench starts
     * them after its first paint, and commands on this configuration (PAINLAB_HEADLESS_FULL) when they need them.
     */
    @Test
    void theWorkbenchStartsFelixScrAtBootButNotSpiFly() throws Exception {
        List<String> info = Files.readAllLines(painlab.home().resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"));
        for (String bundle : List.of("org.apache.felix.scr,", "org.apache.aries.spifly.dynamic.bundle,", "slf4j.simple,")) {
            String line = info.stream().filter(l -> l.startsWith(bundle)).findFirst().orElseThrow(() -> new AssertionError(bundle + " not installed"));
            assertTrue(line.endsWith(bundle.equals("org.apache.felix.scr,") ? ",true" : ",false"), line);
        }
    }

    /** A cold start resolves on the calling thread (a resolver pool only competes for the cores); the commands too. */
    @Test
    void theFrameworkResolvesOnOneThread() throws Exception {
        assertTrue(Files.readAllLines(painlab.home().resolve("configuration/config.ini")).contains("equinox.resolver.thread.count=1"));
        Painlab.Run version = painlab.run("--version");
        assertEquals(0, version.exitCode(), version.toString());
        assertTrue(Files.readAllLines(painlab.home().resolve("configuration/headless/config.ini")).contains("equinox.resolver.thread.count=1"));
    }

    @Test
    void aModelReadThroughJsbmlGetsItsLoggerWithoutAWarning() throws Exception {
        // JSBML logs through slf4j, whose provider SPI Fly registers: started on demand, before slf4j looks
        Path model = Files.writeString(work.resolve("decay.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
                  <model id="decay">
                    <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                    <listOfSpecies><species id="S1" compartment="c" initialAmount="1" hasOnlySubstanceUnits="false"
                        boundaryCondition="false" constant="false"/></listOfSpecies>
                    <listOfParameters><parameter id="k" value="0.5" constant="true"/></listOfParameters>
                    <listOfReactions><reaction id="r" reversible="false">
                      <listOfReactants><speciesReference species="S1" stoichiometry="1" constant="true"/></listOfReactants>
                      <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>k</ci><ci>S1</ci></apply></math></kineticLaw>
                    </reaction></listOfReactions>
                  </model>
                </sbml>
                """);
        Path settings = Files.writeString(work.resolve("decay-settings.txt"),
                "start: 0\nduration: 2\nsteps: 4\nvariables: S1\nabsolute: 1e-9\nrelative: 1e-9\namount: S1\nconcentration:\n");
        Path csv = work.resolve("decay.csv");
        for (Map<String, String> env : List.of(Map.<String, String>of(), FULL)) {
            Painlab.Run run = painlab.run(env, "mech", "simulate", model.toString(), "--settings", settings.toString(), "--out", csv.toString(), "--json");
            assertEquals(0, run.exitCode(), run.toString());
            assertFalse(run.err().contains("SLF4J"), run.toString());
            List<String> rows = Files.readAllLines(csv);
            assertEquals("time,S1", rows.get(0));
            // S1(t) = exp(-k t): exp(-1) at t = 2, tolerance well above the integration's 1e-13
            assertEquals(Math.exp(-1), Double.parseDouble(rows.get(5).split(",")[1]), 1e-6, rows.toString());
        }
    }

    @Test
    void laterCallsStartFromAClassArchive() throws Exception {
        Path t = Files.writeString(work.resolve("t.json"), "{\"x\": [5.1, 4.8, 6.2, 5.7, 6, 5.4, 4.9, 5.8, 6.3, 5.5], "
                + "\"y\": [6.4, 5.9, 7.8, 6.1, 7.2, 6.8, 5.6, 7.5, 8.1, 6.6, 7, 9.2]}");
        Painlab.Run plain = painlab.run(Map.of("PAINLAB_CDS", "0"), "stats", "test", "t-welch", "--input", t.toString(), "--json");
        assertEquals(0, plain.exitCode(), plain.toString());
        for (int call = 1; call <= 3; call++) {
            Painlab.Run run = painlab.run("stats", "test", "t-welch", "--input", t.toString(), "--json");
            assertEquals(0, run.exitCode(), "call " + call + ": " + run);
            assertEquals(plain.out(), run.out(), "call " + call);
            assertEquals("", run.err(), "call " + call);
        }
        Path headless = painlab.home().resolve("configuration/headless");
        assertTrue(Files.isRegularFile(headless.resolve("cds/stats.jsa")), "no class-data archive for the stats group");
        assertFalse(Files.exists(headless.resolve("framework")), "copies of the framework are no longer made");
    }

    /**
     * The JDK loads the launcher's and the framework's classes itself: the product ships both without their
     * signature (which would make it hash every class at every start), and otherwise as the p2 repository has them.
     */
    @Test
    void theLauncherAndTheFrameworkAreUnsignedCopiesOfTheRepositorysJars() throws Exception {
        Path repository = Path.of(System.getProperty("painlab.product.dir", "../org.painlab.product/target/products"))
                .resolveSibling("repository/plugins");
        for (String prefix : List.of("org.eclipse.equinox.launcher_", "org.eclipse.osgi_")) {
            Path shipped = only(painlab.home().resolve("plugins"), prefix);
            Path signed = repository.resolve(shipped.getFileName());
            try (JarFile jar = new JarFile(shipped.toFile(), true); JarFile original = new JarFile(signed.toFile(), false)) {
                List<String> names = Collections.list(jar.entries()).stream().map(e -> e.getName()).toList();
                List<String> originalNames = Collections.list(original.entries()).stream().map(e -> e.getName()).toList();
                assertTrue(originalNames.stream().anyMatch(n -> n.matches("META-INF/[^/]+\\.SF")), signed + " was expected to be signed");
                assertEquals(originalNames.stream().filter(n -> !n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")).toList(), names, shipped.toString());
                assertEquals(original.getManifest().getMainAttributes(), jar.getManifest().getMainAttributes(), shipped.toString());
                assertTrue(jar.getManifest().getEntries().isEmpty(), shipped + " still lists per-entry digests");
                int classes = 0;
                for (JarEntry entry : Collections.list(jar.entries())) {
                    if (entry.isDirectory() || entry.getName().equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    try (var in = jar.getInputStream(entry); var was = original.getInputStream(original.getEntry(entry.getName()))) {
                        assertArrayEquals(was.readAllBytes(), in.readAllBytes(), shipped + "!" + entry.getName());
                    }
                    // read in full, so a signature would have been checked: none is found
                    assertNull(entry.getCodeSigners(), shipped + "!" + entry.getName());
                    classes += entry.getName().endsWith(".class") ? 1 : 0;
                }
                assertTrue(classes > 5, shipped + ": " + classes + " classes");
            }
        }
    }

    private static Path only(Path dir, String prefix) throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".jar")).toList();
            assertEquals(1, found.size(), dir + ": " + found);
            return found.get(0);
        }
    }
}
