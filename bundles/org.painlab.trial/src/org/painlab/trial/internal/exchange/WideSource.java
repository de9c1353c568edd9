package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.painlab.core.StudyException;
import org.painlab.core.importer.ImportLimits;
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
    public WideSource(Path file, boolean xlsx, ColumnMapping mapping, ImportLimits limits) {
        super(file, xlsx, mapping, limits);
    }

    @Override
    public boolean read(ImportChecker checker, long maxSubjects) throws IOException, StudyException {
        readDesign(checker);
        readObservations(checker);
        try (TableReader t = open(checker)) {
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
            boolean[] ignored = new boolean[n];
            for (int i = 0; i < n; i++) {
                if (!unnamed[i] && mapping.target(header(header, i)).isEmpty()) {
                    ignored[i] = true;
                }
            }
            long count = 0;
            String[] row;
            while ((row = t.next()) != null) {
                if (blank(row)) {
                    continue;
                }
                long r = t.row();
                String id = mapping.recode("subject_id", cell(row, idCol));
                Loc idLoc = new Loc(r, names[idCol]);
                RawSubject s = new RawSubject(id, idLoc);
                boolean noId = id.isEmpty();
                if (noId) {
                    checker.problem(idLoc, "empty subject id");
                }
                for (int j = 0; j < Math.max(n, row.length); j++) {
                    String v = cell(row, j);
                    if (j == idCol || v.isEmpty()) {
                        continue;
                    }
                    if (j < n && ignored[j]) {
                        checker.skip("column " + names[j] + " ignored by the column mapping");
                        continue;
                    }
                    checker.countRead(1);
                    Loc loc = new Loc(r, j < n ? names[j] : columnLabel(j));
                    if (j >= n || unnamed[j]) {
                        checker.problem(loc, "a value in a column without a header: '" + v + "'");
                        checker.refuseQuietly(id, loc, v, "a value in a column without a header");
                        continue;
                    }
                    ImportChecker.WideKey key = keys[j];
                    if (key == null) {
                        checker.refuseQuietly(id, loc, v, "column " + names[j] + " cannot be used (see the problem reported for its header)");
                        continue;
                    }
                    if (noId) {
                        checker.refuseQuietly(id, loc, v, "the row has no subject id");
                        continue;
                    }
                    String recoded = mapping.recode(written[j], v);
                    String x = (recoded.equals(v) && !written[j].equals(key.target()) ? mapping.recode(key.target(), v) : recoded).strip();
                    if (x.isEmpty()) {
                        checker.refuse(id, loc, v, "recoded to empty by the column mapping");
                        continue;
                    }
                    switch (key.kind()) {
                        case FIELD -> s.put(s.fields(), key.name(), x, loc, checker);
                        case VARIABLE -> s.put(s.variables(), key.name(), x, loc, checker);
                        case ANSWER -> s.answers().add(RawSubject.AnswerCell.at(key.visit(), key.instrument(), key.item(), x, loc));
                    }
                }
                if (noId) {
                    continue;
                }
                observe(s, checker);
                checker.accept(s);
                if (maxSubjects >= 0 && ++count >= maxSubjects) {
                    return t.next() == null;
                }
            }
            refuseUnplacedObservations(checker);
            return true;
        } catch (TableFormatException e) {
            checker.problem(e.loc(), e.getMessage());
            return true;
        }
    }
}
