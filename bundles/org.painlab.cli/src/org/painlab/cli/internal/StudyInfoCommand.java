package org.painlab.cli.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudyInfo;
import org.painlab.core.StudySchemas;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab study info DIR [--json]}: what a study holds. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Counts of subjects, visits, volumes, models, references and audit rows.")
public final class StudyInfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        StudyInfo info;
        try (Study study = Study.openReadOnly(dir, StudySchemas.contributed())) {
            info = study.info();
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        if (json) {
            new Json().print(spec.commandLine().getOut(), info.toMap());
        } else {
            var out = spec.commandLine().getOut();
            out.println("Study " + info.name() + " (" + dir.toAbsolutePath().normalize() + ")");
            for (Map.Entry<String, Object> e : info.counts().entrySet()) {
                out.println("  " + e.getKey() + ": " + e.getValue());
            }
        }
        return 0;
    }
}
