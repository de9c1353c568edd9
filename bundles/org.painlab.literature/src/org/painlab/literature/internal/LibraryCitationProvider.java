package org.painlab.literature.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.cite.CitableReference;
import org.painlab.core.cite.CitationProvider;
import org.painlab.core.cite.CitedReferences;
import org.painlab.literature.Author;
import org.painlab.literature.LiteratureException;
import org.painlab.literature.LiteratureStore;
import org.painlab.literature.Reference;
import org.painlab.literature.cite.CitationOutput;
import org.painlab.literature.cite.CitationStyles;
import org.painlab.literature.cite.Citations;
import org.painlab.literature.cite.FormattedCitations;

/**
 * Literature's side of the core citation contract: the study's library, cited in the CSL styles shipped
 * with the workbench (each entry in its reference's language), so a statistics report cites from here
 * without knowing this bundle.
 */
public final class LibraryCitationProvider implements CitationProvider {
    /** Short names offered first, in the order a chooser lists them. */
    private static final List<String> STYLES = List.of("vancouver", "ama", "apa", "pain", "gbt7714");

    @Override
    public List<CitableReference> library(Study study) throws StudyException {
        List<CitableReference> out = new ArrayList<>();
        for (Reference r : new LiteratureStore(study, null).list()) {
            out.add(new CitableReference(r.key(), label(r)));
        }
        return out;
    }

    @Override
    public List<String> styles() {
        return STYLES;
    }

    @Override
    public CitedReferences cite(Study study, List<List<String>> citations, String style) throws StudyException {
        if (citations.isEmpty() || citations.stream().anyMatch(List::isEmpty)) {
            throw new StudyException("nothing to cite: every place that cites needs at least one key");
        }
        LiteratureStore store = new LiteratureStore(study, null);
        Map<String, Reference> cited = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (List<String> place : citations) {
            for (String key : place) {
                if (!cited.containsKey(key) && !missing.contains(key)) {
                    Optional<Reference> r = store.find(key);
                    if (r.isPresent()) {
                        cited.put(key, r.get());
                    } else {
                        missing.add(key);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new StudyException(study.folder() + ": no reference with key "
                    + missing.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "))
                    + " in the study's library (lit search or the Literature perspective list the keys)");
        }
        List<Reference> references = new ArrayList<>(cited.values());
        Citations citeproc = new Citations();
        try {
            FormattedCitations bibliography = citeproc.format(references, style, CitationOutput.TEXT);
            List<String> inText = citeproc.citations(references, citations, style, CitationOutput.TEXT);
            return new CitedReferences(new CitationStyles().fileName(style), inText, bibliography.entries(),
                    bibliography.keys());
        } catch (LiteratureException e) {
            throw new StudyException(e.getMessage(), e);
        }
    }

    /** "Wang, Li, Zhang et al. 2023. Title": enough to recognise a paper in a list. */
    static String label(Reference r) {
        boolean zh = r.language() != null && r.language().startsWith("zh");
        String names = r.authors().stream().limit(3).map(Author::family).collect(Collectors.joining(", "));
        if (r.authors().size() > 3) {
            names += zh ? " 等" : " et al.";
        }
        String title = zh && r.titleZh() != null ? r.titleZh() : r.displayTitle();
        StringBuilder sb = new StringBuilder();
        if (!names.isEmpty()) {
            sb.append(names).append(names.endsWith(".") ? " " : ". ");
        }
        if (r.year() != null) {
            sb.append(r.year()).append(". ");
        }
        return sb.append(title).toString().strip();
    }
}
