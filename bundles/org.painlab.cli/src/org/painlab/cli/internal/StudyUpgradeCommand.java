package org.painlab.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab study upgrade DIR}: applies the schema migrations of this version to a study
 * written by an older one. Commands that only read a study open it read-only and never migrate
 * it, so that reading leaves its files as they were; this is the explicit step that changes it.
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = "Upgrade a study written by an older PainLab to this version's schema (reading commands never do).")
public final class StudyUpgradeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--json", description = "Print one JSON object: {\"study\", \"upgraded\", \"schemas\"}.")
    boolean json;

    @Override
    public Integer call() {
        Path target = dir.toAbsolutePath().normalize();
        java.util.List<String> pending;
        try {
            pending = Study.pendingUpgrades(target, StudySchemas.contributed());
            if (!pending.isEmpty()) {
                // a write open applies the pending migrations, each in its own transaction
                Study.open(target, StudySchemas.contributed()).close();
            }
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        boolean upgraded = !pending.isEmpty();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("study", target.toString());
            out.put("upgraded", upgraded);
            out.put("schemas", pending);
            new Json().print(spec.commandLine().getOut(), out);
        } else {
            spec.commandLine().getErr().println(upgraded ? "upgraded study " + target + ": schema " + String.join(", ", pending)
                    : "study " + target + " is already at this version; nothing was changed");
        }
        return 0;
    }
}
