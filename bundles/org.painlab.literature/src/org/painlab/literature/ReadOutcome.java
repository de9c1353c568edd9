package org.painlab.literature;

import java.util.List;

/**
 * What a format made of a file: the records it read and the records it could not read. A file with
 * problems is imported only when the user accepts its good records; otherwise nothing is.
 *
 * @since 0.1
 */
public record ReadOutcome(List<ReadRecord> records, List<RecordProblem> problems) {
    public ReadOutcome {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    /** Number of records in the file, good and bad. */
    public int recordsRead() {
        return records.size() + problems.size();
    }
}
