package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.painlab.core.StudyException;
import org.painlab.trial.exchange.ColumnNames;
import org.painlab.core.importer.ImportLimits;
import org.painlab.trial.exchange.ColumnMapping;
import org.painlab.trial.store.TrialStore;

/**
 * A long table: one row per value with the columns {@code subject_id, visit, instrument, item, value}.
 * Rows of a subject may be anywhere in the file (they are grouped in memory).
 */
public final class LongSource extends TableSource {

    /**
     * Creates the source.
     *
     * @param file the CSV or XLSX file
     * @param xlsx whether it is a workbook
     * @param mapping the column mapping (renames columns; recodes visit, instrument and values)
     */
    public LongSource(Path file, boolean xlsx, ColumnMapping mapping) {
        this(file, xlsx, mapping, null);
    }

    /**
     * Creates the source with size limits.
     *
     * @param file the CSV or XLSX file
     * @param xlsx whether it is a workbook
     * @param mapping the column mapping
     * @param limits the size limits (null: {@link ImportLimits#defaults()})
     */
    public LongSource(Path file, boolean xlsx, ColumnMapping mapping, ImportLimits limits) {
        super(file, xlsx, mapping, limits);
    }

    @Override
    public boolean read(ImportChecker checker, long maxSubjects) throws IOException, StudyException {
        readDesign(checker);
        readObservations(checker);
        Map<String, RawSubject> subjects = new LinkedHashMap<>();
        boolean complete = true;
        try (TableReader t = open(checker)) {
            String[] header = t.next();
            if (header == null) {
                checker.problem(new Loc(0, ""), "the file is empty (expected the header " + String.join(",", ColumnNames.LONG_COLUMNS) + ")");
                return true;
            }
            long headerRow = t.row();
            Map<String, Integer> col = new HashMap<>();
            Map<String, String> sourceName = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                String src = header(header, i);
                if (src.isEmpty()) {
                    continue;
                }
                var target = mapping.target(src);
                if (target.isEmpty()) {
                    continue;
                }
                if (!ColumnNames.LONG_COLUMNS.contains(target.get())) {
                    checker.problem(new Loc(headerRow, src), "unknown column '" + target.get() + "' in the long layout (columns: "
                            + String.join(", ", ColumnNames.LONG_COLUMNS) + "; map or ignore others in the column mapping)");
                    continue;
                }
                if (col.putIfAbsent(target.get(), i) != null) {
                    checker.problem(new Loc(headerRow, src), "duplicate column " + target.get());
                }
                sourceName.put(target.get(), src);
            }
            boolean missing = false;
            for (String c : ColumnNames.LONG_COLUMNS) {
                if (!col.containsKey(c)) {
                    checker.problem(new Loc(headerRow, c), "missing column " + c + " (the long layout needs "
                            + String.join(", ", ColumnNames.LONG_COLUMNS) + ")");
                    missing = true;
                }
            }
            if (missing) {
                return true;
            }
            int cs = col.get("subject_id");
            int cv = col.get("visit");
            int ci = col.get("instrument");
            int ct = col.get("item");
            int cx = col.get("value");
            String[] row;
            while ((row = t.next()) != null) {
                if (blank(row)) {
                    continue;
                }
                long r = t.row();
                String id = mapping.recode("subject_id", cell(row, cs));
                String visit = cell(row, cv);
                String instrument = cell(row, ci);
                String item = cell(row, ct);
                String raw = cell(row, cx);
                Loc valueLoc = new Loc(r, sourceName.get("value"));
                if (!raw.isEmpty()) {
                    checker.countRead(1);
                }
                if (id.isEmpty()) {
                    checker.problem(new Loc(r, sourceName.get("subject_id")), "empty subject id");
                    if (!raw.isEmpty()) {
                        checker.refuseQuietly("", valueLoc, raw, "the row has no subject id");
                    }
                    continue;
                }
                RawSubject s = subjects.get(id);
                if (s == null) {
                    if (maxSubjects >= 0 && subjects.size() >= maxSubjects) {
                        complete = false;
                        break;
                    }
                    s = new RawSubject(id, new Loc(r, sourceName.get("subject_id")));
                    subjects.put(id, s);
                }
                if (raw.isEmpty()) {
                    continue;
                }
                if (visit.isEmpty() && instrument.isEmpty()) {
                    if (item.isEmpty()) {
                        checker.refuse(id, valueLoc, raw, "empty item (a subject field or variable name is expected when visit and "
                                + "instrument are empty)", new Loc(r, sourceName.get("item")));
                        continue;
                    }
                    if (item.equals("subject_id")) {
                        if (!raw.equals(id)) {
                            checker.refuse(id, valueLoc, raw, "subject_id '" + raw + "' on a row of subject " + id);
                        } else {
                            s.keys().add(new RawSubject.Cell(raw, valueLoc));
                        }
                        continue;
                    }
                    String value = mapping.recode(item, raw).strip();
                    if (value.isEmpty()) {
                        checker.refuse(id, valueLoc, raw, "recoded to empty by the column mapping");
                        continue;
                    }
                    s.put(TrialStore.SUBJECT_FIELDS.contains(item) ? s.fields() : s.variables(), item, value, valueLoc, checker);
                    continue;
                }
                if (visit.isEmpty() || instrument.isEmpty()) {
                    checker.refuse(id, valueLoc, raw, "an answer needs both visit and instrument (leave both empty for a subject "
                            + "field or variable)", new Loc(r, sourceName.get(visit.isEmpty() ? "visit" : "instrument")));
                    continue;
                }
                visit = mapping.recode("visit", visit).strip();
                instrument = mapping.recode("instrument", instrument).strip();
                String value = mapping.recode(instrument + "." + visit + "." + item, raw).strip();
                if (value.isEmpty()) {
                    checker.refuse(id, valueLoc, raw, "recoded to empty by the column mapping");
                    continue;
                }
                s.answers().add(new RawSubject.AnswerCell(visit, new Loc(r, sourceName.get("visit")), instrument,
                        new Loc(r, sourceName.get("instrument")), item, new Loc(r, sourceName.get("item")), value, valueLoc));
            }
        } catch (TableFormatException e) {
            checker.problem(e.loc(), e.getMessage());
            return true;
        }
        for (RawSubject s : subjects.values()) {
            observe(s, checker);
            checker.accept(s);
        }
        if (complete) {
            refuseUnplacedObservations(checker);
        }
        return complete;
    }
}
