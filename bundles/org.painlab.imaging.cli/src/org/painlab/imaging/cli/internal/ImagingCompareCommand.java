package org.painlab.imaging.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
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
import org.painlab.core.result.StoredResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab imaging compare DIR}: the stored models' out-of-fold ROC curves compared on the same cases.
 * Runs the statistics engine's analysis by its id (imaging does not depend on statistics): AUC with DeLong
 * and patient-clustered (Obuchowski) 95% CIs per model, paired DeLong and clustered tests per pair.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare the trained models' out-of-fold predictions on the same cases: AUC with DeLong and"
                + " patient-clustered 95%% CIs, paired DeLong test and its clustered variant; stored in the study.")
public final class ImagingCompareCommand implements Callable<Integer> {
    /** The statistics engine's comparison, run by id through core. */
    static final String ROC_COMPARISON = "org.painlab.stats.rocComparison";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--models", paramLabel = "ID,ID", split = ",",
            description = "Models to compare (default: every model with a stored cross-validation).")
    List<String> models;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who runs it, for the provenance (default: the OS user).")
    String actor;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("observations", "predictions");
        if (models != null && !models.isEmpty()) {
            parameters.put("markers", String.join(",", models));
        }
        StoredResult stored;
        try (Study study = Study.open(dir, StudySchemas.contributed())) {
            stored = new AnalysisRunner().run(study, ROC_COMPARISON, parameters, actor, null);
        } catch (StudyException e) {
            String msg = e.getMessage();
            if (msg.contains("no clustered observations named 'predictions'")) {
                msg = dir + ": no model is trained yet: run `painlab imaging train " + dir + " --model rf --seed 1` first";
            }
            throw new CliFailure(msg, e);
        }
        Map<String, Object> out = new LinkedHashMap<>(stored.body());
        Object tables = out.remove("tables");
        out.put("result_id", stored.id());
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            new Json().print(w, out);
        } else {
            for (Object t : (List<?>) tables) {
                Map<?, ?> table = (Map<?, ?>) t;
                w.println(table.get("title"));
                w.println("  " + String.join(" | ", ((List<?>) table.get("header")).stream().map(String::valueOf).toList()));
                for (Object row : (List<?>) table.get("rows")) {
                    w.println("  " + String.join(" | ", ((List<?>) row).stream().map(String::valueOf).toList()));
                }
            }
            w.println("stored as result " + stored.id());
            w.flush();
        }
        return 0;
    }
}
