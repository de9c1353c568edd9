package org.painlab.trial.exchange;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param files every file written (REDCap: data and dictionary; CSV/XLSX: the table, then the design
 *     and study-record files beside it)
 * @param subjects number of subjects
 * @param values number of values written (subject fields, variables and answers)
 *
 * @since 0.1
 */
public record ExportSummary(List<Path> files, long subjects, long values) {
    /** Copies the list. */
    public ExportSummary {
        files = List.copyOf(files);
    }
}
