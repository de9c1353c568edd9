package org.painlab.trial.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.core.importer.ImportProblem;

/**
 * The first subjects of a file as they will be imported (after the column mapping and value recodes),
 * with the problems found so far: what the mapping step of the import wizard shows.
 *
 * @param columns the target columns (wide naming, see {@link ColumnNames}) in first-seen order
 * @param rows one row per subject
 * @param problems the problems found in the header and the rows read
 * @param complete true when the whole file was read (it had no more subjects than asked for)
 *
 * @since 0.1
 */
public record ImportPreview(List<String> columns, List<Row> rows, List<ImportProblem> problems, boolean complete) {

    /** Copies the lists. */
    public ImportPreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /**
     * One previewed subject.
     *
     * @param record the row (record) of the file where the subject starts
     * @param values target column to value text, as it will be stored
     */
    public record Row(long record, Map<String, String> values) {
        /** Copies the map, keeping its order. */
        public Row {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }
}
