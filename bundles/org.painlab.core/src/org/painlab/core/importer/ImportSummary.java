package org.painlab.core.importer;

import java.util.Map;

/**
 * What an import added to a study: counts per kind of item, e.g. {@code subjects=77}.
 *
 * @since 0.1
 */
public record ImportSummary(String importerId, Map<String, Long> added) {
}
