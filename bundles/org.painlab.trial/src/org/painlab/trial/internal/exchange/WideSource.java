package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.painlab.core.StudyException;
import org.painlab.trial.exchange.ColumnMapping;

/** A wide table: one row per subject, columns named as {@link org.painlab.trial.exchange.ColumnNames} says. */
public final class WideSource extends TableSource {

    /**
     * Creates the source.
     *
     * @param file the CSV or XLSX file
     * @param xlsx whether it is a workbook
     * @param mapping the column mapping
     */
    public WideSource(Path file, boolean xlsx, ColumnMapping mapping) {
        super(file, xlsx, mapping);
    }

    @Override
    public boolean read(ImportChecker checker, long maxSubjects) throws IOException, StudyException {
        try (TableReader t = open()) {
            String[] header = t.next();
            if (header == null) {
                checker.problem(new Loc(0, ""), "the file is empty (expected a header row naming the columns)");
                return true;
            }
            long headerRow = t.row();
            int n = header.length;
            ImportChecker.WideKey[] keys = new ImportChecker.WideKey[n];
            String[] names = new String[n];
            String[] written = new String[n];
            boolean[] unnamed = new boolean[n];
            Map<String, String> targets = new HashMap<>();
            int idCol = -1;
            for (int i = 0; i < n; i++) {
                String src = header(header, i);
                names[i] = src.isEmpty() ? columnLabel(i) : src;
                if (src.isEmpty()) {
                    unnamed[i] = true;
                    continue;
                }
                var target = mapping.target(src);
                if (target.isEmpty()) {
                    continue;
                }
                Loc loc = new Loc(headerRow, src);
                ImportChecker.WideKey key = checker.wideKey(target.get(), loc);
                if (key == null) {
                    continue;
                }
                String previous = targets.putIfAbsent(key.target(), src);
                if (previous != null) {
                    checker.problem(loc, "duplicate column: '" + src + "' and '" + previous + "' both give " + key.target());
                    continue;
                }
                keys[i] = key;
                written[i] = target.get();
                if (key.kind() == ImportChecker.WideKey.Kind.FIELD && key.name().equals("subject_id")) {
                    idCol = i;
                }
            }
            if (idCol < 0) {
                checker.problem(new Loc(headerRow, "subject_id"), "no subject_id column (name the subject id column "
                        + "subject_id, or map it in the column mapping)");
                return true;
            }
            long count = 0;
            String[] row;
            while ((row = t.next()) != null) {
                if (blank(row)) {
                    continue;
                }
                long r = t.row();
                for (int j = 0; j < row.length; j++) {
                    if ((j >= n || unnamed[j]) && row[j] != null && !row[j].isBlank()) {
                        checker.problem(new Loc(r, columnLabel(j)), "a value in a column without a header: '" + row[j].strip() + "'");
                    }
                }
                String id = mapping.recode("subject_id", cell(row, idCol));
                Loc idLoc = new Loc(r, names[idCol]);
                if (id.isEmpty()) {
                    checker.problem(idLoc, "empty subject id");
                    continue;
                }
                RawSubject s = new RawSubject(id, idLoc);
                for (int j = 0; j < n; j++) {
                    ImportChecker.WideKey key = keys[j];
                    if (key == null || j == idCol) {
                        continue;
                    }
                    String v = cell(row, j);
                    if (v.isEmpty()) {
                        continue;
                    }
                    String recoded = mapping.recode(written[j], v);
                    v = (recoded.equals(v) && !written[j].equals(key.target()) ? mapping.recode(key.target(), v) : recoded).strip();
                    if (v.isEmpty()) {
                        continue;
                    }
                    Loc loc = new Loc(r, names[j]);
                    switch (key.kind()) {
                        case FIELD -> s.fields().put(key.name(), new RawSubject.Cell(v, loc));
                        case VARIABLE -> s.variables().put(key.name(), new RawSubject.Cell(v, loc));
                        case ANSWER -> s.answers().add(RawSubject.AnswerCell.at(key.visit(), key.instrument(), key.item(), v, loc));
                    }
                }
                checker.accept(s);
                if (maxSubjects >= 0 && ++count >= maxSubjects) {
                    return t.next() == null;
                }
            }
            return true;
        } catch (TableFormatException e) {
            checker.problem(new Loc(e.row(), ""), e.getMessage());
            return true;
        }
    }
}
