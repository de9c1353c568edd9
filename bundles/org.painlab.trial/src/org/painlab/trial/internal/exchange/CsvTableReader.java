package org.painlab.trial.internal.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Reads a CSV file (RFC 4180, UTF-8 with or without BOM). The field separator is detected from the
 * first line: the most frequent of ',', ';' and tab (',' when none).
 */
public final class CsvTableReader implements TableReader {
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> it;
    private long row;

    /**
     * Opens a file.
     *
     * @param file the CSV file
     * @throws IOException when it cannot be opened
     */
    public CsvTableReader(Path file) throws IOException {
        char sep = detectSeparator(file);
        this.csv = CsvReader.builder().fieldSeparator(sep).allowExtraFields(true).allowMissingFields(true)
                .skipEmptyLines(true).detectBomHeader(true).ofCsvRecord(file, StandardCharsets.UTF_8);
        this.it = csv.iterator();
    }

    static char detectSeparator(Path file) throws IOException {
        String first;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = r.readLine();
        } catch (java.nio.charset.MalformedInputException e) {
            throw new TableFormatException(1, "not UTF-8 text (save the file as CSV UTF-8)");
        }
        if (first == null) {
            return ',';
        }
        int comma = 0;
        int semi = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < first.length(); i++) {
            char ch = first.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (ch == ',') {
                    comma++;
                } else if (ch == ';') {
                    semi++;
                } else if (ch == '\t') {
                    tab++;
                }
            }
        }
        if (tab > comma && tab > semi) {
            return '\t';
        }
        return semi > comma ? ';' : ',';
    }

    @Override
    public String[] next() throws IOException {
        try {
            if (!it.hasNext()) {
                return null;
            }
            CsvRecord r = it.next();
            row = r.getStartingLineNumber();
            return r.getFields().toArray(new String[0]);
        } catch (CsvParseException e) {
            throw new TableFormatException(row + 1, "malformed CSV: " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new TableFormatException(row + 1, "not UTF-8 text (save the file as CSV UTF-8)");
            }
            throw e.getCause();
        }
    }

    @Override
    public long row() {
        return row;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
