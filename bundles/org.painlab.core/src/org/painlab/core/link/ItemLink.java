package org.painlab.core.link;

import java.time.Instant;

/**
 * A stored link between two items of a study (a note and a subject, a result and a volume). Each
 * end is a link target id ({@code subject}, {@code visit}, {@code result}, ...) and a key the
 * target resolves.
 *
 * @param id the link's number in the study
 * @param fromType link target id of the source
 * @param fromKey key of the source
 * @param toType link target id of the destination
 * @param toKey key of the destination
 * @param created when it was made
 * @since 0.1
 */
public record ItemLink(long id, String fromType, String fromKey, String toType, String toKey, Instant created) {
}
