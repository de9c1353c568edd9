package org.painlab.trial.internal.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.painlab.core.io.SpreadsheetText;

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
 * <p>A quote that is never closed is an error at the line where it opened (it would otherwise swallow
 * the rest of the file as one value). A data file ({@link #CsvTableReader(Path, Warnings)}) is held to
 * its header: a record with fewer fields than the header (a file cut off, a lost separator) or with
 * values beyond the header is an error naming the record, its line and the fields concerned; a cell
 * that looks like a spreadsheet formula is passed to the {@link Warnings}. A cell written by a CSV
 * export with a {@code '} in front ({@link SpreadsheetText}) is read without it.
 *
 * <p>Size: a file larger than {@link ImportLimits#maxBytes()} is refused before it is read; rows,
 * fields per row and characters per field are checked as they are read (a quote that never closes
 * stops at the cell limit instead of swallowing the file). A limit passed is a
 * {@link TableFormatException} saying which and how to raise it.
 */
public final class CsvTableReader implements TableReader {
    private static final Pattern RECORD_LINE = Pattern.compile("record starting at line (\\d+)");
    /** At most this many further short or long records are named after the first. */
    private static final int MORE_NAMED = 5;

    private final Path file;
    private final char separator;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> it;
    private final Warnings warnings;
    private final boolean strict;
    private String[] header;
    private long records;
    private final ImportLimits limits;
    private long row;
    private long rows;

    /**
     * Opens a file that is not held to its header (a design file, a data dictionary whose optional
     * trailing columns may be left out).
     *
     * @param file the CSV file
     * @throws IOException when it cannot be opened
     */
    public CsvTableReader(Path file) throws IOException {
        this(file, Warnings.NONE, false, ImportLimits.defaults());
    }

    /**
     * Opens a file that is not held to its header, refusing it when it passes a limit.
     *
     * @param file the CSV file
     * @param limits the limits
     * @throws IOException when it cannot be opened
     * @throws TableFormatException when it is larger than the limits allow
     */
    public CsvTableReader(Path file, ImportLimits limits) throws IOException {
        this(file, Warnings.NONE, false, limits);
    }

    /**
     * Opens a data file: every record must have the header's fields; formula-like cells are warned of.
     *
     * @param file the CSV file
     * @param warnings receives cells that look like spreadsheet formulas
     * @throws IOException when it cannot be opened
     */
    public CsvTableReader(Path file, Warnings warnings) throws IOException {
        this(file, warnings, true, ImportLimits.defaults());
    }

    /**
     * Opens a data file held to its header and to the limits; formula-like cells are warned of.
     *
     * @param file the CSV file
     * @param warnings receives cells that look like spreadsheet formulas
     * @param limits the limits
     * @throws IOException when it cannot be opened
     * @throws TableFormatException when it is larger than the limits allow
     */
    public CsvTableReader(Path file, Warnings warnings, ImportLimits limits) throws IOException {
        this(file, warnings, true, limits);
    }

    private CsvTableReader(Path file, Warnings warnings, boolean strict, ImportLimits limits) throws IOException {
        this.file = file;
        this.warnings = warnings;
        this.strict = strict;
        this.limits = limits;
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            throw new TableFormatException(0, new ImportLimitException("the file is " + ImportLimits.bytes(size) + ", larger than "
                    + ImportLimits.bytes(limits.maxBytes()), ImportLimits.MAX_BYTES, limits.maxBytes()).getMessage());
        }
        this.separator = detectSeparator(file);
        // FastCSV stops at these as it parses, before a runaway record fills the heap
        CsvRecordHandler handler = CsvRecordHandler.builder().maxFields(limits.maxColumns())
                .maxFieldSize(limits.maxCellChars())
                .maxRecordSize((int) Math.max(limits.maxCellChars(), Math.min(limits.maxBytes(), 1L << 30)))
                .build();
        this.csv = CsvReader.builder().fieldSeparator(separator).allowExtraFields(true).allowMissingFields(true)
                .allowUnclosedQuote(false).skipEmptyLines(true).detectBomHeader(true).build(handler, file, StandardCharsets.UTF_8);
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
            String[] fields = r.getFields().toArray(new String[0]);
            for (int i = 0; i < fields.length; i++) {
                fields[i] = SpreadsheetText.restore(fields[i]);
            }
            if (header == null) {
                header = fields;
                return fields;
            }
            records++;
            if (strict && !blank(fields)) {
                String wrong = fieldCount(fields);
                if (wrong != null) {
                    throw new TableFormatException(row, wrong + more(), firstOff(fields));
                }
                for (int i = 0; i < fields.length; i++) {
                    String v = fields[i].strip();
                    if (SpreadsheetText.looksLikeFormula(v)) {
                        warnings.warn(new Loc(row, name(i)), Warnings.formulaText(v));
                    }
                }
            }
            return fields;
        } catch (CsvParseException e) {
            String limit = limitMessage(e.getMessage());
            if (limit != null) {
                throw new TableFormatException(row + 1, limit);
            }
            throw parseError(e);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new TableFormatException(row + 1, "not UTF-8 text (save the file as CSV UTF-8)");
            }
            throw e.getCause();
        }
    }

    /** The error for a record whose field count is not the header's, or null when it fits. */
    private String fieldCount(String[] fields) {
        int n = header.length;
        if (fields.length < n) {
            List<String> missing = new ArrayList<>();
            for (int i = fields.length; i < n; i++) {
                if (!TableSource.header(header, i).isEmpty()) {
                    missing.add(TableSource.header(header, i));
                }
            }
            if (missing.isEmpty()) {
                return null;
            }
            return "record " + records + " (line " + row + ") has " + fields.length + " of the header's " + n + " fields: "
                    + missing.size() + " missing (" + names(missing) + "); the file may be cut off, or a field separator "
                    + "or quote is missing (nothing was imported)";
        }
        List<String> extra = new ArrayList<>();
        for (int i = n; i < fields.length; i++) {
            if (!fields[i].isBlank()) {
                extra.add("'" + Warnings.shorten(fields[i].strip()) + "'");
            }
        }
        if (extra.isEmpty()) {
            return null;
        }
        return "record " + records + " (line " + row + ") has " + fields.length + " fields, the header " + n + ": "
                + extra.size() + (extra.size() == 1 ? " value" : " values") + " beyond the last column (" + names(extra)
                + "); a field separator or quote may be wrong (nothing was imported)";
    }

    /** The column the error is about: the first missing field, or the first column beyond the header. */
    private String firstOff(String[] fields) {
        int n = header.length;
        for (int i = fields.length; i < n; i++) {
            if (!TableSource.header(header, i).isEmpty()) {
                return TableSource.header(header, i);
            }
        }
        return TableSource.columnLabel(n);
    }

    /** How many later records do not fit either (read to the end, so the user sees the whole damage). */
    private String more() {
        long count = 0;
        List<String> named = new ArrayList<>();
        long at = records;
        try {
            while (it.hasNext()) {
                CsvRecord r = it.next();
                at++;
                String[] f = r.getFields().toArray(new String[0]);
                if (!blank(f) && (f.length < header.length ? fieldCountShort(f) : f.length > header.length && beyond(f))) {
                    if (named.size() < MORE_NAMED) {
                        named.add(at + " (line " + r.getStartingLineNumber() + ")");
                    }
                    count++;
                }
            }
        } catch (CsvParseException | java.io.UncheckedIOException e) {
            return count == 0 ? "" : "; " + count + " more records do not fit the header either before the file turns "
                    + "malformed: records " + String.join(", ", named) + (count > named.size() ? ", ..." : "");
        }
        if (count == 0) {
            return "";
        }
        return "; " + count + " more " + (count == 1 ? "record does" : "records do") + " not fit the header either: record"
                + (count == 1 ? " " : "s ") + String.join(", ", named) + (count > named.size() ? ", ..." : "");
    }

    private boolean fieldCountShort(String[] f) {
        for (int i = f.length; i < header.length; i++) {
            if (!TableSource.header(header, i).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private boolean beyond(String[] f) {
        for (int i = header.length; i < f.length; i++) {
            if (!f[i].isBlank()) {
                return true;
            }
        }
        return false;
    }

    private String name(int i) {
        String h = i < header.length ? TableSource.header(header, i) : "";
        return h.isEmpty() ? TableSource.columnLabel(i) : h;
    }

    /** The first names and how many more. */
    private static String names(List<String> all) {
        int shown = Math.min(all.size(), 5);
        return String.join(", ", all.subList(0, shown)) + (all.size() > shown ? ", ... " + (all.size() - shown) + " more" : "");
    }

    private static boolean blank(String[] fields) {
        for (String f : fields) {
            if (!f.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A parse error of FastCSV in the user's terms; an unclosed quote is reported where it opened. */
    private TableFormatException parseError(CsvParseException e) {
        String m = String.valueOf(e.getMessage());
        Matcher lm = RECORD_LINE.matcher(m);
        long start = lm.find() ? Long.parseLong(lm.group(1)) : row + 1;
        if (m.startsWith("Unclosed quoted field")) {
            try {
                long[] open = QuoteScan.unclosed(file, separator, start);
                String field = header == null ? TableSource.columnLabel((int) open[1]) : name((int) open[1]);
                String rec = header == null ? "the header" : "record " + (records + 1);
                return new TableFormatException(open[0], "a quote opened on line " + open[0] + " in field " + field + " (" + rec
                        + ", starting on line " + start + ") is never closed: the rest of the file (" + open[2]
                        + " characters) would be one value; close the quote or remove it (nothing was imported)", field);
            } catch (IOException x) {
                return new TableFormatException(start, "a quote opened in the record starting on line " + start
                        + " is never closed (nothing was imported)");
            }
        }
        return new TableFormatException(start, "malformed CSV: " + m);
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
