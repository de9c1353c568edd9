package org.painlab.mechanism.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.cli.CliFailure;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.result.StoredResult;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.sensitivity.SensitivityAnalysis;

/**
 * What sensitivity and scan share: the analysis parameters naming the model (an installed id, or an SBML
 * file's text so a stored result can be re-run), the default output, and storing in a study.
 */
final class SensitivityInputs {
    private SensitivityInputs() {
    }

    /** The model's part of the analysis parameters. */
    static Map<String, String> modelParameters(String modelId) {
        Map<String, String> p = new LinkedHashMap<>();
        Path file = Path.of(modelId);
        if (modelId.endsWith(".xml") && Files.isRegularFile(file)) {
            try {
                p.put(SensitivityAnalysis.SBML, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CliFailure(file + ": cannot read: " + e.getMessage(), e);
            }
        } else {
            p.put(SensitivityAnalysis.MODEL, modelId);
        }
        return p;
    }

    /** The output studied when none is given: {@code pain} when the model has it, else its first species or variable. */
    static String defaultOutput(Model m) {
        if (m.parameter("pain").isPresent() || m.speciesById("pain").isPresent()) {
            return "pain";
        }
        if (!m.species().isEmpty()) {
            return m.species().get(0).id();
        }
        return m.parameters().stream().filter(p -> !p.constant()).map(Parameter::id).findFirst()
                .orElseThrow(() -> new CliFailure("model '" + m.id() + "' has no species or variable: give --output"));
    }

    /** Stores the sensitivity result in the study {@code dir}. */
    static StoredResult store(Path dir, Map<String, String> parameters, AnalysisResult result, String actor) {
        return store(dir, SensitivityAnalysis.ID, parameters, result, actor);
    }

    /** Stores a result the command computed through the analysis' own API, with the provenance AnalysisRunner gives. */
    static StoredResult store(Path dir, String analysisId, Map<String, String> parameters, AnalysisResult result, String actor) {
        try (Study study = Study.open(dir, StudySchemas.contributed())) {
            return new AnalysisRunner().record(study, analysisId, parameters, result, actor);
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }

    /** Adds {@code name=value} to the parameters when a value is given. */
    static void put(Map<String, String> p, String name, Object value) {
        if (value != null) {
            p.put(name, value.toString());
        }
    }

    /** Joins repeated options for the analysis' comma-separated parameter. */
    static String joined(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }
}
