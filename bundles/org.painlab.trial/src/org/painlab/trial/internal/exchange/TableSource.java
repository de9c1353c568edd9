package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.painlab.trial.exchange.ColumnMapping;

/** The shared part of the CSV/XLSX sources: how to open the table, the mapping, problems about rows. */
abstract class TableSource implements SubjectSource {
    protected final Path file;
    protected final boolean xlsx;
    protected final ColumnMapping mapping;
    private final SourceMetadata metadata = new SourceMetadata();

    TableSource(Path file, boolean xlsx, ColumnMapping mapping) {
        this.file = file;
        this.xlsx = xlsx;
        this.mapping = mapping;
    }

    @Override
    public String fileName() {
        return file.getFileName().toString();
    }

    @Override
    public SourceMetadata metadata() {
        return metadata;
    }

    protected TableReader open() throws IOException {
        return xlsx ? new XlsxReader(file) : new CsvTableReader(file);
    }

    /** The header text of a column: trimmed, without a byte-order mark. */
    protected static String header(String[] header, int i) {
        String h = i < header.length && header[i] != null ? header[i] : "";
        return h.replace("\uFEFF", "").strip();
    }

    protected static String cell(String[] row, int i) {
        return i < row.length && row[i] != null ? row[i].strip() : "";
    }

    protected static boolean blank(String[] row) {
        for (String s : row) {
            if (s != null && !s.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Spreadsheet name of a 0-based column, for problems about cells without a header. */
    protected static String columnLabel(int i) {
        StringBuilder sb = new StringBuilder();
        int n = i + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return "column " + sb.toString().toUpperCase(Locale.ROOT);
    }
}
