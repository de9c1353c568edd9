package org.painlab.cli.internal;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.Analysis;
import org.painlab.core.analysis.AnalysisResult;

/** A deterministic test analysis: greets the study by name, as many times as parameter "times" says. */
public class GreetingAnalysis implements Analysis {
    @Override
    public AnalysisResult run(Study study, Map<String, String> parameters, IProgressMonitor monitor) throws StudyException {
        int times;
        try {
            times = Integer.parseInt(parameters.getOrDefault("times", "1"));
        } catch (NumberFormatException e) {
            throw new StudyException("parameter 'times' must be a whole number, not '" + parameters.get("times") + "'", e);
        }
        return new AnalysisResult("Greeting", Map.of("greeting", "hello ".repeat(times) + study.name(),
                "tables", List.of(Map.of("title", "Greeting", "header", List.of("study", "times"),
                        "rows", List.of(List.of(study.name(), times))))), Map.of("study", study.manifest().id()));
    }
}
