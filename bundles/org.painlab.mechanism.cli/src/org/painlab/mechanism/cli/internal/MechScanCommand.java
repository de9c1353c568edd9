package org.painlab.mechanism.cli.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.core.io.AtomicFiles;
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

/** {@code painlab mech scan MODEL_ID --param p=lo:hi:n [--param q=lo:hi:n] --output VAR --out F.csv [--study DIR]}. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "The output on an evenly spaced grid of one or two parameters, written as CSV (parameters, output);"
                + " with --study the result is stored in the study with its provenance.")
public final class MechScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_ID", description = "An installed model's id, or an SBML file.")
    String modelId;

    @Option(names = "--param", required = true, paramLabel = "p=lo:hi:n", description = "A scanned parameter: n values from lo to hi;"
            + " once or twice (the first varies slowest).")
    List<String> params = new ArrayList<>();

    @Option(names = "--output", paramLabel = "VAR[:max|:auc|@t]", description = "What is computed at each point (default: pain, else"
            + " the first species).")
    String output;

    @Option(names = "--out", required = true, paramLabel = "F.csv", description = "Where to write the grid.")
    Path out;

    @Option(names = "--start", defaultValue = "0", description = "First output time (default 0).")
    double start;

    @Option(names = "--duration", defaultValue = "100", description = "Length of each simulation (default 100).")
    double duration;

    @Option(names = "--steps", defaultValue = "100", description = "Output intervals of each simulation (default 100).")
    int steps;

    @Option(names = "--solver", defaultValue = "auto", description = "Solver id or auto (default).")
    String solver;

    @Option(names = "--threads", description = "Worker threads (default: the processors).")
    Integer threads;

    @Option(names = "--study", paramLabel = "DIR", description = "Store the result in this study.")
    Path study;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who runs it, for the provenance (default: the OS user).")
    String actor;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        if (params.size() > 2) {
            throw new CliFailure("--param: a scan takes one or two parameters, got " + params.size());
        }
        Map<String, String> p = SensitivityInputs.modelParameters(modelId);
        try {
            Model m = SensitivityAnalysis.model(p);
            p.put(SensitivityAnalysis.METHOD, "scan");
            p.put(SensitivityAnalysis.OUTPUT, output != null ? output : SensitivityInputs.defaultOutput(m));
            p.put(SensitivityAnalysis.PARAMETERS, String.join(",", params));
            SensitivityInputs.put(p, SensitivityAnalysis.START, start);
            SensitivityInputs.put(p, SensitivityAnalysis.DURATION, duration);
            SensitivityInputs.put(p, SensitivityAnalysis.STEPS, steps);
            SensitivityInputs.put(p, SensitivityAnalysis.SOLVER, solver);
            Map<String, String> effective = SensitivityAnalysis.effective(p);
            AnalysisResult result = SensitivityAnalysis.compute(m, effective, threads == null ? Runtime.getRuntime().availableProcessors()
                    : threads, null);
            Map<String, Object> table = ((List<Map<String, Object>>) result.body().get("tables")).get(0);
            List<?> header = (List<?>) table.get("header");
            List<List<Object>> rows = (List<List<Object>>) result.body().get("points");
            AtomicFiles.write(out, o -> {
                Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                w.write(String.join(",", header.stream().map(String::valueOf).toList()) + "\n");
                for (List<Object> row : rows) {
                    w.write(String.join(",", row.stream().map(String::valueOf).toList()) + "\n");
                }
                w.flush();
            });
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("model", m.id());
            report.put("output", result.body().get("output"));
            report.put("out", out.toString());
            report.put("points", rows.size());
            report.put("axes", result.body().get("axes"));
            if (study != null) {
                report.put("result_id", SensitivityInputs.store(study, effective, result, actor).id());
            }
            if (json) {
                new Json().print(spec.commandLine().getOut(), report);
            } else {
                spec.commandLine().getOut().println("wrote " + out + " (" + rows.size() + " points)"
                        + (report.containsKey("result_id") ? "; stored as result " + report.get("result_id") : ""));
                spec.commandLine().getOut().flush();
            }
            return 0;
        } catch (ModelException | UnsupportedFeatureException | SensitivityException | IllegalArgumentException e) {
            throw new CliFailure(modelId + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliFailure(out + ": cannot write: " + e.getMessage(), e);
        }
    }
}
