package org.painlab.core.importer;

import java.util.List;

/**
 * The accounting of an import: how many non-empty values the source held, how many were imported and
 * which were refused; {@code valuesRead == valuesImported + refused.size()} always holds. Notes say
 * what was skipped on purpose and is not a value (e.g. a descriptive field of a REDCap dictionary).
 *
 * <p>When carried by an {@link ImportException}, nothing was written: {@code valuesImported} then
 * counts the values that would have been imported.
 *
 * @param valuesRead non-empty values read from the source
 * @param valuesImported values imported (or importable, when the import failed)
 * @param refused every value not imported, with its reason
 * @param notes what was skipped on purpose, in words
 * @param warnings what was imported but deserves a look, each where it was read (a cell that looks
 *     like a spreadsheet formula, a formula cell of a workbook imported as its value, variables the
 *     import defines because the study did not)
 * @since 0.1
 */
public record ImportReport(long valuesRead, long valuesImported, List<RefusedValue> refused, List<String> notes,
        List<ImportProblem> warnings) {

    /** Copies the lists. */
    public ImportReport {
        refused = refused == null ? List.of() : List.copyOf(refused);
        notes = notes == null ? List.of() : List.copyOf(notes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * A report without warnings.
     *
     * @param valuesRead non-empty values read from the source
     * @param valuesImported values imported (or importable)
     * @param refused every value not imported
     * @param notes what was skipped on purpose
     */
    public ImportReport(long valuesRead, long valuesImported, List<RefusedValue> refused, List<String> notes) {
        this(valuesRead, valuesImported, refused, notes, List.of());
    }

    /**
     * The report of an importer that does not count values.
     *
     * @return an empty report
     */
    public static ImportReport none() {
        return new ImportReport(0, 0, List.of(), List.of());
    }

    /**
     * Whether every value read was imported or refused.
     *
     * @return true when {@code valuesRead == valuesImported + refused.size()}
     */
    public boolean balanced() {
        return valuesRead == valuesImported + refused.size();
    }
}
