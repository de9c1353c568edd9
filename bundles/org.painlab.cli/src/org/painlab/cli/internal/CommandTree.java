package org.painlab.cli.internal;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.ILog;
import org.painlab.cli.CliFailure;
import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the {@code painlab} command line from the contributed groups and commands.
 * A contribution that cannot be created is logged and left out; the rest still work.
 */
public final class CommandTree {
    private final CommandContributions contributions;

    public CommandTree(CommandContributions contributions) {
        this.contributions = contributions;
    }

    public CommandLine build(PrintWriter out, PrintWriter err) {
        CommandLine root = new CommandLine(new RootCommand());
        Map<String, CommandLine> groups = new LinkedHashMap<>();
        contributions.groups().forEach((name, description) -> groups.put(name, group(root, name, description)));
        for (Contribution<Callable<Integer>> c : contributions.commands()) {
            String parent = c.attribute("parent");
            try {
                CommandLine sub = new CommandLine(c.newInstance());
                CommandLine target = parent == null || parent.isBlank() ? root
                        : groups.computeIfAbsent(parent, p -> group(root, p, null));
                target.addSubcommand(sub);
            } catch (ContributionException | CommandLine.InitializationException e) {
                ILog.of(CommandTree.class).error("painlab command " + c + " left out: " + e.getMessage(), e);
            }
        }
        root.setOut(out);
        root.setErr(err);
        root.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(ex));
            cmd.getErr().flush();
            return 1;
        });
        return root;
    }

    private static CommandLine group(CommandLine root, String name, String description) {
        CommandSpec spec = CommandSpec.create().name(name);
        spec.mixinStandardHelpOptions(true);
        if (description != null) {
            spec.usageMessage().description(description);
        }
        CommandLine group = new CommandLine(spec);
        root.addSubcommand(name, group);
        return group;
    }

    private static String oneLine(Exception ex) {
        String m = ex instanceof CliFailure || ex.getMessage() != null ? ex.getMessage() : ex.toString();
        if (m == null) {
            m = ex.getClass().getSimpleName();
        }
        return m.replace('\n', ' ');
    }
}
