package org.painlab.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
        work = Path.of(System.getProperty("painlab.it.work", "target/it")).resolveSibling("it-headless");
        InstalledPluginTest.deleteTree(work);
        painlab = Painlab.unpack(InstalledPluginTest.productArchive(), work);
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
}
