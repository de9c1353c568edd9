package org.painlab.stats.frame;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.painlab.core.data.SubjectData;
import org.painlab.core.data.VariableKind;
import org.painlab.stats.frame.FrameSpec.Kind;


/**
 * Reads a plain data table (one row per subject, a group column, the columns a {@link FrameSpec} names)
 * into the core data contract's {@link SubjectData}, so the paper's tables run on any CSV exactly as on a
 * study. Only the named columns are kept. Every problem names the file, the line and the column.
 *
 * @since 0.1
 */
public final class CsvFrame {
    private final Path file;
    private final String groupColumn;
    private final FrameSpec spec;
    private final byte[][] numericMissing;

    /**
     * @param file a CSV file (comma, semicolon or tab separated, UTF-8, header in the first line)
     * @param groupColumn the column whose values are the groups (arms) compared
     * @param spec what the columns are
     */
    public CsvFrame(Path file, String groupColumn, FrameSpec spec) {
        this.file = file;
        this.groupColumn = groupColumn;
        this.spec = spec;
        // a missing-value code that reads as a number (-99) must win over the number, as it does for text; only
        // codes the byte-level parser would take as a number need the check ("NaN" goes the slow way anyway)
        this.numericMissing = spec.missing().stream().map(m -> m.getBytes(StandardCharsets.UTF_8))
                .filter(m -> !Double.isNaN(CsvNumber.parse(m, 0, m.length))).toArray(byte[][]::new);
    }

    /**
     * What was read.
     *
     * @param data the subjects with a group, as the analyses take them
     * @param rows data rows read
     * @param rowsWithoutGroup rows left out because their group cell is missing
     * @param sha256 the file's SHA-256 (lower-case hex), computed while reading, so a report can name its input
     */
    public record Read(SubjectData data, int rows, int rowsWithoutGroup, String sha256) {
    }

    /**
     * @return the data
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming file, line and column of the first problem
     */
    public Read read() throws IOException {
        char separator = separator();
        Map<String, Integer> header = new LinkedHashMap<>();
        List<Column> columns = new ArrayList<>();
        int group = -1;
        int id = -1;
        int rows = 0;
        int withoutGroup = 0;
        int n = 0;
        String[] ids = new String[1024];
        int[] groupSeen = new int[1024];
        Column groups = new Column(groupColumn, null, Kind.CATEGORICAL, -1, groupColumn);
        // the file's hash on the other core while this one parses: a second read comes from the page cache
        CompletableFuture<String> sha256 = CompletableFuture.supplyAsync(this::sha256, r -> {
            Thread t = new Thread(r, "csv hash");
            t.setDaemon(true);
            t.start();
        });
        long fileSize = Files.size(file);
        try (CsvRecords csv = new CsvRecords(Files.newInputStream(file), (byte) separator, null, file.toString())) {
            if (!csv.next()) {
                throw new IllegalArgumentException(file + ": the file is empty; expected a header line and data rows");
            }
            byte[] b = csv.buffer();
            for (int i = 0; i < csv.fields(); i++) {
                header.putIfAbsent(text(b, csv.start(i), csv.end(i), csv.line()).strip(), i);
            }
            int width = csv.fields();
            group = index(header, groupColumn, "--group");
            id = spec.idColumn() == null ? -1 : index(header, spec.idColumn(), "spec key 'id'");
            for (Map.Entry<String, Kind> e : spec.kinds().entrySet()) {
                List<String> cols = spec.paired().getOrDefault(e.getKey(), List.of(e.getKey()));
                for (String col : cols) {
                    String key = spec.paired().containsKey(e.getKey()) ? "paired." + e.getKey() : e.getValue().key();
                    columns.add(new Column(e.getKey(), spec.paired().containsKey(e.getKey()) ? col : null,
                            e.getValue(), index(header, col, "spec key '" + key + "'"), col));
                }
            }
            // variables in the order of the table's columns, as a data frame lists them
            Map<String, Integer> firstColumn = new HashMap<>();
            columns.forEach(c -> firstColumn.merge(c.variable, c.index, Math::min));
            columns.sort(Comparator.comparingInt((Column c) -> firstColumn.get(c.variable)));
            Column[] cols = columns.toArray(new Column[0]);
            while (csv.next()) {
                long line = csv.line();
                if (csv.fields() != width) {
                    throw new IllegalArgumentException(file + " line " + line + ": " + csv.fields() + " field"
                            + (csv.fields() == 1 ? "" : "s") + " where the header line has " + width);
                }
                if (rows++ == 0) {
                    // room for the rows the file's size promises at this row's length: no growing copies
                    int expected = (int) Math.min(Integer.MAX_VALUE - 16, fileSize / Math.max(1, csv.recordBytes()) * 11 / 10 + 16);
                    ids = new String[expected];
                    groupSeen = new int[expected];
                    for (Column c : cols) {
                        c.reserve(expected);
                    }
                }
                b = csv.buffer();
                int g = groups.code(b, csv.start(group), csv.end(group), line);
                if (g < 0) {
                    withoutGroup++;
                    continue;
                }
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, n * 2);
                    groupSeen = Arrays.copyOf(groupSeen, n * 2);
                }
                groupSeen[n] = g;
                ids[n++] = id < 0 ? "line " + line : text(b, csv.start(id), csv.end(id), line).strip();
                for (Column c : cols) {
                    c.add(b, csv.start(c.index), csv.end(c.index), line);
                }
            }
        }
        List<String> arms = sortedNaturally(groups.seenValues);
        if (arms.size() < 2) {
            throw new IllegalArgumentException(file + ": column '" + groupColumn + "' has " + arms.size()
                    + " group(s) " + arms + "; the tables compare two or more");
        }
        int[] armOfSeen = new int[groups.seenValues.size()];
        for (int k = 0; k < armOfSeen.length; k++) {
            armOfSeen[k] = arms.indexOf(groups.seenValues.get(k));
        }
        int[] armIndex = new int[n];
        for (int i = 0; i < n; i++) {
            armIndex[i] = armOfSeen[groupSeen[i]];
        }
        SubjectData.Builder sb = SubjectData.builder(arms).subjects(Arrays.copyOf(ids, n), armIndex);
        for (Column c : columns) {
            c.addTo(sb);
        }
        sb.describe(false, file.getFileName() + " (" + n + " rows with a group in '" + groupColumn + "')");
        try {
            return new Read(sb.build(), rows, withoutGroup, hash(sha256));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static String hash(CompletableFuture<String> sha256) throws IOException {
        try {
            return sha256.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException u) {
                throw u.getCause();
            }
            throw e;
        }
    }

    private String sha256() {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What {@link String#strip()} strips, of the ASCII range. */
    private static boolean blank(byte c) {
        return c == ' ' || c >= 9 && c <= 13 || c >= 28 && c <= 31;
    }

    private boolean isNumericMissing(byte[] b, int start, int end) {
        for (byte[] m : numericMissing) {
            if (Arrays.equals(m, 0, m.length, b, start, end)) {
                return true;
            }
        }
        return false;
    }

    /** A cell's text: the file must be UTF-8, and a cell that is not is named rather than garbled. */
    private String text(byte[] b, int start, int end, long line) {
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " line " + line + ": not UTF-8 text (save the file as CSV UTF-8)", e);
        }
    }

    private int index(Map<String, Integer> header, String column, String from) {
        Integer i = header.get(column);
        if (i == null) {
            throw new IllegalArgumentException(file + ": column '" + column + "' (" + from + ") is not in the header line;"
                    + " columns are " + abbreviate(header.keySet()));
        }
        return i;
    }

    private static String abbreviate(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        return list.size() <= 12 ? String.join(", ", list)
                : String.join(", ", list.subList(0, 12)) + " ... (" + list.size() + " in all)";
    }

    private char separator() throws IOException {
        String first;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = r.readLine();
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text (save the file as CSV UTF-8)", e);
        }
        if (first == null) {
            throw new IllegalArgumentException(file + ": the file is empty; expected a header line and data rows");
        }
        long commas = first.chars().filter(c -> c == ',').count();
        long semis = first.chars().filter(c -> c == ';').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        return tabs > commas && tabs > semis ? '\t' : semis > commas ? ';' : ',';
    }

    /** Numbers in numeric order, then text in alphabetical order: how R orders factor levels of numbers. */
    private static final Comparator<String> NATURAL = (a, b) -> {
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null) {
            int c = Double.compare(x, y);
            return c != 0 ? c : a.compareTo(b);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return a.compareTo(b);
    };

    private static List<String> sortedNaturally(java.util.Collection<String> values) {
        // distinct values first: the comparator parses numbers, so each comparison costs (a failed parse throws)
        TreeSet<String> set = new TreeSet<>(NATURAL);
        set.addAll(new java.util.HashSet<>(values));
        return new ArrayList<>(set);
    }

    private static Double number(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One CSV column on its way into the data: numbers parsed as read, levels coded at the end. */
    private final class Column {
        final String variable;
        final String timePoint;
        final Kind kind;
        final int index;
        final String name;
        double[] numbers = new double[1024];
        // a text column keeps, per row, the index of its value among the distinct values seen (-1: missing),
        // not a String per cell: 200,000 rows of a yes/no column hold two strings, not 200,000
        int[] seen;
        final Map<String, Integer> seenIndex = new HashMap<>();
        final List<String> seenValues = new ArrayList<>();
        final Map<String, Long> firstLine = new HashMap<>();
        int n;

        Column(String variable, String timePoint, Kind kind, int index, String name) {
            this.variable = variable;
            this.timePoint = timePoint;
            this.kind = kind;
            this.index = index;
            this.name = name;
            if (kind != Kind.CONTINUOUS) {
                numbers = null;
                seen = new int[1024];
            }
        }

        /** The cell's bytes to code: the distinct texts' bytes are looked up without a String. */
        private final CellCodes codes = new CellCodes();

        void reserve(int rows) {
            if (numbers != null) {
                numbers = Arrays.copyOf(numbers, Math.max(rows, n));
            } else {
                seen = Arrays.copyOf(seen, Math.max(rows, n));
            }
        }

        void add(byte[] b, int start, int end, long line) {
            if (numbers != null && n == numbers.length) {
                numbers = Arrays.copyOf(numbers, n * 2);
            }
            if (seen != null && n == seen.length) {
                seen = Arrays.copyOf(seen, n * 2);
            }
            if (kind != Kind.CONTINUOUS) {
                seen[n++] = code(b, start, end, line);
                return;
            }
            while (start < end && blank(b[start])) {
                start++;
            }
            while (end > start && blank(b[end - 1])) {
                end--;
            }
            double v = CsvNumber.parse(b, start, end);
            if (Double.isNaN(v) || numericMissing.length > 0 && isNumericMissing(b, start, end)) {
                v = slowNumber(text(b, start, end, line).strip(), line);
            }
            numbers[n++] = v;
        }

        /** @return the index of the cell's text among those seen so far, -1 for a missing-value code */
        int code(byte[] b, int start, int end, long line) {
            int k = codes.get(b, start, end);
            if (k != Integer.MIN_VALUE) {
                return k;
            }
            String cell = text(b, start, end, line).strip();
            if (spec.missing().contains(cell)) {
                k = -1;
            } else {
                Integer known = seenIndex.get(cell);
                if (known == null) {
                    known = seenValues.size();
                    seenIndex.put(cell, known);
                    seenValues.add(cell);
                    firstLine.put(cell, line);
                }
                k = known;
            }
            codes.put(b, start, end, k);
            return k;
        }

        private double slowNumber(String cell, long line) {
            if (spec.missing().contains(cell)) {
                return Double.NaN;
            }
            double v;
            try {
                v = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + line + ", column '" + name + "': '" + cell
                        + "' is not a number (the spec lists '" + variable + "' as continuous; missing values are "
                        + spec.missing().stream().map(s -> "'" + s + "'").toList() + ")", e);
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(file + " line " + line + ", column '" + name + "': '" + cell
                        + "' is not a finite number");
            }
            return v;
        }

        void addTo(SubjectData.Builder b) {
            if (kind == Kind.CONTINUOUS) {
                b.numeric(variable, timePoint, Arrays.copyOf(numbers, n));
                return;
            }
            List<String> levels = levels();
            Map<String, Integer> code = new HashMap<>();
            for (int i = 0; i < levels.size(); i++) {
                code.put(levels.get(i), i);
            }
            int[] codeOfSeen = new int[seenValues.size()];
            for (int k = 0; k < codeOfSeen.length; k++) {
                codeOfSeen[k] = code.get(seenValues.get(k));
            }
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                codes[i] = seen[i] < 0 ? -1 : codeOfSeen[seen[i]];
            }
            VariableKind vk = switch (kind) {
                case BINARY -> VariableKind.BINARY;
                case CATEGORICAL -> VariableKind.CATEGORICAL;
                default -> VariableKind.ORDINAL;
            };
            b.coded(variable, vk, levels, timePoint, codes);
        }

        private List<String> levels() {
            Set<String> seen = firstLine.keySet();
            if (kind == Kind.ORDINAL && !spec.ordinalLevels().getOrDefault(variable, List.of()).isEmpty()) {
                List<String> order = spec.ordinalLevels().get(variable);
                for (String v : seen) {
                    if (!order.contains(v)) {
                        throw new IllegalArgumentException(file + " line " + firstLine.get(v) + ", column '" + name + "': '"
                                + v + "' is not one of the ordinal levels " + order + " the spec gives");
                    }
                }
                return order;
            }
            List<String> sorted = sortedNaturally(seen);
            if (kind == Kind.ORDINAL) {
                for (String v : sorted) {
                    if (number(v) == null) {
                        throw new IllegalArgumentException(file + " line " + firstLine.get(v) + ", column '" + name
                                + "': '" + v + "' is not a number; give the order of an ordinal column's levels in the spec,"
                                + " e.g. \"ordinal\": {\"" + variable + "\": [\"I\", \"II\", \"III\"]}");
                    }
                }
            }
            if (kind == Kind.BINARY) {
                return binaryLevels(sorted);
            }
            if (sorted.isEmpty()) {
                throw new IllegalArgumentException(file + ": column '" + name + "' has no values");
            }
            return sorted;
        }

        private List<String> binaryLevels(List<String> sorted) {
            if (sorted.size() == 2) {
                return sorted;
            }
            if (sorted.size() > 2) {
                throw new IllegalArgumentException(file + ": column '" + name + "' is listed as binary but has "
                        + sorted.size() + " values " + abbreviate(new LinkedHashSet<>(sorted)) + " (first at line "
                        + firstLine.get(sorted.get(2)) + "); list it as categorical or ordinal");
            }
            // a complication nobody had is still a yes/no variable: complete the pair it belongs to
            String only = sorted.isEmpty() ? "" : sorted.get(0);
            for (List<String> pair : List.of(List.of("0", "1"), List.of("no", "yes"), List.of("No", "Yes"),
                    List.of("false", "true"), List.of("FALSE", "TRUE"), List.of("N", "Y"), List.of("n", "y"))) {
                if (pair.contains(only)) {
                    return pair;
                }
            }
            throw new IllegalArgumentException(file + ": column '" + name + "' is listed as binary but has "
                    + (sorted.isEmpty() ? "no values" : "only the value '" + only + "'")
                    + "; a binary column needs two levels (0/1, no/yes, false/true)");
        }
    }
}
