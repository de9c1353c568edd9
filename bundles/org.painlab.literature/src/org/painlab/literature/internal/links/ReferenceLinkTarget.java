package org.painlab.literature.internal.links;

import java.util.Optional;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.link.LinkTarget;
import org.painlab.literature.LiteratureStore;
import org.painlab.literature.Reference;

/** Links to references; the key is the citation key. */
public final class ReferenceLinkTarget implements LinkTarget {
    @Override
    public Optional<String> resolve(Study study, String key) throws StudyException {
        return new LiteratureStore(study, null).find(key.strip()).map(ReferenceLinkTarget::label);
    }

    static String label(Reference r) {
        String first = r.authors().isEmpty() ? "" : r.authors().get(0).family() + (r.authors().size() > 1 ? " et al." : "") + " ";
        String title = r.language() != null && r.language().startsWith("zh") && r.titleZh() != null ? r.titleZh() : r.displayTitle();
        return first + (r.year() == null ? "" : "(" + r.year() + ") ") + title;
    }
}
