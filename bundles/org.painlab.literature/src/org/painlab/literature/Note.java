package org.painlab.literature;

import java.time.Instant;

/**
 * A Markdown note a reader writes, on one reference or on its own. Notes link to items of the study
 * (subjects, results, volumes) through core's link targets; their text is searched with the library.
 *
 * @param key the note's key in the study ({@code n1}, {@code n2}, ...)
 * @param referenceKey the reference it is about, or null for a note on its own
 * @param title a short title, or null
 * @param body the Markdown text
 * @param created when it was written
 * @param updated when it was last changed
 * @since 0.1
 */
public record Note(String key, String referenceKey, String title, String body, Instant created, Instant updated) {
    /** The title, else the body's first non-blank line without Markdown heading marks: what a list shows. */
    public String displayTitle() {
        if (title != null && !title.isBlank()) {
            return title;
        }
        for (String line : body.split("\\R")) {
            String t = line.replaceFirst("^#+\\s*", "").strip();
            if (!t.isEmpty()) {
                return t.length() > 80 ? t.substring(0, 80) + "…" : t;
            }
        }
        return key;
    }
}
