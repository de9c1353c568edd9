package org.painlab.imaging.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.result.StoredResult;
import org.painlab.imaging.store.SavedModels;
import org.painlab.imaging.store.VolumeGradingAnalysis;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab imaging grade DIR --model ID VOLUME [--mask MASK] | --cases FEATURES.csv}: grades a new volume (or
 * the rows of a feature table) with a model saved in the study by {@code imaging train}, without retraining, and
 * stores the grading as a result of {@link VolumeGradingAnalysis} with its provenance.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade a new volume (any model; a model on features computes them with the feature settings saved"
                + " with it) or the rows of a feature table with a model saved in the study by `imaging train`;"
                + " the grading is stored in the study.")
public final class ImagingGradeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VOLUME", description = "A volume to grade.")
    Path volume;

    @Option(names = "--mask", paramLabel = "MASK", description = "The volume's region of interest (non-zero voxels, same grid).")
    Path mask;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "Classifier id of the saved model.")
    String model;

    @Option(names = "--result", paramLabel = "N", description = "The training result whose model to use (default: the newest).")
    Long result;

    @Option(names = "--cases", paramLabel = "FEATURES.csv", description = "Grade the rows of this feature table.")
    Path table;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.5",
            description = "Probability at or above which a case is graded positive (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who runs it, for the provenance (default: the OS user).")
    String actor;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if ((volume == null) == (table == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give either VOLUME or --cases FEATURES.csv");
        }
        if (mask != null && volume == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--mask goes with VOLUME");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threshold must be from 0 to 1");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        try (Study study = Study.open(dir, StudySchemas.contributed())) {
            // the model is resolved now, so the stored parameters name it even after a newer one is trained
            SavedModels.SavedModel saved = new SavedModels(study).find(model, result).orElseThrow(() -> new StudyException(
                    dir + ": no saved model of '" + model + "'" + (result == null ? "" : " from result " + result)
                            + ": run `painlab imaging train " + dir + " --model " + model + " --seed S` first"));
            Map<String, String> p = new LinkedHashMap<>();
            p.put(VolumeGradingAnalysis.MODEL, model);
            p.put(VolumeGradingAnalysis.TRAINING_RESULT, Long.toString(saved.trainingResult()));
            p.put(VolumeGradingAnalysis.THRESHOLD, Double.toString(threshold));
            if (table != null) {
                p.put(VolumeGradingAnalysis.CASES, table.toAbsolutePath().toString());
            } else {
                p.put(VolumeGradingAnalysis.VOLUME, volume.toAbsolutePath().toString());
                if (mask != null) {
                    p.put(VolumeGradingAnalysis.MASK, mask.toAbsolutePath().toString());
                }
            }
            StoredResult stored = new AnalysisRunner().run(study, VolumeGradingAnalysis.ID, p, actor, new NullProgressMonitor());
            out.putAll(stored.body());
            out.remove("tables");
            out.put("result_id", stored.id());
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        } catch (IOException e) {
            throw new CliFailure(dir + ": the saved models cannot be read (" + e.getMessage() + ")", e);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            new Json().print(w, out);
        } else {
            for (Object o : (List<?>) out.get("cases")) {
                Map<?, ?> r = (Map<?, ?>) o;
                w.printf("%s  %s  %.4f  grade %s%n", r.get("case"), r.get("patient"), r.get("probability"), r.get("grade"));
            }
            w.printf("model %s (training result %s); stored as result %s%n", model, out.get("training_result"), out.get("result_id"));
            w.flush();
        }
        return 0;
    }
}
