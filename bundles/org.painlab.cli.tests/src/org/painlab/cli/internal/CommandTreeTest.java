package org.painlab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.painlab.cli.Painlab;

import picocli.CommandLine;

/** A call creates only the commands of the group it names (creating one starts its bundle); help sees them all. */
class CommandTreeTest {

    private static CommandLine tree(String... args) {
        PrintWriter w = new PrintWriter(new StringWriter());
        return new CommandTree(new CommandContributions()).build(w, w, args);
    }

    @Test
    void aGroupsCallCreatesThatGroupsCommandsOnly() {
        CommandLine forStudy = tree("study", "info", "x");
        assertTrue(forStudy.getSubcommands().get("study").getSubcommands().keySet()
                .containsAll(Set.of("create", "info", "links", "results", "run", "upgrade")));
        assertTrue(forStudy.getSubcommands().get("plugins").getSubcommands().isEmpty(),
                "the plugins group is listed but its commands are not created");
        CommandLine whole = tree((String[]) null);
        assertTrue(whole.getSubcommands().get("plugins").getSubcommands().keySet().containsAll(Set.of("list", "install")));
        assertTrue(tree("--version").getSubcommands().get("study").getSubcommands().isEmpty());
        assertEquals(whole.getSubcommands().get("study").getSubcommands().keySet(),
                tree("--help").getSubcommands().get("study").getSubcommands().keySet(), "help lists every command");
    }

    @Test
    void versionAndGroupHelpStillAnswer() {
        Painlab.Result v = Painlab.run("--version");
        assertEquals(0, v.exitCode(), v.err());
        assertTrue(v.out().startsWith("PainLab Workbench "), v.out());
        Painlab.Result h = Painlab.run("plugins", "--help");
        assertEquals(0, h.exitCode(), h.err());
        assertTrue(h.out().contains("list") && h.out().contains("install"), h.out());
    }
}
