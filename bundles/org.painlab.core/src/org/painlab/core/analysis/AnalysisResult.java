package org.painlab.core.analysis;

import java.util.Map;

/**
 * The outcome of an analysis: a title and a JSON-shaped body (maps, lists, numbers,
 * strings), plus the inputs it read, recorded as provenance.
 */
public record AnalysisResult(String title, Map<String, Object> body, Map<String, Object> inputs) {
}
