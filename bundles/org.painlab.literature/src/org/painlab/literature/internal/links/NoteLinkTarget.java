package org.painlab.literature.internal.links;

import java.util.Optional;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.link.LinkTarget;
import org.painlab.literature.NoteStore;

/** Links to literature notes; the key is the note's key ({@code n3}). */
public final class NoteLinkTarget implements LinkTarget {
    @Override
    public Optional<String> resolve(Study study, String key) throws StudyException {
        return new NoteStore(study, null).find(key.strip()).map(n -> "Note " + n.key() + ": " + n.displayTitle());
    }
}
