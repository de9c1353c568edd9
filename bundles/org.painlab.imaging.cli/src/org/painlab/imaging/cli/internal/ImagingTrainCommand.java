package org.painlab.imaging.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.evaluate.CrossValidationAnalysis;
import org.painlab.imaging.evaluate.ModelTraining;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab imaging train DIR --model ID [--folds K] --seed S}: cross-validates a classifier grouped by
 * patient, stores the out-of-fold predictions and metrics as a result, then trains it on all labelled cases
 * and saves that model in the study's files ({@link ModelTraining}, as the Imaging perspective does).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Cross-validate a classifier grouped by patient (no patient in training and test of one fold),"
                + " store out-of-fold probabilities and metrics in the study, and save the model trained on all cases.")
public final class ImagingTrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "Classifier id (rf, cnn, ...).")
    String model;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "Folds (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Random seed (folds and training).")
    long seed;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "A classifier parameter (e.g. trees=500); repeatable.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--cases", paramLabel = "FEATURES.csv",
            description = "Read the cases from a feature table (case,patient,label,<features>) instead of the study's volumes.")
    Path table;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who runs it, for the provenance (default: the OS user).")
    String actor;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    private final CrossValidationAnalysis analysis;

    /** Reads the study's own cases unless {@code --cases} is given. */
    public ImagingTrainCommand() {
        this(new CrossValidationAnalysis());
    }

    /** @param analysis the cross-validation with its source of the study's cases */
    ImagingTrainCommand(CrossValidationAnalysis analysis) {
        this.analysis = analysis;
    }

    @Override
    public Integer call() {
        Map<String, String> parameters = new LinkedHashMap<>(set);
        parameters.put(CrossValidationAnalysis.MODEL, model);
        parameters.put(CrossValidationAnalysis.FOLDS, Integer.toString(folds));
        parameters.put(CrossValidationAnalysis.SEED, Long.toString(seed));
        if (table != null) {
            // the absolute path, so that `study results --check` re-reads the same table
            parameters.put(CrossValidationAnalysis.CASES, table.toAbsolutePath().toString());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        try (Study study = Study.open(dir, StudySchemas.contributed())) {
            ModelTraining.Outcome trained = new ModelTraining(analysis).run(study, parameters, actor, progress(),
                    new NullProgressMonitor());
            out.putAll(trained.computed().body());
            out.remove("tables");
            out.put("result_id", trained.result().id());
            out.put("model_file", study.folder().relativize(trained.modelFile()).toString());
            out.put("feature_settings", trained.recipe() == null ? null : trained.recipe().describe());
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliFailure((table != null ? table + ": " : dir + ": ") + e.getMessage(), e);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            new Json().print(w, out);
        } else {
            Map<?, ?> m = (Map<?, ?>) out.get("metrics");
            w.printf("%s, %d folds grouped by patient, seed %d: %s cases of %s patients%n", model, folds, seed,
                    out.get("n_cases"), out.get("n_patients"));
            w.printf("AUC %.4f  accuracy %.4f  sensitivity %.4f  specificity %.4f (at 0.5)%n", m.get("auc"),
                    m.get("accuracy"), m.get("sensitivity"), m.get("specificity"));
            w.printf("stored as result %s; model saved in %s%n", out.get("result_id"), out.get("model_file"));
            w.flush();
        }
        return 0;
    }

    private TrainingListener progress() {
        if (json) {
            return TrainingListener.NONE;
        }
        PrintWriter err = spec.commandLine().getErr();
        return (step, steps, loss, accuracy) -> {
            err.printf("  step %d/%d%s%n", step, steps, Double.isNaN(accuracy) ? "" : String.format(
                    " training accuracy %.3f", accuracy));
            err.flush();
        };
    }
}
