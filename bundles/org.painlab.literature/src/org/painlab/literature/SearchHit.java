package org.painlab.literature;

import java.util.Map;

/**
 * One reference or note found by a search: its kind ({@value #REFERENCE} or {@value #NOTE}), key,
 * score, titles, year and journal (references), and the matching passages per field with the
 * matched words marked {@code <b>...</b>}.
 *
 * @since 0.1
 */
public record SearchHit(String key, float score, String title, String titleZh, Integer year, String journal,
        Map<String, String> highlights, String kind) {
    /** Kind of a reference hit. */
    public static final String REFERENCE = "reference";
    /** Kind of a note hit. */
    public static final String NOTE = "note";

    public SearchHit {
        highlights = Map.copyOf(highlights);
        kind = kind == null ? REFERENCE : kind;
    }

    /** A reference hit. */
    public SearchHit(String key, float score, String title, String titleZh, Integer year, String journal,
            Map<String, String> highlights) {
        this(key, score, title, titleZh, year, journal, highlights, REFERENCE);
    }
}
