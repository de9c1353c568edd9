package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.painlab.core.io.SpreadsheetText;
import org.painlab.trial.store.Numbers;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * Writes RFC 4180 CSV in UTF-8 (comma, CRLF line ends, quotes only where needed). Text that a
 * spreadsheet would run as a formula (it begins with =, +, -, @, tab or carriage return and is no
 * number) is written with a {@code '} in front ({@link SpreadsheetText}); {@link CsvTableReader} reads
 * it back without it.
 */
public final class CsvTableWriter implements TableWriter {
    private final Writer out;
    private final CsvWriter csv;
    private final String[] buffer = new String[0];

    /**
     * Creates the file.
     *
     * @param file the file (replaced)
     * @throws IOException when it cannot be created
     */
    public CsvTableWriter(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
    }

    @Override
    public void row(List<?> values) throws IOException {
        String[] cells = values.isEmpty() ? buffer : new String[values.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = text(values.get(i));
        }
        csv.writeRecord(cells);
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Numbers.format(d);
        }
        if (v instanceof Number) {
            return v.toString();
        }
        return SpreadsheetText.neutralize(v.toString());
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
