package org.painlab.literature;

/**
 * Narrows a search: years from and to (inclusive; null for open), a journal (exact name), a
 * language ({@code en}, {@code zh}) and a tag (on the reference or note); null means no filter.
 * Notes carry no year, journal or language, so those filters leave references only.
 *
 * @since 0.1
 */
public record SearchFilter(Integer yearFrom, Integer yearTo, String journal, String language, String tag) {
    /** Without a tag filter. */
    public SearchFilter(Integer yearFrom, Integer yearTo, String journal, String language) {
        this(yearFrom, yearTo, journal, language, null);
    }

    /** No filter. */
    public static SearchFilter none() {
        return new SearchFilter(null, null, null, null, null);
    }
}
