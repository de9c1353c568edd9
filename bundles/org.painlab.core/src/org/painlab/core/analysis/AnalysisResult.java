package org.painlab.core.analysis;

import java.util.Map;

/**
 * What an analysis returns: a title, a JSON-shaped body (maps, lists, numbers, strings) and the
 * inputs it read, recorded as provenance (their hash is stored with the result). Analyses that
 * show tables put them in the body under {@code "tables"} as
 * {@code [{"title": ..., "header": [...], "rows": [[...], ...], "notes": [...]}]}, so the
 * workbench can show any stored result without knowing the analysis.
 *
 * @param title a title for lists and reports
 * @param body the result
 * @param inputs what it read (e.g. the fingerprint of the subject data), hashed into the provenance
 * @since 0.1
 */
public record AnalysisResult(String title, Map<String, Object> body, Map<String, Object> inputs) {
}
