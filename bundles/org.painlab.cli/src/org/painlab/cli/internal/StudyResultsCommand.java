package org.painlab.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab study results DIR [--show ID] [--check ID] [--json]}: the analysis results stored in a
 * study with their provenance; one result's body; or a re-run that checks a result still reproduces.
 */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = "Stored analysis results with their provenance (analysis, parameters, inputs hash, bundle versions, "
                + "who, when); --show prints one result, --check re-runs one and says whether it reproduces.")
public final class StudyResultsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--show", paramLabel = "ID", description = "Print this result with its body (tables).")
    Long show;

    @Option(names = "--check", paramLabel = "ID",
            description = "Re-run this result's analysis with its parameters (nothing is stored) and compare; exit 1 when it does not reproduce.")
    Long check;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Study study = Study.openReadOnly(dir, StudySchemas.contributed())) {
            if (check != null) {
                return check(study, out);
            }
            if (show != null) {
                StoredResult r = new ResultStore(study).get(show)
                        .orElseThrow(() -> new CliFailure(dir + ": no stored result " + show));
                Map<String, Object> m = r.provenance();
                m.put("body", r.body());
                if (json) {
                    new Json().print(out, m);
                } else {
                    out.println(describe(r));
                    new Json().print(out, r.body());
                }
                return 0;
            }
            List<StoredResult> all = new ResultStore(study).list();
            if (json) {
                List<Object> list = new ArrayList<>();
                all.forEach(r -> list.add(r.provenance()));
                new Json().print(out, Map.of("results", list));
            } else if (all.isEmpty()) {
                out.println("No stored results in " + study.name());
            } else {
                all.forEach(r -> out.println(describe(r)));
            }
            return 0;
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }

    private int check(Study study, PrintWriter out) throws StudyException {
        AnalysisRunner.Check c = new AnalysisRunner().check(study, check, null);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", Long.toString(check));
            m.put("analysis", c.stored().analysisId());
            m.put("reproduced", c.reproduced());
            m.put("same_inputs", c.sameInputs());
            m.put("same_body", c.sameBody());
            m.put("inputs_hash", c.inputsHash());
            new Json().print(out, m);
        } else {
            out.println("Result " + check + (c.reproduced() ? " reproduces"
                    : " does NOT reproduce: " + (c.sameInputs() ? "same inputs, different numbers" : "the inputs changed")));
        }
        if (!c.reproduced()) {
            spec.commandLine().getErr().println(dir + ": result " + check + " does not reproduce ("
                    + (c.sameInputs() ? "same inputs, different body" : "inputs changed since it was stored") + ")");
            return 1;
        }
        return 0;
    }

    private static String describe(StoredResult r) {
        return r.id() + "  " + r.created() + "  " + r.by() + "  " + r.analysisId() + "  " + r.title() + "  inputs "
                + r.inputsHash().substring(0, Math.min(12, r.inputsHash().length()));
    }
}
