package org.painlab.stats.frame;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.painlab.core.data.SubjectData;
import org.painlab.core.data.VariableKind;
import org.painlab.stats.frame.FrameSpec.Kind;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

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

    /**
     * @param file a CSV file (comma, semicolon or tab separated, UTF-8, header in the first line)
     * @param groupColumn the column whose values are the groups (arms) compared
     * @param spec what the columns are
     */
    public CsvFrame(Path file, String groupColumn, FrameSpec spec) {
        this.file = file;
        this.groupColumn = groupColumn;
        this.spec = spec;
    }

    /**
     * What was read.
     *
     * @param data the subjects with a group, as the analyses take them
     * @param rows data rows read
     * @param rowsWithoutGroup rows left out because their group cell is missing
     */
    public record Read(SubjectData data, int rows, int rowsWithoutGroup) {
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
        List<String> ids = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        int rows = 0;
        int withoutGroup = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(separator).allowExtraFields(false)
                .allowMissingFields(false).skipEmptyLines(true).detectBomHeader(true).ofCsvRecord(file)) {
            boolean first = true;
            for (CsvRecord record : csv) {
                long line = record.getStartingLineNumber();
                if (first) {
                    first = false;
                    List<String> names = record.getFields();
                    for (int i = 0; i < names.size(); i++) {
                        header.putIfAbsent(names.get(i).strip(), i);
                    }
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
                    continue;
                }
                rows++;
                String g = record.getField(group).strip();
                if (spec.missing().contains(g)) {
                    withoutGroup++;
                    continue;
                }
                groups.add(g);
                ids.add(id < 0 ? "line " + line : record.getField(id).strip());
                for (Column c : columns) {
                    c.add(record.getField(c.index).strip(), line);
                }
            }
            if (first) {
                throw new IllegalArgumentException(file + ": the file is empty; expected a header line and data rows");
            }
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof MalformedInputException) {
                throw new IllegalArgumentException(file + ": not UTF-8 text (save the file as CSV UTF-8)", e);
            }
            throw e.getCause();
        }
        List<String> arms = sortedNaturally(groups);
        if (arms.size() < 2) {
            throw new IllegalArgumentException(file + ": column '" + groupColumn + "' has " + arms.size()
                    + " group(s) " + arms + "; the tables compare two or more");
        }
        SubjectData.Builder b = SubjectData.builder(arms).subjects(ids, groups);
        for (Column c : columns) {
            c.addTo(b);
        }
        b.describe(false, file.getFileName() + " (" + groups.size() + " rows with a group in '" + groupColumn + "')");
        try {
            return new Read(b.build(), rows, withoutGroup);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
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
        TreeSet<String> set = new TreeSet<>(NATURAL);
        set.addAll(values);
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

        void add(String cell, long line) {
            if (numbers != null && n == numbers.length) {
                numbers = Arrays.copyOf(numbers, n * 2);
            }
            if (seen != null && n == seen.length) {
                seen = Arrays.copyOf(seen, n * 2);
            }
            boolean missing = spec.missing().contains(cell);
            if (kind == Kind.CONTINUOUS) {
                if (missing) {
                    numbers[n++] = Double.NaN;
                    return;
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
                numbers[n++] = v;
            } else {
                if (missing) {
                    seen[n++] = -1;
                    return;
                }
                Integer k = seenIndex.get(cell);
                if (k == null) {
                    k = seenValues.size();
                    seenIndex.put(cell, k);
                    seenValues.add(cell);
                    firstLine.put(cell, line);
                }
                seen[n++] = k;
            }
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
