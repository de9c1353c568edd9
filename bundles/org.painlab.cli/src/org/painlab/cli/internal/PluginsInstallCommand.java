package org.painlab.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab plugins install REPO [IU...]}: installs units of a p2 repository into this
 * installation with the p2 director. Without IUs every feature group of the repository is
 * installed. The new bundles are active from the next start.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = { "Install plug-ins from a p2 repository (folder, .zip or URL) into this installation with the p2 director.",
                "Without IU, every feature (*.feature.group) of the repository is installed. Restart painlab afterwards." })
public final class PluginsInstallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPO", description = "The p2 repository: a folder, a .zip, or a file:/http(s): URL.")
    String repository;

    @Parameters(index = "1..*", paramLabel = "IU", description = "Installable units to install (id or id/version); default: every feature group.")
    List<String> units = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object: {repository, installed: [{id, version}], restart_required}.")
    boolean json;

    @Override
    public Integer call() {
        P2Repository repo = readRepository();
        List<P2Repository.Unit> toInstall = new ArrayList<>();
        if (units.isEmpty()) {
            toInstall.addAll(repo.featureGroups());
            if (toInstall.isEmpty()) {
                throw new CliFailure("the repository " + repo.location()
                        + " holds no feature (*.feature.group); name the IUs to install");
            }
        } else {
            for (String u : units) {
                toInstall.add(repo.find(u));
            }
        }
        P2Installation installation = P2Installation.running();
        P2Bundles.Snapshot before = snapshot(installation);
        DirectorLaunch.Outcome outcome;
        try {
            outcome = new DirectorLaunch(installation).run(repo, toInstall);
        } catch (RuntimeException e) {
            restore(before);
            throw e;
        }
        if (outcome.exitCode() != 0) {
            // p2 does not commit a failed install, but a run that ended half-way may have written the lists
            restore(before);
            throw new CliFailure("the p2 director refused to install " + toInstall + " from "
                    + repo.location() + " into " + installation.home() + ": " + reason(outcome.output()));
        }
        split(installation);
        report(repo, installation, toInstall);
        return 0;
    }

    private static P2Bundles.Snapshot snapshot(P2Installation installation) {
        try {
            return P2Bundles.snapshot(installation.configuration());
        } catch (IOException e) {
            throw new CliFailure("cannot read " + installation.configuration() + ": " + e.getMessage(), e);
        }
    }

    private static void restore(P2Bundles.Snapshot before) {
        try {
            before.restore();
        } catch (IOException e) {
            throw new CliFailure("the p2 director failed and " + before.configuration()
                    + " could not be put back as it was: " + e.getMessage(), e);
        }
    }

    /**
     * p2 has rewritten bundles.info and config.ini from its profile, so with the p2 bundles again: they go
     * back to the p2 list, which the workbench does not start from.
     */
    private static void split(P2Installation installation) {
        try {
            P2Bundles.split(installation.configuration());
        } catch (IOException e) {
            throw new CliFailure("installed, but the p2 bundles could not be taken out of "
                    + installation.configuration().resolve(P2Bundles.BUNDLES_INFO) + ": " + e.getMessage(), e);
        }
    }

    private P2Repository readRepository() {
        try {
            return loadRepository();
        } catch (NoClassDefFoundError e) {
            // org.painlab.cli imports p2 optionally: the workbench's and the headless configurations leave p2 out
            throw new CliFailure("p2 is not in this configuration (" + e.getMessage() + "); run `painlab plugins install` "
                    + "through the installation's painlab script, which starts it on configuration/plugins", e);
        }
    }

    private P2Repository loadRepository() {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("painlab-p2-");
        } catch (IOException e) {
            throw new CliFailure("cannot create a temporary folder: " + e.getMessage(), e);
        }
        try {
            return P2Repository.load(repository, scratch);
        } finally {
            deleteQuietly(scratch);
        }
    }

    private void report(P2Repository repo, P2Installation installation, List<P2Repository.Unit> installed) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Object> list = new ArrayList<>();
            for (P2Repository.Unit u : installed) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", u.id());
                m.put("version", u.version());
                list.add(m);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("repository", repo.location().toString());
            root.put("installation", installation.home().toString());
            root.put("profile", installation.profile());
            root.put("installed", list);
            root.put("restart_required", true);
            new Json().print(out, root);
            return;
        }
        out.println("Installed into " + installation.home() + " (p2 profile " + installation.profile() + "):");
        installed.forEach(u -> out.println("  " + u));
        out.println("Restart painlab to use them; `painlab plugins list` then shows their contributions.");
        out.flush();
    }

    /** The director's own explanation: its error lines, without the Java stack frames. */
    static String reason(String output) {
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("at ") || t.startsWith("!ENTRY") || t.startsWith("!SUBENTRY") || t.startsWith("!SESSION")
                    || t.startsWith("!STACK") || t.startsWith("...")) {
                continue;
            }
            lines.add(t.startsWith("!MESSAGE ") ? t.substring(9) : t);
        }
        if (lines.isEmpty()) {
            return "no message (exit code only)";
        }
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
