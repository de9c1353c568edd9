package org.painlab.literature;

/**
 * Narrows a search: years from and to (inclusive; null for open), a journal (exact name) and a
 * language ({@code en}, {@code zh}); null means no filter.
 *
 * @since 0.1
 */
public record SearchFilter(Integer yearFrom, Integer yearTo, String journal, String language) {
    /** No filter. */
    public static SearchFilter none() {
        return new SearchFilter(null, null, null, null);
    }
}
