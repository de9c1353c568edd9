package org.painlab.core.importer;

import java.util.Map;

/**
 * What an import added to a study: counts per kind of item, e.g. {@code subjects=77}, and the
 * accounting of the values read, imported and refused.
 *
 * @param importerId the importer
 * @param added counts per kind of item
 * @param report values read, imported and refused (refused values here were accepted by the user)
 * @since 0.1
 */
public record ImportSummary(String importerId, Map<String, Long> added, ImportReport report) {

    /** An empty report when none is given. */
    public ImportSummary {
        report = report == null ? ImportReport.none() : report;
    }

    /**
     * A summary without value accounting.
     *
     * @param importerId the importer
     * @param added counts per kind of item
     */
    public ImportSummary(String importerId, Map<String, Long> added) {
        this(importerId, added, ImportReport.none());
    }
}
