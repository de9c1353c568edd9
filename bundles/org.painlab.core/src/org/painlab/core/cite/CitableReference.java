package org.painlab.core.cite;

/**
 * One reference a document can cite: its key and a one-line label for choosing it (authors, year, title).
 *
 * @param key the citation key the provider knows it by
 * @param label authors, year and title on one line
 * @since 0.1
 */
public record CitableReference(String key, String label) {
    /** Checks that the key is present. */
    public CitableReference {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a citable reference needs a key");
        }
        label = label == null ? key : label;
    }
}
