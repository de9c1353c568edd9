package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.painlab.core.importer.ImportLimits;
import org.painlab.trial.exchange.ColumnMapping;

/** The shared part of the CSV/XLSX sources: how to open the table, the mapping, problems about rows. */
abstract class TableSource implements SubjectSource {
    protected final Path file;
    protected final boolean xlsx;
    protected final ColumnMapping mapping;
    protected final ImportLimits limits;
    private final SourceMetadata metadata = new SourceMetadata();
    /** Locks named by the design file, kept for {@link #records}. */
    private boolean datasetLocked;
    private boolean allocationListLocked;
    /** Observations read beside the table, by subject, until their subject is read. */
    private Map<String, List<RawSubject.ObservationCell>> observations = new java.util.LinkedHashMap<>();

    TableSource(Path file, boolean xlsx, ColumnMapping mapping, ImportLimits limits) {
        this.file = file;
        this.xlsx = xlsx;
        this.mapping = mapping;
        this.limits = limits == null ? ImportLimits.defaults() : limits;
    }

    @Override
    public String fileName() {
        return file.getFileName().toString();
    }

    @Override
    public SourceMetadata metadata() {
        return metadata;
    }

    /**
     * The design file an export writes beside a CSV or XLSX table: {@code <stem>_design.csv} for
     * {@code <stem>.csv} or {@code <stem>.xlsx}.
     *
     * @param table the data table
     * @return the design file's path (it may not exist)
     */
    public static Path designFile(Path table) {
        Path abs = table.toAbsolutePath();
        String n = abs.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return abs.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + "_design.csv");
    }

    /**
     * A file an export writes beside a CSV table: {@code <stem>_<suffix>.csv}.
     *
     * @param table the data table
     * @param suffix e.g. "visits"
     * @return the path (it may not exist)
     */
    public static Path companionFile(Path table, String suffix) {
        Path abs = table.toAbsolutePath();
        String n = abs.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return abs.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + "_" + suffix + ".csv");
    }

    /**
     * Reads the visit dates and locks, the screening log and the allocation list an export wrote beside
     * a CSV table ({@code <stem>_visits.csv}, {@code <stem>_screening.csv}, {@code <stem>_allocation.csv})
     * or as further sheets of a workbook ({@code visits}, {@code screening}, {@code allocation}), and
     * the locks the design file names. Each that is missing is simply not read.
     */
    @Override
    public StudyRecords records(ImportChecker checker) throws IOException {
        StudyRecords r = new StudyRecords();
        r.datasetLocked = datasetLocked;
        r.allocationListLocked = allocationListLocked;
        List<String> sheets = xlsx ? XlsxReader.sheetNames(file) : List.of();
        for (RecordTables t : RecordTables.values()) {
            if (xlsx) {
                if (sheets.indexOf(t.sheet()) > 0) {
                    try (TableReader in = new XlsxReader(file, t.sheet(), Warnings.NONE, limits)) {
                        t.read(in, fileName() + " sheet " + t.sheet(), r, checker, true);
                    }
                }
            } else {
                Path companion = companionFile(file, t.sheet());
                if (Files.isRegularFile(companion)) {
                    try (TableReader in = new CsvTableReader(companion, limits)) {
                        t.read(in, companion.getFileName().toString(), r, checker, false);
                    }
                }
            }
        }
        if (!r.isEmpty()) {
            checker.note("study records read" + (r.readFrom.isEmpty() ? "" : " from " + String.join(", ", r.readFrom)) + ": "
                    + r.describe());
        }
        return r;
    }

    /**
     * Takes the arms and visits, in order and with their names, from the design file beside the table
     * when there is one (a table alone gives arms and visits in order of first appearance, codes as
     * names). The design is metadata, not values: it is not counted as read.
     *
     * @param checker the checker to give the design to
     * @throws IOException when the design file cannot be read
     */
    protected void readDesign(ImportChecker checker) throws IOException {
        Path design = designFile(file);
        if (!Files.isRegularFile(design)) {
            return;
        }
        String name = design.getFileName().toString();
        try (TableReader t = new CsvTableReader(design, limits)) {
            String[] header = t.next();
            if (header == null || header.length < 3 || !header(header, 0).equals("kind") || !header(header, 1).equals("code")
                    || !header(header, 2).equals("name")) {
                checker.problem(new Loc(0, ""), name + " (the design beside the table): line 1 must be kind,code,name");
                return;
            }
            String[] row;
            while ((row = t.next()) != null) {
                if (blank(row)) {
                    continue;
                }
                String kind = cell(row, 0);
                String code = cell(row, 1);
                String label = cell(row, 2).isEmpty() ? code : cell(row, 2);
                switch (kind) {
                    case "arm" -> metadata.arms.putIfAbsent(code, label);
                    case "visit" -> metadata.visits.putIfAbsent(code, label);
                    case "lock" -> {
                        switch (code) {
                            case "dataset" -> datasetLocked = true;
                            case "allocation_list" -> allocationListLocked = true;
                            default -> checker.problem(new Loc(t.row(), "code"), name + " (the design beside the table): line "
                                    + t.row() + ": lock '" + code + "' is neither dataset nor allocation_list");
                        }
                    }
                    default -> checker.problem(new Loc(t.row(), "kind"), name + " (the design beside the table): line " + t.row()
                            + ": kind '" + kind + "' is neither arm, visit nor lock");
                }
            }
        }
        checker.metadata(metadata);
    }

    /**
     * Reads the observations of repeated and per-visit forms an export wrote beside a CSV table
     * ({@code <stem>_observations.csv}) or as the workbook's sheet {@code observations}, to be given to
     * their subjects by {@link #observe}. Its values are counted as read here.
     *
     * @param checker receives the counts, problems and refusals
     * @throws IOException when the table cannot be read
     */
    protected void readObservations(ImportChecker checker) throws IOException {
        observations = new java.util.LinkedHashMap<>();
        if (xlsx) {
            if (XlsxReader.sheetNames(file).indexOf(ObservationTable.NAME) > 0) {
                try (TableReader in = new XlsxReader(file, ObservationTable.NAME, Warnings.NONE, limits)) {
                    observations = ObservationTable.read(in, fileName() + " sheet " + ObservationTable.NAME, mapping, checker, true);
                }
            }
            return;
        }
        Path companion = companionFile(file, ObservationTable.NAME);
        if (Files.isRegularFile(companion)) {
            String name = companion.getFileName().toString();
            try (TableReader in = new CsvTableReader(companion, limits)) {
                observations = ObservationTable.read(in, name, mapping, checker, false);
            } catch (TableFormatException e) {
                checker.problem(name, e.loc(), e.getMessage());
            }
        }
    }

    /**
     * Gives a subject of the data table its observations read by {@link #readObservations}.
     *
     * @param s the subject
     * @param checker receives conflicts
     */
    protected void observe(RawSubject s, ImportChecker checker) {
        List<RawSubject.ObservationCell> mine = observations.remove(s.id());
        if (mine != null) {
            for (RawSubject.ObservationCell o : mine) {
                s.observe(o, checker);
            }
        }
    }

    /**
     * Refuses the observations of subjects the data table does not hold (once the whole table is read).
     *
     * @param checker receives the refusals
     */
    protected void refuseUnplacedObservations(ImportChecker checker) {
        observations.forEach((id, list) -> {
            for (RawSubject.ObservationCell o : list) {
                checker.refuse(id, o.cell().loc(), o.cell().raw(), "subject " + id + " of the observations is not in " + fileName());
            }
        });
        observations.clear();
    }

    /** Opens the data table, held to its header and the limits; formula cells go to the checker's warnings. */
    protected TableReader open(ImportChecker checker) throws IOException {
        return xlsx ? new XlsxReader(file, null, checker::warning, limits) : new CsvTableReader(file, checker::warning, limits);
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
