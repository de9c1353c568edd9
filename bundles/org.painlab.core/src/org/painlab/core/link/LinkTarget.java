package org.painlab.core.link;

import java.util.Optional;

import org.painlab.core.Study;
import org.painlab.core.StudyException;

/**
 * One kind of study item a note or result can link to (a subject, a result, a volume,
 * a model parameter). Contributed through {@code org.painlab.core.linkTargets}.
 *
 * @since 0.1
 */
public interface LinkTarget {
    /** A label for the item with {@code key}, or empty when it no longer exists. */
    Optional<String> resolve(Study study, String key) throws StudyException;
}
