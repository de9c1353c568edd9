package org.painlab.core.importer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How large an imported file may be before an importer refuses it, so that a huge or hostile file
 * (a zip bomb, a runaway quote, a billion empty rows) is refused with a clear message instead of
 * running the workbench out of memory. Importers check these while they read, before the memory is
 * spent: bytes are counted as they are read (or inflated), not taken from what a file declares.
 *
 * <p>The defaults suit a lab's trial data with a wide margin. Each limit can be raised for one
 * import through the importer options (keys {@link #KEYS}, e.g. {@code max-rows=5000000}; the
 * {@code painlab trial import} options of the same names) or for every import of a run through the
 * system property {@code painlab.import.<key>} (e.g. {@code -Dpainlab.import.max-bytes=1000000000}).
 *
 * @param maxBytes uncompressed bytes of one file, or of one part of an archive (an XLSX worksheet)
 * @param maxRows rows (lines, records) of one file
 * @param maxColumns columns (fields) of one row
 * @param maxCellChars characters of one cell (field, value)
 * @param maxRatio how many times larger than its compressed size an archive part may inflate, checked
 *     once it is larger than {@link #RATIO_GRACE_BYTES}
 * @since 0.1
 */
public record ImportLimits(long maxBytes, long maxRows, int maxColumns, int maxCellChars, int maxRatio) {
    /** Option key of {@link #maxBytes()}. */
    public static final String MAX_BYTES = "max-bytes";
    /** Option key of {@link #maxRows()}. */
    public static final String MAX_ROWS = "max-rows";
    /** Option key of {@link #maxColumns()}. */
    public static final String MAX_COLUMNS = "max-columns";
    /** Option key of {@link #maxCellChars()}. */
    public static final String MAX_CELL_CHARS = "max-cell-chars";
    /** Option key of {@link #maxRatio()}. */
    public static final String MAX_RATIO = "max-ratio";
    /** Every option key, in the order of the components. */
    public static final List<String> KEYS = List.of(MAX_BYTES, MAX_ROWS, MAX_COLUMNS, MAX_CELL_CHARS,
            MAX_RATIO);
    /** Prefix of the system properties that change the defaults. */
    public static final String PROPERTY_PREFIX = "painlab.import.";
    /** Below this many inflated bytes an archive part is not checked for its compression ratio. */
    public static final long RATIO_GRACE_BYTES = 1024L * 1024;

    /** 100 MiB uncompressed per file or worksheet. */
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
    /** One million rows. */
    public static final long DEFAULT_MAX_ROWS = 1_000_000;
    /** 16,384 columns, as many as a spreadsheet holds (A to XFD). */
    public static final int DEFAULT_MAX_COLUMNS = 16_384;
    /** 32,767 characters, as many as a spreadsheet cell holds. */
    public static final int DEFAULT_MAX_CELL_CHARS = 32_767;
    /** A worksheet may inflate to 100 times its compressed size (spreadsheets compress 5 to 30 times). */
    public static final int DEFAULT_MAX_RATIO = 100;

    /** Every limit must be positive. */
    public ImportLimits {
        if (maxBytes <= 0 || maxRows <= 0 || maxColumns <= 0 || maxCellChars <= 0 || maxRatio <= 0) {
            throw new IllegalArgumentException("import limits must be positive: " + maxBytes + ", " + maxRows + ", " + maxColumns
                    + ", " + maxCellChars + ", " + maxRatio);
        }
    }

    /**
     * The built-in defaults, without looking at system properties.
     *
     * @return the built-in limits
     */
    public static ImportLimits builtIn() {
        return new ImportLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, DEFAULT_MAX_COLUMNS, DEFAULT_MAX_CELL_CHARS,
                DEFAULT_MAX_RATIO);
    }

    /**
     * The built-in defaults changed by the system properties {@code painlab.import.<key>}.
     *
     * @return the limits of this run
     * @throws IllegalArgumentException when a property is not a positive whole number
     */
    public static ImportLimits defaults() {
        return builtIn().with(key -> System.getProperty(PROPERTY_PREFIX + key), "system property " + PROPERTY_PREFIX);
    }

    /**
     * The {@link #defaults()} changed by importer options ({@link #KEYS}); other keys are ignored.
     *
     * @param options importer options (may be null)
     * @return the limits of this import
     * @throws IllegalArgumentException when a value is not a positive whole number
     */
    public static ImportLimits fromOptions(Map<String, String> options) {
        ImportLimits d = defaults();
        return options == null ? d : d.with(options::get, "option ");
    }

    private ImportLimits with(Function<String, String> source, String what) {
        long b = value(source, MAX_BYTES, maxBytes, what);
        long r = value(source, MAX_ROWS, maxRows, what);
        long c = value(source, MAX_COLUMNS, maxColumns, what);
        long s = value(source, MAX_CELL_CHARS, maxCellChars, what);
        long q = value(source, MAX_RATIO, maxRatio, what);
        return new ImportLimits(b, r, (int) Math.min(Integer.MAX_VALUE, c), (int) Math.min(Integer.MAX_VALUE, s),
                (int) Math.min(Integer.MAX_VALUE, q));
    }

    private static long value(Function<String, String> source, String key, long fallback, String what) {
        String v = source.apply(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = parse(v.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + key + ": '" + v + "' is not a positive whole number (e.g. 1000000, 200MB, 2GB)");
    }

    /** A whole number, optionally with a KB/MB/GB suffix (powers of 1024) or underscores/commas between digits. */
    private static long parse(String v) {
        String t = v.toUpperCase(Locale.ROOT).replace("_", "").replace(",", "");
        long unit = 1;
        for (String[] u : new String[][] {{"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"}, {"G", "1073741824"},
                {"M", "1048576"}, {"K", "1024"}}) {
            if (t.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                t = t.substring(0, t.length() - u[0].length()).strip();
                break;
            }
        }
        return Math.multiplyExact(Long.parseLong(t), unit);
    }

    /**
     * The sentence that ends a refusal for a limit: which limit and how to raise it.
     *
     * @param key the limit's option key, e.g. {@link #MAX_ROWS}
     * @param limit the limit's value
     * @return e.g. "(limit max-rows = 1000000; raise it with --max-rows N or -Dpainlab.import.max-rows=N)"
     */
    public static String howToRaise(String key, long limit) {
        return "(limit " + key + " = " + limit + "; raise it with --" + key + " N or -D" + PROPERTY_PREFIX + key + "=N)";
    }

    /**
     * Whether a problem's text is a limit passed (made by {@link ImportLimitException}): such a problem
     * says why the file was not read to its end, so it is listed first.
     *
     * @param text a problem's text
     * @return true when it names a limit and how to raise it
     */
    public static boolean isLimitMessage(String text) {
        return text != null && text.contains("; raise it with --max-");
    }

    /**
     * Bytes in words, for messages.
     *
     * @param bytes a count of bytes
     * @return e.g. "100 MB"
     */
    public static String bytes(long bytes) {
        if (bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + " GB";
        }
        if (bytes >= 1024L * 1024) {
            return bytes % (1024L * 1024) == 0 ? bytes / (1024L * 1024) + " MB"
                    : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return bytes + " bytes";
    }
}
