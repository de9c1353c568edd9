package org.painlab.trial.exchange;

import java.nio.file.Path;

/**
 * How to write an export.
 *
 * @param format the file format
 * @param layout the table layout (CSV and XLSX only)
 * @param design CSV and XLSX only: also write {@code <name>_design.csv} beside the table with the arms
 *     and visits in the study's order and with their names, which the import reads back (a table alone
 *     gives arms and visits in order of first appearance, codes as names), with the dataset and
 *     allocation-list locks; and the study records: visit dates and locks, the screening log and the
 *     revealed allocation list ({@code <name>_visits.csv}, {@code <name>_screening.csv},
 *     {@code <name>_allocation.csv} beside a CSV table, sheets {@code visits}, {@code screening},
 *     {@code allocation} of a workbook)
 *
 * @since 0.1
 */
public record ExportOptions(ExchangeFormat format, Layout layout, boolean design) {
    /** Fills the default layout (wide). */
    public ExportOptions {
        if (format == null) {
            throw new IllegalArgumentException("an export needs a format");
        }
        if (layout == null) {
            layout = Layout.WIDE;
        }
    }

    /**
     * Options that write the data file(s) of the format only, without a design file.
     *
     * @param format the file format
     * @param layout the table layout
     */
    public ExportOptions(ExchangeFormat format, Layout layout) {
        this(format, layout, false);
    }

    /**
     * Options for a file: the format from its extension (CSV when unknown), wide layout, with the
     * design file beside a table.
     *
     * @param file the target file
     * @return the options
     */
    public static ExportOptions forFile(Path file) {
        return new ExportOptions(ExchangeFormat.fromFileName(file).orElse(ExchangeFormat.CSV), Layout.WIDE, true);
    }

    /**
     * A copy that writes (or not) the design file beside a CSV or XLSX table.
     *
     * @param withDesign true to write it
     * @return the copy
     */
    public ExportOptions withDesign(boolean withDesign) {
        return new ExportOptions(format, layout, withDesign);
    }
}
