package org.painlab.trial.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.core.importer.ImportProblem;
import org.painlab.core.importer.ImportReport;

/**
 * The first subjects of a file as they will be imported (after the column mapping and value recodes),
 * with the problems found so far: what the mapping step of the import wizard shows.
 *
 * @param columns the target columns (wide naming, see {@link ColumnNames}) in first-seen order
 * @param rows one row per subject
 * @param problems every problem found in the file, refused values included
 * @param complete true when the file had no more subjects than the rows shown
 * @param errors the problems that are not refused values (they reject the file even when refusals
 *     are accepted)
 * @param report the accounting of the whole file: values read, to import and every refused value
 * @param forms the mapping per form of the file (REDCap instruments, ODM forms), in order of first
 *     use; empty for plain tables
 *
 * @since 0.1
 */
public record ImportPreview(List<String> columns, List<Row> rows, List<ImportProblem> problems, boolean complete,
        List<ImportProblem> errors, ImportReport report, List<Form> forms) {

    /** Copies the lists. */
    public ImportPreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
        errors = errors == null ? problems : List.copyOf(errors);
        report = report == null ? ImportReport.none() : report;
        forms = forms == null ? List.of() : List.copyOf(forms);
    }

    /**
     * A preview without the mapping per form.
     *
     * @param columns the target columns
     * @param rows one row per subject
     * @param problems every problem
     * @param complete true when the whole file was read
     * @param errors the problems that are not refused values
     * @param report the accounting of the whole file
     */
    public ImportPreview(List<String> columns, List<Row> rows, List<ImportProblem> problems, boolean complete,
            List<ImportProblem> errors, ImportReport report) {
        this(columns, rows, problems, complete, errors, report, List.of());
    }

    /**
     * How one form of the file is imported: what it maps to and how many of its values are imported
     * and refused.
     *
     * @param form the form as the file names it
     * @param mapsTo what its fields become, e.g. "baseline (one value per subject)", "instrument odi
     *     (answers per visit)", "own form, repeating (instances)", "own form, per visit"; several
     *     joined by "; " when the mapping sends its fields to different places
     * @param imported its values to import
     * @param refused its values refused
     */
    public record Form(String form, String mapsTo, long imported, long refused) {
    }

    /**
     * A preview without value accounting: every problem is an error.
     *
     * @param columns the target columns
     * @param rows one row per subject
     * @param problems the problems found
     * @param complete true when the whole file was read
     */
    public ImportPreview(List<String> columns, List<Row> rows, List<ImportProblem> problems, boolean complete) {
        this(columns, rows, problems, complete, problems, ImportReport.none());
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
