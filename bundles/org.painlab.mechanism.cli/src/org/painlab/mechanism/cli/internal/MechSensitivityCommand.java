package org.painlab.mechanism.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.core.result.StoredResult;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sensitivity.SensitivityAnalysis;
import org.painlab.mechanism.sensitivity.SensitivityException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab mech sensitivity MODEL_ID --method morris|sobol|local --samples N [--output ...] [--param p=lo:hi] [--study DIR]}. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = "Global (Morris screening, Sobol indices) or local sensitivity of a model output to its parameters;"
                + " with --study the result is stored in the study with its provenance.")
public final class MechSensitivityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_ID", description = "An installed model's id, or an SBML file.")
    String modelId;

    @Option(names = "--method", defaultValue = "sobol", description = "morris, sobol (default) or local.")
    String method;

    @Option(names = "--samples", paramLabel = "N", description = "Morris trajectories (default 20) or Sobol base samples (default 1000).")
    Integer samples;

    @Option(names = "--output", paramLabel = "VAR[:max|:auc|@t]",
            description = "What is studied: the variable at the end (VAR), at time t (VAR@t), its maximum or its area under the curve"
                    + " (default: pain, else the first species).")
    String output;

    @Option(names = "--param", paramLabel = "p=lo:hi", description = "A parameter and its range (p alone: ±50%% of its value); repeatable."
            + " Default: every constant non-zero parameter ±50%%.")
    List<String> params = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default 1).")
    long seed;

    @Option(names = "--levels", description = "Morris grid levels (even, default 4).")
    Integer levels;

    @Option(names = "--bootstrap", description = "Sobol bootstrap resamples for the 95%% intervals (default 100; 0 for none).")
    Integer bootstrap;

    @Option(names = "--start", defaultValue = "0", description = "First output time (default 0).")
    double start;

    @Option(names = "--duration", defaultValue = "100", description = "Length of each simulation in the model's time unit (default 100).")
    double duration;

    @Option(names = "--steps", defaultValue = "100", description = "Output intervals of each simulation (default 100).")
    int steps;

    @Option(names = "--solver", defaultValue = "auto", description = "Solver id or auto (default).")
    String solver;

    @Option(names = "--threads", description = "Worker threads (default: the processors); the result does not depend on it.")
    Integer threads;

    @Option(names = "--study", paramLabel = "DIR", description = "Store the result in this study.")
    Path study;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who runs it, for the provenance (default: the OS user).")
    String actor;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if (!List.of("morris", "sobol", "local").contains(method)) {
            throw new CliFailure("--method '" + method + "': expected morris, sobol or local");
        }
        Map<String, String> p = SensitivityInputs.modelParameters(modelId);
        try {
            Model m = SensitivityAnalysis.model(p);
            p.put(SensitivityAnalysis.METHOD, method);
            p.put(SensitivityAnalysis.OUTPUT, output != null ? output : SensitivityInputs.defaultOutput(m));
            SensitivityInputs.put(p, SensitivityAnalysis.PARAMETERS, SensitivityInputs.joined(params));
            SensitivityInputs.put(p, SensitivityAnalysis.SAMPLES, samples);
            SensitivityInputs.put(p, SensitivityAnalysis.SEED, seed);
            SensitivityInputs.put(p, SensitivityAnalysis.LEVELS, levels);
            SensitivityInputs.put(p, SensitivityAnalysis.BOOTSTRAP, bootstrap);
            SensitivityInputs.put(p, SensitivityAnalysis.START, start);
            SensitivityInputs.put(p, SensitivityAnalysis.DURATION, duration);
            SensitivityInputs.put(p, SensitivityAnalysis.STEPS, steps);
            SensitivityInputs.put(p, SensitivityAnalysis.SOLVER, solver);
            Map<String, String> effective = SensitivityAnalysis.effective(p);
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            long t0 = System.nanoTime();
            AnalysisResult result = SensitivityAnalysis.compute(m, effective, n, null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> out = new LinkedHashMap<>(result.body());
            Object tables = out.remove("tables");
            out.put("threads", n);
            out.put("seconds", seconds);
            if (study != null) {
                StoredResult stored = SensitivityInputs.store(study, effective, result, actor);
                out.put("result_id", stored.id());
            }
            print(out, tables);
            return 0;
        } catch (ModelException | UnsupportedFeatureException | SensitivityException e) {
            throw new CliFailure(modelId + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(modelId + ": " + e.getMessage(), e);
        }
    }

    private void print(Map<String, Object> out, Object tables) {
        PrintWriter w = spec.commandLine().getOut();
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
        }
        w.printf("%s evaluations on %s threads in %.1f s%s%n", out.getOrDefault("evaluations", "–"), out.get("threads"),
                (Double) out.get("seconds"), out.containsKey("result_id") ? "; stored as result " + out.get("result_id") : "");
        w.flush();
    }
}
