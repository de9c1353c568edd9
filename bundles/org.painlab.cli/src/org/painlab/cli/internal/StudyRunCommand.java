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
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.result.StoredResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab study run DIR ANALYSIS [--param NAME=VALUE ...] [--json]}: runs any installed analysis
 * (contributed to org.painlab.core.analyses, built-in or a plugin's) and stores its result with provenance.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an installed analysis on the study and store its result with its provenance "
                + "(see 'painlab plugins list' for the analyses installed).")
public final class StudyRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Parameters(index = "1", paramLabel = "ANALYSIS", description = "The analysis id, e.g. org.painlab.stats.paperTables.")
    String analysis;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter of the analysis (repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--actor", paramLabel = "NAME", description = "Who runs it, for the provenance (default: the OS user).")
    String actor;

    @Option(names = "--json", description = "Print the stored result (provenance and body) as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        StoredResult r;
        try (Study study = Study.open(dir, StudySchemas.contributed())) {
            r = new AnalysisRunner().run(study, analysis, parameters, actor, null);
        } catch (StudyException e) {
            throw new CliFailure(analysis + ": " + e.getMessage(), e);
        }
        if (json) {
            Map<String, Object> m = r.provenance();
            m.put("body", r.body());
            new Json().print(spec.commandLine().getOut(), m);
        } else {
            spec.commandLine().getErr().println("stored result " + r.id() + ": " + r.title());
        }
        return 0;
    }
}
