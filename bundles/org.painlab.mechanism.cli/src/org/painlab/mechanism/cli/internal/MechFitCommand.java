package org.painlab.mechanism.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.result.StoredResult;
import org.painlab.mechanism.fit.FitAnalysis;
import org.painlab.mechanism.fit.FitException;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sensitivity.SensitivityAnalysis;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab mech fit MODEL_ID (--study DIR | --data FILE.csv) --fit p1,p2 [--bounds p=lo:hi] [--arm S=ID@t] [--observable pain]
 * [--starts N [--seed S]]}:
 * runs the analysis org.painlab.mechanism.fit; with a study it is stored through AnalysisRunner.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Estimate model parameters (Levenberg-Marquardt, weighted least squares) so a model variable matches the study's"
                + " time courses (each trial arm's mean per day, e.g. VAS) or a CSV file of observations (time,value[,sd[,n]]);"
                + " with --study the fit is stored in the study with its provenance.")
public final class MechFitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_ID", description = "An installed model's id, or an SBML file.")
    String modelId;

    @Option(names = "--study", paramLabel = "DIR", description = "Fit the study's time courses (or --data) and store the fit in the study.")
    Path study;

    @Option(names = "--data", paramLabel = "FILE.csv", description = "Observations: time,value[,sd[,n]] (header optional).")
    Path data;

    @Option(names = "--fit", required = true, split = ",", paramLabel = "p", description = "Parameters to estimate (comma-separated).")
    List<String> fit = new ArrayList<>();

    @Option(names = "--bounds", paramLabel = "p=lo:hi", description = "Bounds of a fitted parameter (repeatable; default [0, inf) for a"
            + " positive value; 'inf' allowed).")
    List<String> bounds = new ArrayList<>();

    @Option(names = "--initial", paramLabel = "p=v", description = "Starting value of a fitted parameter (default: the model's).")
    List<String> initial = new ArrayList<>();

    @Option(names = "--set", paramLabel = "p=v", description = "Fix parameter p at v (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--arm", paramLabel = "ARM=ID@t[,...]", description = "Fit this arm, giving the model these interventions (ID@t or"
            + " ID@t0+every*count; 'none' for no intervention); repeatable. Default: every arm, no intervention. A CSV file's arm is 'data'.")
    List<String> arms = new ArrayList<>();

    @Option(names = "--observable", defaultValue = "pain", description = "The model variable compared with the data (default pain).")
    String observable;

    @Option(names = "--outcome", description = "The study's course to fit (default vas).")
    String outcome;

    @Option(names = "--scale", description = "Data units per model unit (default 1; e.g. 10 for VAS in mm against pain 0-10).")
    Double scale;

    @Option(names = "--time-offset", description = "Model time = data time + offset (default 0).")
    Double timeOffset;

    @Option(names = "--start", description = "Model time at which the simulations start (default: 0, or the first observation if earlier).")
    Double start;

    @Option(names = "--solver", description = "Solver id or auto (default).")
    String solver;

    @Option(names = "--max-evaluations", description = "Most model evaluations (default 400).")
    Integer maxEvaluations;

    @Option(names = "--starts", paramLabel = "N", description = "Levenberg-Marquardt searches (default 1): the first from the initial"
            + " values, the others from points drawn within the bounds (a factor of 10 around the initial value where a bound is"
            + " open); the best is reported with the objective each reached.")
    Integer starts;

    @Option(names = "--seed", description = "Seed of the drawn starting points (default 1).")
    Long seed;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who runs it, for the provenance (default: the OS user).")
    String actor;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if (study == null && data == null) {
            throw new CliFailure("give the observations: --study DIR (its time courses) or --data FILE.csv");
        }
        Map<String, String> p = SensitivityInputs.modelParameters(modelId);
        p.put(FitAnalysis.FIT, String.join(",", fit));
        SensitivityInputs.put(p, FitAnalysis.BOUNDS, SensitivityInputs.joined(bounds));
        SensitivityInputs.put(p, FitAnalysis.INITIAL, SensitivityInputs.joined(initial));
        SensitivityInputs.put(p, FitAnalysis.SET, SensitivityInputs.joined(sets));
        SensitivityInputs.put(p, FitAnalysis.ARMS, arms.isEmpty() ? null : String.join(";", arms));
        SensitivityInputs.put(p, FitAnalysis.OBSERVABLE, observable);
        SensitivityInputs.put(p, FitAnalysis.OUTCOME, outcome);
        SensitivityInputs.put(p, FitAnalysis.SCALE, scale);
        SensitivityInputs.put(p, FitAnalysis.TIME_OFFSET, timeOffset);
        SensitivityInputs.put(p, FitAnalysis.START, start);
        SensitivityInputs.put(p, FitAnalysis.SOLVER, solver);
        SensitivityInputs.put(p, FitAnalysis.MAX_EVALUATIONS, maxEvaluations);
        SensitivityInputs.put(p, FitAnalysis.STARTS, starts);
        SensitivityInputs.put(p, FitAnalysis.SEED, seed);
        if (data != null) {
            try {
                p.put(FitAnalysis.DATA, Files.readString(data, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                throw new CliFailure(data + ": no such file", e);
            } catch (IOException e) {
                throw new CliFailure(data + ": cannot read: " + e.getMessage(), e);
            }
            p.put(FitAnalysis.DATA_NAME, data.getFileName().toString());
        }
        Map<String, String> effective = FitAnalysis.effective(p);
        Map<String, Object> out;
        try {
            if (study != null) {
                StoredResult stored;
                try (Study opened = Study.open(study, StudySchemas.contributed())) {
                    stored = new AnalysisRunner().run(opened, FitAnalysis.ID, effective, actor, null);
                }
                out = new LinkedHashMap<>(stored.body());
                out.put("result_id", stored.id());
            } else {
                Model m = SensitivityAnalysis.model(p);
                AnalysisResult r = FitAnalysis.compute(m, effective, FitAnalysis.observations(null, effective), null);
                out = new LinkedHashMap<>(r.body());
            }
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        } catch (ModelException | UnsupportedFeatureException | FitException | IllegalArgumentException e) {
            throw new CliFailure(modelId + ": " + e.getMessage(), e);
        }
        print(out);
        return 0;
    }

    private void print(Map<String, Object> out) {
        PrintWriter w = spec.commandLine().getOut();
        Object tables = out.remove("tables");
        if (json) {
            new Json().print(w, out);
            return;
        }
        for (Object t : (List<?>) tables) {
            Map<?, ?> table = (Map<?, ?>) t;
            w.println(table.get("title"));
            w.println("  " + String.join(" | ", ((List<?>) table.get("header")).stream().map(String::valueOf).toList()));
            for (Object row : (List<?>) table.get("rows")) {
                w.println("  " + String.join(" | ", ((List<?>) row).stream().map(String::valueOf).toList()));
            }
            Object notes = table.get("footnotes");
            if (notes instanceof List<?> l) {
                l.forEach(n -> w.println("  " + n));
            }
        }
        if (out.containsKey("result_id")) {
            w.println("stored as result " + out.get("result_id"));
        }
        w.flush();
    }
}
