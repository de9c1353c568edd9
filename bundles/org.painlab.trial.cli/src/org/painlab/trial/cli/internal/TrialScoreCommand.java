package org.painlab.trial.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.trial.Instruments;
import org.painlab.trial.instrument.Instrument;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code painlab trial score INSTRUMENT --answers FILE.json --json}, or {@code --describe}. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score one set of answers with an instrument (vas, nrs, odi, joa, sf36, macnab, complications, or a contributed one).")
public final class TrialScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTRUMENT")
    String instrumentId;

    @Option(names = "--answers", paramLabel = "FILE.json", description = "JSON object of item id to value; an item left out is missing.")
    Path answers;

    @Option(names = "--describe", description = "Print the instrument's items instead of scoring.")
    boolean describe;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Instrument instrument;
        try {
            instrument = new Instruments().get(instrumentId);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("INSTRUMENT: " + e.getMessage());
        }
        Json out = new Json();
        if (describe) {
            out.print(spec.commandLine().getOut(), instrument.describe());
            return 0;
        }
        if (answers == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing option: --answers FILE.json (or --describe)");
        }
        Map<String, Double> values = readAnswers(out, answers);
        Map<String, Object> result;
        try {
            result = instrument.score(values).toMap();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(answers + ": " + e.getMessage(), e);
        }
        if (json) {
            out.print(spec.commandLine().getOut(), result);
        } else {
            spec.commandLine().getOut().println(instrument.name() + ": " + result.get("score")
                    + (result.get("band") != null ? " (" + result.get("band") + ")" : ""));
        }
        return 0;
    }

    private static Map<String, Double> readAnswers(Json json, Path file) {
        JsonNode root;
        try {
            root = json.mapper().readTree(org.painlab.cli.InputFiles.text(file));
        } catch (JacksonException e) {
            throw new CliFailure(file + " is not valid JSON: " + org.painlab.core.io.JsonText.syntaxProblem(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new CliFailure(file + ": expected a JSON object of item id to value");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            if (!v.isNumber()) {
                throw new CliFailure(file + ": field '" + e.getKey() + "': expected a number, found " + v);
            }
            values.put(e.getKey(), v.doubleValue());
        }
        return values;
    }
}
