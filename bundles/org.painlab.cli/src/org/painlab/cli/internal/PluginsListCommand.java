package org.painlab.cli.internal;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code painlab plugins list [--json]}: the installed contributions per PainLab extension point. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Installed contributions (instruments, tests, importers, commands, ...) per PainLab extension point.")
public final class PluginsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object: {\"points\": {POINT: [{id, name, contributor}]}}.")
    boolean json;

    @Override
    public Integer call() {
        InstalledContributions installed = new InstalledContributions();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            new Json().print(out, installed.toJson());
            return 0;
        }
        for (Map.Entry<String, List<InstalledContributions.Entry>> point : installed.byPoint().entrySet()) {
            out.println(point.getKey() + " (" + point.getValue().size() + ")");
            for (InstalledContributions.Entry e : point.getValue()) {
                String name = e.name().equals(e.id()) ? "" : "  " + e.name();
                out.println("  " + e.id() + name + "  [" + e.contributor() + "]");
            }
        }
        out.flush();
        return 0;
    }
}
