package org.painlab.literature;

import java.util.Map;

/**
 * One reference found by a search: its key, score, titles, year and journal, and the matching
 * passages per field with the matched words marked {@code <b>...</b>}.
 *
 * @since 0.1
 */
public record SearchHit(String key, float score, String title, String titleZh, Integer year, String journal,
        Map<String, String> highlights) {
    public SearchHit {
        highlights = Map.copyOf(highlights);
    }
}
