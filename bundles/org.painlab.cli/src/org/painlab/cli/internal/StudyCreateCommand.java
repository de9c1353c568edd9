package org.painlab.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyDemo;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.extension.ExtensionReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab study create DIR [--demo ID]}: a new, empty or demo-filled study. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create a new study in DIR (new or empty folder).")
public final class StudyCreateCommand implements Callable<Integer> {
    static final String DEMOS = "org.painlab.core.demos";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of the new study.")
    Path dir;

    @Option(names = "--name", description = "Title of the study (default: the folder name).")
    String name;

    @Option(names = "--demo", paramLabel = "ID", description = "Fill the study with a simulated demo (e.g. snrb-peld).")
    String demo;

    @Option(names = "--seed", defaultValue = "20261123", description = "Seed of the demo generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the new study's summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !isEmptyDir(target)) {
            throw new CliFailure(target + ": exists and is not an empty folder; choose a new folder");
        }
        StudyDemo generator = demo == null ? null : findDemo(demo);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        // Build the study beside its final place and move it in at the end, so a failed
        // demo or a killed process never leaves a half-made study at DIR.
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".creating-");
        Path work = staging.resolve("study");
        try {
            String title = name != null ? name : target.getFileName().toString();
            try (Study study = Study.create(work, title, StudySchemas.contributed())) {
                if (generator != null) {
                    generator.fill(study, seed, new NullProgressMonitor());
                }
            }
            if (Files.exists(target)) {
                Files.delete(target);
            }
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        } finally {
            deleteTree(staging);
        }
        try (Study study = Study.open(target, StudySchemas.contributed())) {
            if (json) {
                new Json().print(spec.commandLine().getOut(), study.info().toMap());
            } else {
                spec.commandLine().getErr().println("created study " + target + (demo != null ? " (demo " + demo + ", simulated data)" : ""));
            }
        }
        return 0;
    }

    private static StudyDemo findDemo(String id) {
        ExtensionReader<StudyDemo> reader = new ExtensionReader<>(DEMOS, "demo", StudyDemo.class);
        var found = reader.find(id);
        if (found.isEmpty()) {
            String known = reader.read().stream().map(Contribution::id).collect(Collectors.joining(", "));
            throw new CliFailure("--demo: unknown demo '" + id + "'; installed demos: " + (known.isEmpty() ? "none" : known));
        }
        try {
            return found.get().get();
        } catch (ContributionException e) {
            throw new CliFailure("--demo " + id + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmptyDir(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
