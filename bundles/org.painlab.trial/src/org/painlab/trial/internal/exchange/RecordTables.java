package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.painlab.trial.randomization.Allocation;
import org.painlab.trial.store.ScreeningEntry;
import org.painlab.trial.store.SubjectVisit;

/**
 * The {@link StudyRecords} as tables, for CSV (files beside the data table) and XLSX (sheets of the
 * workbook): {@code visits} (subject_id, visit, visit_date, locked), {@code screening} (screening_id,
 * screened_on, subject_id, excluded, reason, simulated, then one column per eligibility criterion,
 * 1 met, 0 not met) and {@code allocation} (seq, arm, block, stratum: the revealed lines, the upload
 * format of an allocation list). Dates are ISO yyyy-mm-dd, flags true/false.
 */
public enum RecordTables {
    /** Visit dates and locks. */
    VISITS("visits", List.of("subject_id", "visit", "visit_date", "locked")),
    /** The screening log with the eligibility checklists. */
    SCREENING("screening", List.of("screening_id", "screened_on", "subject_id", "excluded", "reason", "simulated")),
    /** The revealed lines of the allocation list. */
    ALLOCATION("allocation", List.of("seq", "arm", "block", "stratum"));

    private final String sheet;
    private final List<String> columns;

    RecordTables(String sheet, List<String> columns) {
        this.sheet = sheet;
        this.columns = columns;
    }

    /**
     * The table's name: the XLSX sheet, and the suffix of the CSV file ({@code <stem>_<name>.csv}).
     *
     * @return e.g. "visits"
     */
    public String sheet() {
        return sheet;
    }

    /**
     * Whether the records hold rows for this table.
     *
     * @param r the records
     * @return true when there is something to write
     */
    boolean has(StudyRecords r) {
        return switch (this) {
            case VISITS -> !r.visits.isEmpty();
            case SCREENING -> !r.screening.isEmpty();
            case ALLOCATION -> !r.allocations.isEmpty();
        };
    }

    /**
     * Writes the table.
     *
     * @param r the records
     * @param w the writer
     * @throws IOException when it cannot be written
     */
    void write(StudyRecords r, TableWriter w) throws IOException {
        switch (this) {
            case VISITS -> {
                w.row(columns);
                for (SubjectVisit v : r.visits) {
                    w.row(Arrays.asList(v.subjectId(), v.visitId(), v.visitDate() == null ? null : v.visitDate().toString(),
                            Boolean.toString(v.locked())));
                }
            }
            case SCREENING -> {
                Set<String> criteria = new LinkedHashSet<>();
                for (StudyRecords.Screening s : r.screening) {
                    criteria.addAll(s.eligibility().keySet());
                }
                List<Object> header = new ArrayList<>(columns);
                header.addAll(criteria);
                w.row(header);
                for (StudyRecords.Screening s : r.screening) {
                    ScreeningEntry e = s.entry();
                    List<Object> row = new ArrayList<>(Arrays.asList(e.id(), e.screenedOn() == null ? null : e.screenedOn().toString(),
                            e.subjectId(), Boolean.toString(e.excluded()), e.reason(), Boolean.toString(e.simulated())));
                    for (String c : criteria) {
                        Boolean met = s.eligibility().get(c);
                        row.add(met == null ? null : met ? 1 : 0);
                    }
                    w.row(row);
                }
            }
            case ALLOCATION -> {
                w.row(columns);
                for (Allocation a : r.allocations) {
                    w.row(Arrays.asList(a.seq(), a.arm(), a.block(), a.stratum()));
                }
            }
        }
    }

    /**
     * Reads the table into the records, giving every problem (file, line, column) to the checker.
     *
     * @param t the table
     * @param name the file (and sheet) name for problems
     * @param into the records
     * @param checker receives the problems
     * @param foreignHeader what a table whose first line is not this table's header is: false a
     *     problem (a file named as ours), true a sheet of another system's workbook that happens to
     *     have the name, noted and left unread
     * @throws IOException when it cannot be read
     */
    void read(TableReader t, String name, StudyRecords into, ImportChecker checker, boolean foreignHeader) throws IOException {
        String[] header = t.next();
        List<String> names = new ArrayList<>();
        for (int i = 0; header != null && i < header.length; i++) {
            names.add(TableSource.header(header, i).toLowerCase(Locale.ROOT));
        }
        if (names.size() < columns.size() || !names.subList(0, columns.size()).equals(columns)) {
            if (foreignHeader) {
                checker.note(name + " is not read: its first row is not " + String.join(",", columns));
            } else {
                checker.problem(name, new Loc(1, ""), "line 1 must start with the columns " + String.join(",", columns));
            }
            return;
        }
        if (this != SCREENING && names.size() > columns.size()) {
            checker.problem(name, new Loc(1, names.get(columns.size())), "unexpected column '" + names.get(columns.size())
                    + "' (the columns are " + String.join(",", columns) + ")");
            return;
        }
        Set<String> seen = new HashSet<>();
        String[] row;
        while ((row = t.next()) != null) {
            if (TableSource.blank(row)) {
                continue;
            }
            Row r = new Row(row, t.row(), name, checker);
            switch (this) {
                case VISITS -> {
                    String subject = r.required(0);
                    String visit = r.required(1);
                    LocalDate date = r.date(2);
                    Boolean locked = r.flag(3, false);
                    if (subject != null && visit != null && locked != null && r.ok) {
                        if (!seen.add(subject + "\u0000" + visit)) {
                            r.problem(1, "visit " + visit + " of subject " + subject + " appears twice");
                        } else if (date == null && !locked) {
                            continue;
                        } else {
                            into.visits.add(new SubjectVisit(subject, visit, date, locked));
                        }
                    }
                }
                case SCREENING -> {
                    String id = r.required(0);
                    LocalDate on = r.date(1);
                    String subject = r.text(2);
                    Boolean excluded = r.flag(3, false);
                    String reason = r.text(4);
                    Boolean simulated = r.flag(5, false);
                    Map<String, Boolean> eligibility = new LinkedHashMap<>();
                    for (int i = columns.size(); i < names.size(); i++) {
                        Boolean met = r.flag(i, null);
                        if (met != null) {
                            eligibility.put(names.get(i), met);
                        }
                    }
                    if (id != null && !seen.add(id)) {
                        r.problem(0, "screening id " + id + " appears twice");
                    } else if (id != null && excluded != null && simulated != null && r.ok) {
                        into.screening.add(new StudyRecords.Screening(new ScreeningEntry(id, on, subject, excluded, reason, simulated),
                                eligibility, name + " line " + t.row()));
                    }
                }
                case ALLOCATION -> {
                    Integer seq = r.integer(0, true);
                    String arm = r.required(1);
                    Integer block = r.integer(2, false);
                    String stratum = r.text(3);
                    if (seq != null && !seen.add(seq.toString())) {
                        r.problem(0, "seq " + seq + " appears twice");
                    } else if (seq != null && arm != null && r.ok) {
                        into.allocations.add(new Allocation(seq, arm, block, stratum));
                    }
                }
            }
        }
        if (this == ALLOCATION) {
            into.allocations.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
            for (int i = 0; i < into.allocations.size(); i++) {
                if (into.allocations.get(i).seq() != i + 1) {
                    checker.problem(name, new Loc(0, "seq"), "seq " + (i + 1) + " is missing: seq must run 1.."
                            + into.allocations.size() + " without gaps");
                    break;
                }
            }
        }
        into.readFrom.add(name);
    }

    /** One row being read, with its problems. */
    private final class Row {
        final String[] cells;
        final long line;
        final String name;
        final ImportChecker checker;
        boolean ok = true;

        Row(String[] cells, long line, String name, ImportChecker checker) {
            this.cells = cells;
            this.line = line;
            this.name = name;
            this.checker = checker;
        }

        String column(int i) {
            return i < columns.size() ? columns.get(i) : TableSource.columnLabel(i);
        }

        void problem(int i, String rule) {
            ok = false;
            checker.problem(name, new Loc(line, column(i)), rule);
        }

        String text(int i) {
            String s = TableSource.cell(cells, i);
            return s.isEmpty() ? null : s;
        }

        String required(int i) {
            String s = text(i);
            if (s == null) {
                problem(i, column(i) + " is empty");
            }
            return s;
        }

        LocalDate date(int i) {
            String s = text(i);
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                problem(i, "not a date (yyyy-mm-dd): '" + s + "'");
                return null;
            }
        }

        Boolean flag(int i, Boolean empty) {
            String s = text(i);
            if (s == null) {
                return empty;
            }
            Boolean b = ImportChecker.parseBoolean(s);
            if (b == null) {
                problem(i, "not true/false (or 1/0): '" + s + "'");
            }
            return b;
        }

        Integer integer(int i, boolean required) {
            String s = required ? required(i) : text(i);
            if (s == null) {
                return null;
            }
            try {
                int v = Integer.parseInt(s.endsWith(".0") ? s.substring(0, s.length() - 2) : s);
                if (i == 0 && v < 1) {
                    problem(i, column(i) + " must be 1 or more, was " + v);
                    return null;
                }
                return v;
            } catch (NumberFormatException e) {
                problem(i, "not a whole number: '" + s + "'");
                return null;
            }
        }
    }
}
