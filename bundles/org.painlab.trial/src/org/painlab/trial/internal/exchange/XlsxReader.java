package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.painlab.core.importer.ImportLimitException;
import org.painlab.core.importer.ImportLimits;
import org.painlab.core.importer.LimitedInputStream;
import org.painlab.core.io.SafeXml;
import org.painlab.trial.store.Numbers;

/**
 * Reads the first worksheet of an Office Open XML workbook (.xlsx) row by row, with the JDK's
 * {@code java.util.zip} inflater ({@link ZipParts}) and StAX only (no third-party library, nothing looked up through
 * ServiceLoader: it works as a plain OSGi bundle).
 *
 * <p>Cells: shared strings, inline strings, formula string results, booleans ("true"/"false"),
 * numbers (written without trailing zeros, so 7.2000000000000002 reads as 7.2) and numbers with a
 * date format (written as yyyy-mm-dd, 1900 and 1904 date systems). Row numbers are the sheet's own.
 * DTDs and external entities are refused.
 *
 * <p>Size: every part read is counted as it inflates ({@link LimitedInputStream}): a part larger than
 * {@link ImportLimits#maxBytes()} or inflating more than {@link ImportLimits#maxRatio()} times its
 * compressed size is refused at that point, whatever its header declares; the parts besides the
 * worksheet together may not pass {@code maxBytes} either. Rows, columns and cell lengths are checked
 * as they are read. Every limit passed is a {@link TableFormatException} saying which and how to raise it.
 */
public final class XlsxReader implements TableReader {
    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final ZipParts zip;
    private final ImportLimits limits;
    private long metadataBytes;
    private long rows;
    private final List<String> sharedStrings;
    private final boolean[] dateStyles;
    private final boolean date1904;
    private final InputStream sheetIn;
    private final XMLStreamReader sheet;
    private final String sheetName;
    private final Warnings warnings;
    private String[] header;
    private long row;

    /**
     * Opens a workbook.
     *
     * @param file the .xlsx file
     * @throws IOException when it cannot be read
     * @throws TableFormatException when it is not a workbook
     */
    public XlsxReader(Path file) throws IOException {
        this(file, null, Warnings.NONE, ImportLimits.defaults());
    }

    /**
     * Opens a workbook, refusing it when it passes a limit.
     *
     * @param file the .xlsx file
     * @param limits the limits
     * @throws IOException when it cannot be read
     * @throws TableFormatException when it is not a workbook or passes a limit
     */
    public XlsxReader(Path file, ImportLimits limits) throws IOException {
        this(file, null, Warnings.NONE, limits);
    }

    /**
     * Opens a workbook whose formula cells, and text cells that look like formulas, are warned of
     * (a formula cell is read as the value the workbook last computed for it).
     *
     * @param file the .xlsx file
     * @param warnings receives each formula cell (sheet, cell and column)
     * @throws IOException when it cannot be read
     * @throws TableFormatException when it is not a workbook
     */
    public XlsxReader(Path file, Warnings warnings) throws IOException {
        this(file, null, warnings, ImportLimits.defaults());
    }

    /**
     * Opens one named worksheet of a workbook (e.g. the {@code visits} sheet an export adds), refusing
     * it when it passes a limit.
     *
     * @param file the .xlsx file
     * @param sheetName the sheet's name, or null for the first sheet
     * @param warnings receives each formula cell (sheet, cell and column)
     * @param limits the limits
     * @throws IOException when it cannot be read
     * @throws TableFormatException when it is not a workbook, has no such sheet or passes a limit
     */
    public XlsxReader(Path file, String sheetName, Warnings warnings, ImportLimits limits) throws IOException {
        this.warnings = warnings;
        this.limits = limits;
        long archive = java.nio.file.Files.size(file);
        if (archive > limits.maxBytes()) {
            throw new TableFormatException(0, new ImportLimitException("the workbook is " + ImportLimits.bytes(archive) + ", larger than "
                    + ImportLimits.bytes(limits.maxBytes()), ImportLimits.MAX_BYTES, limits.maxBytes()).getMessage());
        }
        this.zip = new ZipParts(file);
        try {
            String[] wb = workbook(sheetName);
            this.date1904 = Boolean.parseBoolean(wb[1]);
            this.sheetName = wb[2];
            this.sharedStrings = sharedStrings();
            this.dateStyles = dateStyles();
            ZipParts.Part e = zip.get(wb[0]);
            if (e == null) {
                throw new TableFormatException(0, "not an .xlsx workbook: worksheet " + wb[0] + " is missing");
            }
            if (metadataBytes > limits.maxBytes()) {
                throw new ImportLimitException("the workbook's parts besides the worksheet (shared strings, styles) are larger than "
                        + ImportLimits.bytes(limits.maxBytes()) + " uncompressed", ImportLimits.MAX_BYTES, limits.maxBytes());
            }
            this.sheetIn = open(e, "worksheet " + e.name());
            this.sheet = SafeXml.open(sheetIn);
        } catch (XMLStreamException e) {
            zip.close();
            ImportLimitException limit = limitCause(e);
            if (limit != null) {
                throw new TableFormatException(0, limit.getMessage());
            }
            throw new TableFormatException(0, "not an .xlsx workbook: " + SafeXml.describe(e));
        } catch (ImportLimitException e) {
            zip.close();
            throw new TableFormatException(0, e.getMessage());
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** The inflated stream of a part, counted against the limits; a declared size over the limit is refused at once. */
    private LimitedInputStream open(ZipParts.Part e, String what) throws IOException {
        if (e.declared() > limits.maxBytes()) {
            throw new ImportLimitException(what + " declares " + ImportLimits.bytes(e.declared()) + " uncompressed, more than "
                    + ImportLimits.bytes(limits.maxBytes()), ImportLimits.MAX_BYTES, limits.maxBytes());
        }
        // counted as inflated, against the raw bytes consumed so far: a header that lies changes nothing
        ZipParts.Opened o = zip.open(e);
        return new LimitedInputStream(o.in(), limits.maxBytes(), o.rawBytesRead(), limits.maxRatio(), what);
    }

    /** The limit passed while the XML parser read, if that is why it failed (parsers may wrap what the stream throws). */
    private static ImportLimitException limitCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ImportLimitException l) {
                return l;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    /**
     * The names of a workbook's sheets, in order.
     *
     * @param file the .xlsx file
     * @return the names (empty when it is no workbook)
     * @throws IOException when it cannot be read
     */
    public static List<String> sheetNames(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        ImportLimits limits = ImportLimits.defaults();
        try (ZipParts z = new ZipParts(file)) {
            ZipParts.Part wb = z.get("xl/workbook.xml");
            if (wb == null || wb.declared() > limits.maxBytes()) {
                return out;
            }
            ZipParts.Opened o = z.open(wb);
            // counted like every other part, so a workbook part that inflates without end stops here too
            try (InputStream in = new LimitedInputStream(o.in(), limits.maxBytes(), o.rawBytesRead(), limits.maxRatio(),
                    "workbook part " + wb.name())) {
                XMLStreamReader r = SafeXml.open(in);
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sheet")) {
                        out.add(r.getAttributeValue(null, "name"));
                    }
                }
                r.close();
            } catch (XMLStreamException | ImportLimitException e) {
                return out;
            }
        } catch (TableFormatException e) {
            return out;
        }
        return out;
    }

    /** The path of the named (or first) sheet and the date1904 flag. */
    private String[] workbook(String sheetName) throws IOException, XMLStreamException {
        ZipParts.Part wb = zip.get("xl/workbook.xml");
        if (wb == null) {
            throw new TableFormatException(0, "not an .xlsx workbook: xl/workbook.xml is missing");
        }
        String rid = null;
        String name = "";
        String date1904 = "false";
        try (LimitedInputStream in = open(wb, "workbook part " + wb.name())) {
            XMLStreamReader r = SafeXml.open(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    if (r.getLocalName().equals("workbookPr")) {
                        String d = r.getAttributeValue(null, "date1904");
                        date1904 = "1".equals(d) || "true".equals(d) ? "true" : "false";
                    } else if (r.getLocalName().equals("sheet") && rid == null
                            && (sheetName == null || sheetName.equals(r.getAttributeValue(null, "name")))) {
                        rid = r.getAttributeValue(REL_NS, "id");
                        name = r.getAttributeValue(null, "name") == null ? "" : r.getAttributeValue(null, "name");
                    }
                }
            }
            r.close();
            metadataBytes += in.count();
        }
        if (rid == null && sheetName != null) {
            throw new TableFormatException(0, "the workbook has no sheet named '" + sheetName + "'");
        }
        String target = "xl/worksheets/sheet1.xml";
        ZipParts.Part rels = zip.get("xl/_rels/workbook.xml.rels");
        if (rid != null && rels != null) {
            try (LimitedInputStream in = open(rels, "workbook part " + rels.name())) {
                XMLStreamReader r = SafeXml.open(in);
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")
                            && rid.equals(r.getAttributeValue(null, "Id"))) {
                        String t = r.getAttributeValue(null, "Target");
                        if (t != null) {
                            target = t.startsWith("/") ? t.substring(1) : "xl/" + t;
                        }
                    }
                }
                r.close();
                metadataBytes += in.count();
            }
        }
        return new String[] {target, date1904, name};
    }

    private List<String> sharedStrings() throws IOException, XMLStreamException {
        List<String> out = new ArrayList<>();
        ZipParts.Part e = zip.get("xl/sharedStrings.xml");
        if (e == null) {
            return out;
        }
        try (LimitedInputStream in = open(e, "workbook part " + e.name())) {
            XMLStreamReader r = SafeXml.open(in);
            StringBuilder sb = null;
            int phonetic = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    // if/else, not a switch on strings: Jazzer 0.30 cannot instrument ECJ's string switch here (VerifyError)
                    String n = r.getLocalName();
                    if (n.equals("si")) {
                        sb = new StringBuilder();
                    } else if (n.equals("rPh")) {
                        phonetic++;
                    } else if (n.equals("t")) {
                        String t = r.getElementText();
                        if (sb != null && phonetic == 0) {
                            sb.append(t);
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (r.getLocalName().equals("si") && sb != null) {
                        if (sb.length() > limits.maxCellChars()) {
                            throw new ImportLimitException("shared string " + out.size() + " is " + sb.length()
                                    + " characters long, longer than a cell may be", ImportLimits.MAX_CELL_CHARS, limits.maxCellChars());
                        }
                        out.add(sb.toString());
                        sb = null;
                    } else if (r.getLocalName().equals("rPh")) {
                        phonetic--;
                    }
                }
            }
            r.close();
            metadataBytes += in.count();
        }
        return out;
    }

    /** For each cell style (xf index) whether its number format is a date. */
    private boolean[] dateStyles() throws IOException, XMLStreamException {
        ZipParts.Part e = zip.get("xl/styles.xml");
        if (e == null) {
            return new boolean[0];
        }
        Map<Integer, String> custom = new HashMap<>();
        List<Boolean> xfs = new ArrayList<>();
        try (LimitedInputStream in = open(e, "workbook part " + e.name())) {
            XMLStreamReader r = SafeXml.open(in);
            boolean cellXfs = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = r.getLocalName();
                    if (n.equals("numFmt")) {
                        custom.put(Integer.parseInt(r.getAttributeValue(null, "numFmtId")), r.getAttributeValue(null, "formatCode"));
                    } else if (n.equals("cellXfs")) {
                        cellXfs = true;
                    } else if (n.equals("xf") && cellXfs) {
                        String id = r.getAttributeValue(null, "numFmtId");
                        xfs.add(id != null && isDateFormat(Integer.parseInt(id), custom));
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("cellXfs")) {
                    cellXfs = false;
                }
            }
            r.close();
            metadataBytes += in.count();
        } catch (NumberFormatException x) {
            throw new TableFormatException(0, "not an .xlsx workbook: broken styles (" + x.getMessage() + ")");
        }
        boolean[] out = new boolean[xfs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = xfs.get(i);
        }
        return out;
    }

    static boolean isDateFormat(int id, Map<Integer, String> custom) {
        if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
            return true;
        }
        String code = custom.get(id);
        if (code == null) {
            return false;
        }
        // drop quoted text, escapes and [colour]/[locale] sections, then look for day/month/year letters
        String c = code.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "").replaceAll("\\[[^\\]]*\\]", "")
                .toLowerCase(java.util.Locale.ROOT);
        return c.indexOf('d') >= 0 || c.indexOf('y') >= 0 || (c.indexOf('m') >= 0 && c.indexOf('h') < 0 && c.indexOf('s') < 0);
    }

    @Override
    public String[] next() throws IOException {
        try {
            while (sheet.hasNext()) {
                int ev = sheet.next();
                if (ev == XMLStreamConstants.START_ELEMENT && sheet.getLocalName().equals("row")) {
                    if (++rows > limits.maxRows()) {
                        throw new ImportLimitException("the worksheet has more than " + limits.maxRows() + " rows",
                                ImportLimits.MAX_ROWS, limits.maxRows());
                    }
                    String r = sheet.getAttributeValue(null, "r");
                    row = r == null ? row + 1 : Long.parseLong(r.strip());
                    String[] cells = readRow();
                    if (header == null) {
                        header = cells;
                    }
                    return cells;
                }
            }
            return null;
        } catch (ImportLimitException e) {
            throw new TableFormatException(row, e.getMessage());
        } catch (XMLStreamException e) {
            ImportLimitException limit = limitCause(e);
            throw new TableFormatException(row, limit != null ? limit.getMessage() : "malformed worksheet: " + SafeXml.describe(e));
        } catch (NumberFormatException e) {
            throw new TableFormatException(row, "malformed worksheet: " + e.getMessage());
        } catch (java.util.MissingResourceException e) {
            // the JDK's parser lacks the message of some errors (a NUL byte in a DTD: found by fuzzing ODM)
            throw new TableFormatException(row, "malformed worksheet (" + e.getKey() + ")");
        }
    }

    private String[] readRow() throws XMLStreamException {
        String[] cells = new String[16];
        int max = 0;
        int next = 0;
        while (sheet.hasNext()) {
            int ev = sheet.next();
            if (ev == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("row")) {
                break;
            }
            if (ev != XMLStreamConstants.START_ELEMENT || !sheet.getLocalName().equals("c")) {
                continue;
            }
            String ref = sheet.getAttributeValue(null, "r");
            int col = ref == null ? next : column(ref);
            if (col < 0) {
                throw new TableFormatException(row, "malformed worksheet: cell reference '" + ref + "' names no column");
            }
            if (col >= limits.maxColumns()) {
                throw new ImportLimitException("row " + row + " has a cell in column " + (ref == null ? String.valueOf(col + 1) : ref)
                        + ", beyond " + limits.maxColumns() + " columns", ImportLimits.MAX_COLUMNS, limits.maxColumns());
            }
            String type = sheet.getAttributeValue(null, "t");
            String style = sheet.getAttributeValue(null, "s");
            String value = null;
            StringBuilder inline = null;
            String formula = null;
            while (sheet.hasNext()) {
                int e2 = sheet.next();
                if (e2 == XMLStreamConstants.START_ELEMENT) {
                    String n = sheet.getLocalName();
                    if (n.equals("f")) {
                        // a shared formula's other cells hold an empty <f si=".."/>: still a formula
                        String f = sheet.getElementText();
                        formula = f.isEmpty() ? "a shared formula" : "=" + f;
                    } else if (n.equals("v")) {
                        value = sheet.getElementText();
                    } else if (n.equals("t")) {
                        if (inline == null) {
                            inline = new StringBuilder();
                        }
                        inline.append(sheet.getElementText());
                    }
                } else if (e2 == XMLStreamConstants.END_ELEMENT && sheet.getLocalName().equals("c")) {
                    break;
                }
            }
            String text = cellText(type, style, value, inline);
            if (text != null && text.length() > limits.maxCellChars()) {
                throw new ImportLimitException("row " + row + ", cell " + (ref == null ? "in column " + (col + 1) : ref) + " holds "
                        + text.length() + " characters, more than a cell may", ImportLimits.MAX_CELL_CHARS, limits.maxCellChars());
            }
            if (header != null && text != null && !text.isBlank()) {
                notice(col, formula, text.strip());
            }
            if (col >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(col + 1, cells.length * 2));
            }
            cells[col] = text;
            max = Math.max(max, col + 1);
            next = col + 1;
        }
        return Arrays.copyOf(cells, max);
    }

    /** Warns of a data cell that is a formula or whose text looks like one. */
    private void notice(int col, String formula, String text) {
        String h = col < header.length && header[col] != null ? header[col].replace("\uFEFF", "").strip() : "";
        String cell = colLetters(col) + row;
        String where = "sheet '" + sheetName + "' cell " + cell + (h.isEmpty() ? "" : " (field " + h + ")");
        Loc loc = new Loc(row, h.isEmpty() ? cell : h);
        if (formula != null) {
            warnings.warn(loc, where + ": a formula (" + Warnings.shorten(formula) + "); the value the workbook last computed, '"
                    + Warnings.shorten(text) + "', is imported (the formula is not kept and not run)");
        } else if (org.painlab.core.io.SpreadsheetText.looksLikeFormula(text)) {
            warnings.warn(loc, where + ": " + Warnings.formulaText(text));
        }
    }

    /** The letters of a 0-based column, e.g. 0 is A and 27 is AB. */
    static String colLetters(int col) {
        StringBuilder sb = new StringBuilder();
        int n = col + 1;
        while (n > 0) {
            sb.insert(0, (char) ('A' + (n - 1) % 26));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }

    private String cellText(String type, String style, String value, StringBuilder inline) {
        if ("inlineStr".equals(type)) {
            return inline == null ? "" : inline.toString();
        }
        if (value == null) {
            return null;
        }
        if ("s".equals(type)) {
            int i = Integer.parseInt(value.strip());
            if (i < 0 || i >= sharedStrings.size()) {
                throw new TableFormatException(row, "malformed worksheet: shared string " + i + " does not exist");
            }
            return sharedStrings.get(i);
        }
        if ("b".equals(type)) {
            return "1".equals(value.strip()) ? "true" : "false";
        }
        if ("str".equals(type) || "e".equals(type)) {
            return value;
        }
        // a number
        double d;
        try {
            d = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
        if (style != null && !dateStylesIsEmpty()) {
            int s = Integer.parseInt(style);
            // serial 2958465 is 9999-12-31, the last day a spreadsheet shows; beyond it the number stays a number
            if (s >= 0 && s < dateStyles.length && dateStyles[s] && Double.isFinite(d) && Math.abs(d) <= 2_958_465) {
                LocalDate base = date1904 ? LocalDate.of(1904, 1, 1) : LocalDate.of(1899, 12, 30);
                return base.plusDays((long) Math.floor(d)).toString();
            }
        }
        return Double.isFinite(d) ? Numbers.format(d) : value;
    }

    private boolean dateStylesIsEmpty() {
        return dateStyles.length == 0;
    }

    /**
     * The 0-based column of a cell reference such as "B12".
     *
     * @param ref the reference
     * @return the column index
     */
    static int column(String ref) {
        long c = 0;
        for (int i = 0; i < ref.length(); i++) {
            char ch = ref.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                c = c * 26 + (ch - 'A' + 1);
            } else if (ch >= 'a' && ch <= 'z') {
                c = c * 26 + (ch - 'a' + 1);
            } else {
                break;
            }
            if (c > Integer.MAX_VALUE / 26) {
                // far beyond any spreadsheet: stop before the number wraps round
                return Integer.MAX_VALUE;
            }
        }
        return (int) (c - 1);
    }

    @Override
    public long row() {
        return row;
    }

    @Override
    public void close() throws IOException {
        try {
            sheet.close();
        } catch (XMLStreamException e) {
            // closing
        }
        sheetIn.close();
        zip.close();
    }

    /** The main namespace, for writers. */
    static String mainNamespace() {
        return MAIN_NS;
    }
}
