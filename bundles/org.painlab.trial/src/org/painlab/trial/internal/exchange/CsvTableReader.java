package org.painlab.trial.internal.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.painlab.core.importer.ImportLimitException;
import org.painlab.core.importer.ImportLimits;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;

/**
 * Reads a CSV file (RFC 4180, UTF-8 with or without BOM). The field separator is detected from the
 * first line: the most frequent of ',', ';' and tab (',' when none).
 *
 * <p>Size: a file larger than {@link ImportLimits#maxBytes()} is refused before it is read; rows,
 * fields per row and characters per field are checked as they are read (a quote that never closes
 * stops at the cell limit instead of swallowing the file). A limit passed is a
 * {@link TableFormatException} saying which and how to raise it.
 */
public final class CsvTableReader implements TableReader {
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> it;
    private final ImportLimits limits;
    private long row;
    private long rows;

    /**
     * Opens a file.
     *
     * @param file the CSV file
     * @throws IOException when it cannot be opened
     */
    public CsvTableReader(Path file) throws IOException {
        this(file, ImportLimits.defaults());
    }

    /**
     * Opens a file, refusing it when it passes a limit.
     *
     * @param file the CSV file
     * @param limits the limits
     * @throws IOException when it cannot be opened
     * @throws TableFormatException when it is larger than the limits allow
     */
    public CsvTableReader(Path file, ImportLimits limits) throws IOException {
        this.limits = limits;
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            throw new TableFormatException(0, new ImportLimitException("the file is " + ImportLimits.bytes(size) + ", larger than "
                    + ImportLimits.bytes(limits.maxBytes()), ImportLimits.MAX_BYTES, limits.maxBytes()).getMessage());
        }
        char sep = detectSeparator(file);
        // FastCSV stops at these as it parses, before a runaway record fills the heap
        CsvRecordHandler handler = CsvRecordHandler.builder().maxFields(limits.maxColumns())
                .maxFieldSize(limits.maxCellChars())
                .maxRecordSize((int) Math.max(limits.maxCellChars(), Math.min(limits.maxBytes(), 1L << 30)))
                .build();
        this.csv = CsvReader.builder().fieldSeparator(sep).allowExtraFields(true).allowMissingFields(true)
                .skipEmptyLines(true).detectBomHeader(true).build(handler, file, StandardCharsets.UTF_8);
        this.it = csv.iterator();
    }

    static char detectSeparator(Path file) throws IOException {
        String first;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = firstLine(r);
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

    /** The first line, read no further than 64 KB: the separator is told from its start. */
    private static String firstLine(BufferedReader r) throws IOException {
        int c = r.read();
        if (c < 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        while (c >= 0 && c != '\n' && c != '\r' && sb.length() < 65_536) {
            sb.append((char) c);
            c = r.read();
        }
        return sb.toString();
    }

    @Override
    public String[] next() throws IOException {
        try {
            if (!it.hasNext()) {
                return null;
            }
            CsvRecord r = it.next();
            row = r.getStartingLineNumber();
            if (++rows > limits.maxRows()) {
                throw new TableFormatException(row, new ImportLimitException("the file has more than " + limits.maxRows() + " rows",
                        ImportLimits.MAX_ROWS, limits.maxRows()).getMessage());
            }
            return r.getFields().toArray(new String[0]);
        } catch (CsvParseException e) {
            String limit = limitMessage(e.getMessage());
            if (limit != null) {
                throw new TableFormatException(row + 1, limit);
            }
            throw new TableFormatException(row + 1, "malformed CSV: " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new TableFormatException(row + 1, "not UTF-8 text (save the file as CSV UTF-8)");
            }
            throw e.getCause();
        }
    }

    /** FastCSV's words for a limit passed, in ours (which limit and how to raise it), or null for another error. */
    private String limitMessage(String m) {
        if (m == null) {
            return null;
        }
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("line (\\d+)").matcher(m);
        String at = line.find() ? "line " + line.group(1) : "line " + (row + 1);
        if (m.contains("max field size")) {
            return new ImportLimitException(at + ": a cell longer than " + limits.maxCellChars() + " characters (or a quote that "
                    + "does not close)", ImportLimits.MAX_CELL_CHARS, limits.maxCellChars()).getMessage();
        }
        if (m.contains("maximum limit of") && m.contains("fields")) {
            return new ImportLimitException(at + ": more than " + limits.maxColumns() + " fields", ImportLimits.MAX_COLUMNS,
                    limits.maxColumns()).getMessage();
        }
        if (m.contains("max record size") || m.contains("maximum buffer size")) {
            return new ImportLimitException(at + ": a record longer than the limits allow (or a quote that does not close)",
                    ImportLimits.MAX_CELL_CHARS, limits.maxCellChars()).getMessage();
        }
        return null;
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
