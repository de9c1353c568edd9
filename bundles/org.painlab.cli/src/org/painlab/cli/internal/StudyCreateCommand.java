package org.painlab.cli.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyDemo;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.NewStudy;
import org.painlab.core.StudyDemos;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab study create DIR [--demo ID]}: a new, empty or demo-filled study. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create a new study in DIR (new or empty folder).")
public final class StudyCreateCommand implements Callable<Integer> {
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
    public Integer call() {
        Path target = dir.toAbsolutePath().normalize();
        try {
            StudyDemo generator = demo == null ? null : StudyDemos.get(demo);
            String title = name != null ? name : target.getFileName().toString();
            new NewStudy(StudySchemas.contributed()).create(target, title, generator, seed, new NullProgressMonitor());
            try (Study study = Study.openReadOnly(target, StudySchemas.contributed())) {
                if (json) {
                    new Json().print(spec.commandLine().getOut(), study.info().toMap());
                } else {
                    spec.commandLine().getErr().println("created study " + target
                            + (demo != null ? " (demo " + demo + ", simulated data)" : ""));
                }
            }
        } catch (StudyException e) {
            throw new CliFailure((demo != null && e.getMessage().startsWith("unknown demo") ? "--demo: " : "") + e.getMessage(), e);
        }
        return 0;
    }
}
