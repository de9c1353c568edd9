package org.painlab.literature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.painlab.literature.internal.search.ReferenceIndex;

/**
 * Full-text search over references with separate fields for Chinese (smartcn words), English
 * (stemmed) and exact words (every word and acronym as written, lower-cased: smartcn and the
 * English stemmer turn VAS into "va", the exact field keeps "vas"), highlights and filters by
 * year, journal and language. The index is derived data: {@link #build} makes it from the store's
 * references, in a folder (kept between searches) or in memory.
 *
 * @since 0.1
 */
public final class LiteratureIndex implements AutoCloseable {
    private final ReferenceIndex index;

    private LiteratureIndex(ReferenceIndex index) {
        this.index = index;
    }

    /**
     * @param folder where to keep the index (replaced), or null for memory
     * @param version written into the index, so that {@link #versionIn} tells whether it is current
     */
    public static LiteratureIndex build(List<Reference> references, Path folder, String version) throws LiteratureException {
        try {
            return new LiteratureIndex(ReferenceIndex.build(references, folder, version));
        } catch (IOException e) {
            throw new LiteratureException("cannot write the search index" + (folder == null ? "" : " in " + folder) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Indexes references with their tags, and notes, so that one search finds both.
     *
     * @param folder where to keep the index (replaced), or null for memory
     */
    public static LiteratureIndex build(List<Reference> references, LibraryExtras extras, Path folder, String version)
            throws LiteratureException {
        try {
            return new LiteratureIndex(ReferenceIndex.build(references, extras, folder, version));
        } catch (IOException e) {
            throw new LiteratureException("cannot write the search index" + (folder == null ? "" : " in " + folder) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Opens the index kept in {@code folder}. */
    public static LiteratureIndex open(Path folder) throws LiteratureException {
        try {
            return new LiteratureIndex(ReferenceIndex.open(folder));
        } catch (IOException e) {
            throw new LiteratureException("cannot read the search index in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The version written into the index in {@code folder}, or null when there is no readable index. */
    public static String versionIn(Path folder) {
        return ReferenceIndex.versionIn(folder);
    }

    /**
     * @param query words in either language; Lucene syntax (quotes, AND, OR, field:word) is understood,
     *        and text that is not valid syntax is searched as plain words
     * @return the best {@code max} hits, best first
     */
    public List<SearchHit> search(String query, SearchFilter filter, int max) throws LiteratureException {
        try {
            return index.search(query, filter == null ? SearchFilter.none() : filter, max);
        } catch (IOException e) {
            throw new LiteratureException("search failed: " + e.getMessage(), e);
        }
    }

    /** Number of references matching {@code query} (all of them, not only the ones returned). */
    public long count(String query, SearchFilter filter) throws LiteratureException {
        try {
            return index.count(query, filter == null ? SearchFilter.none() : filter);
        } catch (IOException e) {
            throw new LiteratureException("search failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        index.close();
    }
}
