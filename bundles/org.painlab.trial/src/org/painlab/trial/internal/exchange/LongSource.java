package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.painlab.core.StudyException;
import org.painlab.trial.exchange.ColumnNames;
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
        super(file, xlsx, mapping);
    }

    @Override
    public boolean read(ImportChecker checker, long maxSubjects) throws IOException, StudyException {
        Map<String, RawSubject> subjects = new LinkedHashMap<>();
        Map<String, Long> firstRow = new HashMap<>();
        boolean complete = true;
        try (TableReader t = open()) {
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
                if (id.isEmpty()) {
                    checker.problem(new Loc(r, sourceName.get("subject_id")), "empty subject id");
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
                String visit = cell(row, cv);
                String instrument = cell(row, ci);
                String item = cell(row, ct);
                String value = cell(row, cx);
                Loc valueLoc = new Loc(r, sourceName.get("value"));
                if (visit.isEmpty() && instrument.isEmpty()) {
                    Loc itemLoc = new Loc(r, sourceName.get("item"));
                    if (item.isEmpty()) {
                        checker.problem(itemLoc, "empty item (a subject field or variable name is expected when visit and instrument are empty)");
                        continue;
                    }
                    if (item.equals("subject_id")) {
                        continue;
                    }
                    value = mapping.recode(item, value).strip();
                    if (value.isEmpty()) {
                        continue;
                    }
                    Map<String, RawSubject.Cell> target = TrialStore.SUBJECT_FIELDS.contains(item) ? s.fields() : s.variables();
                    String key = id + "\u0000" + item;
                    Long first = firstRow.putIfAbsent(key, r);
                    if (first != null) {
                        checker.problem(itemLoc, item + " is given twice for subject " + id + " (first at record " + first + ")");
                        continue;
                    }
                    target.put(item, new RawSubject.Cell(value, valueLoc));
                    continue;
                }
                if (visit.isEmpty() || instrument.isEmpty()) {
                    checker.problem(new Loc(r, sourceName.get(visit.isEmpty() ? "visit" : "instrument")),
                            "an answer needs both visit and instrument (leave both empty for a subject field or variable)");
                    continue;
                }
                visit = mapping.recode("visit", visit).strip();
                instrument = mapping.recode("instrument", instrument).strip();
                value = mapping.recode(instrument + "." + visit + "." + item, value).strip();
                if (value.isEmpty()) {
                    continue;
                }
                s.answers().add(new RawSubject.AnswerCell(visit, new Loc(r, sourceName.get("visit")), instrument,
                        new Loc(r, sourceName.get("instrument")), item, new Loc(r, sourceName.get("item")), value, valueLoc));
            }
        } catch (TableFormatException e) {
            checker.problem(new Loc(e.row(), ""), e.getMessage());
            return true;
        }
        for (RawSubject s : subjects.values()) {
            checker.accept(s);
        }
        return complete;
    }
}
