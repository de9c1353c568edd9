package org.painlab.core.internal;

import java.util.Optional;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.link.LinkTarget;
import org.painlab.core.result.ResultStore;

/** Links to stored analysis results; the key is the result's id. */
public final class ResultLinkTarget implements LinkTarget {
    @Override
    public Optional<String> resolve(Study study, String key) throws StudyException {
        long id;
        try {
            id = Long.parseLong(key.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return new ResultStore(study).get(id).map(r -> "Result " + r.id() + ": " + r.title());
    }
}
