package org.painlab.trial.exchange;

import java.nio.file.Path;

/**
 * How to write an export.
 *
 * @param format the file format
 * @param layout the table layout (CSV and XLSX only)
 *
 * @since 0.1
 */
public record ExportOptions(ExchangeFormat format, Layout layout) {
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
     * Options for a file: the format from its extension (CSV when unknown), wide layout.
     *
     * @param file the target file
     * @return the options
     */
    public static ExportOptions forFile(Path file) {
        return new ExportOptions(ExchangeFormat.fromFileName(file).orElse(ExchangeFormat.CSV), Layout.WIDE);
    }
}
