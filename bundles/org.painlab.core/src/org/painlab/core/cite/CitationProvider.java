package org.painlab.core.cite;

import java.util.List;

import org.painlab.core.Study;
import org.painlab.core.StudyException;

/**
 * Formats citations of the references a study keeps, for any area that writes a document (the
 * statistics reports) without knowing the area that keeps them. Contributed through
 * {@code org.painlab.core.citationProviders}; literature provides it from its library with CSL styles.
 * Implementations are stateless: the study is passed on every call.
 *
 * @since 0.1
 */
public interface CitationProvider {

    /**
     * @param study an open study
     * @return the references that can be cited, in the library's order
     * @throws StudyException if the study cannot be read
     */
    List<CitableReference> library(Study study) throws StudyException;

    /** @return names of the styles offered first (short names such as "vancouver", "apa"); others may be accepted too */
    List<String> styles();

    /**
     * Formats the in-text citations of a document and its bibliography in one style. The references
     * are numbered (numeric styles) in the order they are first cited across {@code citations}, so
     * every place of the document and the bibliography agree.
     *
     * @param study an open study
     * @param citations the keys cited at each place of the document, in document order; none empty
     * @param style a style name
     * @return one in-text citation per place and the bibliography entries as plain text
     * @throws StudyException naming the key that is not in the library or the style that is not known
     */
    CitedReferences cite(Study study, List<List<String>> citations, String style) throws StudyException;
}
