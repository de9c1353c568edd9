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
        return build(out, err, null);
    }

    /**
     * Builds the command line for one call: when {@code args} start with a group's name only that group's
     * commands are created, and for {@code --version} none. Creating a command loads (and so starts) the bundle
     * that contributes it; a headless call should start the bundles it runs, not every area's.
     *
     * @param args the call's arguments, or null for the whole command line (help, completion)
     */
    public CommandLine build(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine root = new CommandLine(new RootCommand());
        Map<String, CommandLine> groups = new LinkedHashMap<>();
        Map<String, String> declared = contributions.groups();
        String first = args == null || args.length == 0 ? null : args[0];
        boolean versionOnly = args != null && args.length == 1 && ("--version".equals(first) || "-V".equals(first));
        String onlyGroup = first != null && declared.containsKey(first) ? first : null;
        declared.forEach((name, description) -> groups.put(name, group(root, name, description)));
        for (Contribution<Callable<Integer>> c : contributions.commands()) {
            String parent = c.attribute("parent");
            if (versionOnly || onlyGroup != null && !onlyGroup.equals(parent)) {
                continue;
            }
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
