package org.painlab.trial.internal.exchange;

import org.painlab.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.painlab.core.StudyException;
import org.painlab.trial.exchange.ColumnNames;
import org.painlab.trial.exchange.ExportSummary;
import org.painlab.trial.exchange.Layout;
import org.painlab.trial.store.Observation;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.SubjectRecord;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.Arm;
import org.painlab.trial.store.VariableDefinition;
import org.painlab.trial.store.VisitDefinition;
import org.painlab.trial.store.VariableValue;

/**
 * Writes subjects, baseline variables and answers as a CSV or XLSX table in the wide or long layout,
 * and the observations of repeated and per-visit forms beside it ({@link ObservationTable}: a CSV file
 * {@code <stem>_observations.csv}, or the workbook's sheet {@code observations}).
 */
public final class TabularExporter {
    private TabularExporter() {
    }

    /**
     * Writes the export.
     *
     * @param store the store
     * @param target the file
     * @param xlsx workbook instead of CSV
     * @param layout wide or long
     * @param withDesign also write the arms and visits beside the table ({@link TableSource#designFile})
     * @return what was written
     * @throws StudyException when reading or writing fails
     */
    public static ExportSummary export(TrialStore store, Path target, boolean xlsx, Layout layout, boolean withDesign)
            throws StudyException {
        ExportModel model = new ExportModel(store);
        StudyRecords records = withDesign ? StudyRecords.of(store) : new StudyRecords();
        List<RecordTables> tables = new ArrayList<>();
        for (RecordTables t : RecordTables.values()) {
            if (t.has(records)) {
                tables.add(t);
            }
        }
        Map<String, List<Observation>> observations = store.observations();
        boolean withObservations = !observations.isEmpty();
        long[] counts = new long[2];
        try {
            AtomicFiles.writeFile(target, tmp -> {
                List<String> sheets = new ArrayList<>();
                sheets.add(model.simulated() ? "SIMULATED trial data" : "trial data");
                if (withObservations) {
                    sheets.add(ObservationTable.NAME);
                }
                tables.forEach(t -> sheets.add(t.sheet()));
                try (TableWriter w = xlsx ? new XlsxWriter(tmp, sheets) : new CsvTableWriter(tmp)) {
                    if (layout == Layout.WIDE) {
                        wide(store, model, w, counts);
                    } else {
                        longLayout(store, w, counts);
                    }
                    if (xlsx && withObservations) {
                        ((XlsxWriter) w).nextSheet();
                        counts[1] += ObservationTable.write(observations, w);
                    }
                    if (xlsx) {
                        for (RecordTables t : tables) {
                            ((XlsxWriter) w).nextSheet();
                            t.write(records, w);
                        }
                    }
                } catch (StudyException e) {
                    throw new IOException(e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            if (e.getCause() instanceof StudyException s) {
                throw s;
            }
            throw new StudyException(target + ": cannot be written (" + e.getMessage() + ")", e);
        }
        List<Path> files = new ArrayList<>();
        files.add(target.toAbsolutePath());
        // the values of repeated and per-visit forms are data: written whether or not the design is
        Path observationFile = null;
        if (!xlsx) {
            Path file = TableSource.companionFile(target, ObservationTable.NAME);
            if (withObservations) {
                observationFile = companion(file, w -> counts[1] += ObservationTable.write(observations, w));
            } else {
                deleteStale(file);
            }
        }
        if (!withDesign) {
            if (observationFile != null) {
                files.add(observationFile);
            }
            return new ExportSummary(files, counts[0], counts[1]);
        }
        if (!model.arms.isEmpty() || !model.visits.isEmpty() || records.datasetLocked || records.allocationListLocked) {
            files.add(companion(TableSource.designFile(target), w -> design(model, records, w)));
        }
        if (!xlsx) {
            for (RecordTables t : RecordTables.values()) {
                Path file = TableSource.companionFile(target, t.sheet());
                if (tables.contains(t)) {
                    files.add(companion(file, w -> t.write(records, w)));
                } else {
                    deleteStale(file);
                }
            }
        }
        if (observationFile != null) {
            files.add(observationFile);
        }
        return new ExportSummary(files, counts[0], counts[1]);
    }

    /** Writes the contents of a table to write beside the data table. */
    private interface Contents {
        void write(TableWriter w) throws IOException;
    }

    /** Writes a CSV file beside the table, atomically. */
    private static Path companion(Path file, Contents contents) throws StudyException {
        try {
            AtomicFiles.writeFile(file, tmp -> {
                try (CsvTableWriter w = new CsvTableWriter(tmp)) {
                    contents.write(w);
                }
            });
        } catch (IOException e) {
            throw new StudyException(file + ": cannot be written (" + e.getMessage() + ")", e);
        }
        return file;
    }

    /**
     * Removes a file a former export of the same name wrote beside the table that this study has
     * nothing for: read back with the new table, it would add records the study does not hold.
     */
    private static void deleteStale(Path file) throws StudyException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StudyException(file + ": a former export's file cannot be removed (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Arms and visits in the study's order with their names (a table alone can only give them by first
     * appearance), and the locks of the dataset and of the allocation list.
     */
    private static void design(ExportModel model, StudyRecords records, TableWriter w) throws IOException {
        w.row(List.of("kind", "code", "name"));
        for (Arm a : model.arms) {
            w.row(List.of("arm", a.code(), a.name()));
        }
        for (VisitDefinition v : model.visits) {
            w.row(List.of("visit", v.id(), v.label() == null ? v.id() : v.label()));
        }
        if (records.allocationListLocked) {
            w.row(List.of("lock", "allocation_list", "the allocation list is locked"));
        }
        if (records.datasetLocked) {
            w.row(List.of("lock", "dataset", "the dataset is locked"));
        }
    }

    private static void wide(TrialStore store, ExportModel model, TableWriter w, long[] counts) throws IOException, StudyException {
        List<Object> header = new ArrayList<>(ColumnNames.SUBJECT_FIELDS);
        for (VariableDefinition d : model.variables) {
            header.add(d.name());
        }
        for (ExportModel.AnswerColumn c : model.answerColumns) {
            header.add(c.name());
        }
        w.row(header);
        try {
            store.forEachSubjectRecord(r -> {
                List<Object> row = new ArrayList<>(header.size());
                row.addAll(subjectFields(r.subject()));
                for (VariableDefinition d : model.variables) {
                    row.add(value(r.baseline().get(d.name())));
                }
                for (ExportModel.AnswerColumn c : model.answerColumns) {
                    row.add(answer(r, c.visit(), c.instrument(), c.item()));
                }
                counts[0]++;
                for (Object o : row) {
                    if (o != null) {
                        counts[1]++;
                    }
                }
                try {
                    w.row(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void longLayout(TrialStore store, TableWriter w, long[] counts) throws IOException, StudyException {
        w.row(ColumnNames.LONG_COLUMNS);
        try {
            store.forEachSubjectRecord(r -> {
                try {
                    String id = r.subject().id();
                    List<Object> fields = subjectFields(r.subject());
                    for (int i = 1; i < fields.size(); i++) {
                        if (fields.get(i) != null) {
                            w.row(java.util.Arrays.asList(id, "", "", ColumnNames.SUBJECT_FIELDS.get(i), fields.get(i)));
                            counts[1]++;
                        }
                    }
                    for (Map.Entry<String, VariableValue> e : r.baseline().entrySet()) {
                        w.row(java.util.Arrays.asList(id, "", "", e.getKey(), value(e.getValue())));
                        counts[1]++;
                    }
                    for (var v : r.answers().entrySet()) {
                        for (var i : v.getValue().entrySet()) {
                            for (var a : i.getValue().entrySet()) {
                                w.row(java.util.Arrays.asList(id, v.getKey(), i.getKey(), a.getKey(), a.getValue()));
                                counts[1]++;
                            }
                        }
                    }
                    counts[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The subject fields in {@link ColumnNames#SUBJECT_FIELDS} order.
     *
     * @param s the subject
     * @return the values (null where unset)
     */
    static List<Object> subjectFields(Subject s) {
        List<Object> out = new ArrayList<>(7);
        out.add(s.id());
        out.add(s.armCode());
        out.add(s.status().code());
        out.add(s.allocationSeq());
        out.add(s.stratum());
        out.add(s.enrolledOn() == null ? null : s.enrolledOn().toString());
        out.add(Boolean.toString(s.simulated()));
        return out;
    }

    static Object value(VariableValue v) {
        return v == null ? null : v.isNumber() ? (Object) v.number() : v.text();
    }

    static Double answer(SubjectRecord r, String visit, String instrument, String item) {
        Map<String, Map<String, Double>> byInst = r.answers().get(visit);
        if (byInst == null) {
            return null;
        }
        Map<String, Double> items = byInst.get(instrument);
        return items == null ? null : items.get(item);
    }
}
