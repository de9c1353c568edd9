package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.painlab.trial.exchange.ColumnMapping;
import org.painlab.trial.store.Numbers;
import org.painlab.trial.store.Observation;
import org.painlab.trial.store.TrialStore;

/**
 * The observations of repeated and per-visit forms as a long table, for CSV ({@code <stem>_observations.csv}
 * beside the data table) and XLSX (sheet {@code observations}): one row per value with the columns
 * subject_id, visit, form, instance, field, value. The visit is empty for a form without events, the
 * instance 0 for a form filled once per visit. Only the value column holds values (it is counted as
 * read); the other columns place it.
 */
final class ObservationTable {
    /** The table's name: the XLSX sheet and the suffix of the CSV file. */
    static final String NAME = "observations";
    static final List<String> COLUMNS = List.of("subject_id", "visit", "form", "instance", "field", "value");

    private ObservationTable() {
    }

    /**
     * Writes the study's observations, by subject in the store's order.
     *
     * @param observations subject id to its observations ({@link TrialStore#observations()})
     * @param w the writer
     * @return the number of values written
     * @throws IOException when it cannot be written
     */
    static long write(Map<String, List<Observation>> observations, TableWriter w) throws IOException {
        w.row(COLUMNS);
        long n = 0;
        for (Map.Entry<String, List<Observation>> e : observations.entrySet()) {
            for (Observation o : e.getValue()) {
                // a number written as the number keeps XLSX cells numeric; any other text as given
                Object value = o.number() != null && Numbers.format(o.number()).equals(o.text()) ? (Object) o.number() : o.text();
                w.row(Arrays.asList(e.getKey(), o.visit(), o.form(), o.instance(), o.field(), value));
                n++;
            }
        }
        return n;
    }

    /**
     * Reads the table: every non-empty value is counted as read and becomes an observation of its
     * subject, or is refused naming the file, line and column.
     *
     * @param t the table
     * @param name the file (and sheet) name for problems and refusals
     * @param mapping recodes subject ids and visits like the data table's
     * @param checker receives the counts, problems and refusals
     * @param foreignHeader what a table whose first row is not this table's header is: false a problem
     *     (a file named as ours), true a sheet of another system's workbook that happens to have the
     *     name, noted and left unread
     * @return subject id to its observations, in file order
     * @throws IOException when it cannot be read
     */
    static Map<String, List<RawSubject.ObservationCell>> read(TableReader t, String name, ColumnMapping mapping,
            ImportChecker checker, boolean foreignHeader) throws IOException {
        Map<String, List<RawSubject.ObservationCell>> out = new LinkedHashMap<>();
        String[] header = t.next();
        List<String> names = new ArrayList<>();
        for (int i = 0; header != null && i < header.length; i++) {
            names.add(TableSource.header(header, i).toLowerCase(Locale.ROOT));
        }
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        if (!names.equals(COLUMNS) && foreignHeader) {
            checker.note(name + " is not read: its first row is not " + String.join(",", COLUMNS));
            return out;
        }
        if (!names.equals(COLUMNS)) {
            checker.problem(new Loc(1, "", name), name + ": line 1 must be " + String.join(",", COLUMNS));
            // its values cannot be placed: count them so the accounting still sees them, refused quietly
            String[] row;
            while ((row = t.next()) != null) {
                String raw = TableSource.cell(row, 5);
                if (!raw.isEmpty()) {
                    checker.countRead(1);
                    checker.refuseQuietly(TableSource.cell(row, 0), new Loc(t.row(), "value", name), raw,
                            "the table of observations has a wrong header");
                }
            }
            return out;
        }
        String[] row;
        while ((row = t.next()) != null) {
            String raw = TableSource.cell(row, 5);
            if (raw.isEmpty()) {
                continue;
            }
            long r = t.row();
            checker.countRead(1);
            Loc loc = new Loc(r, "value", name);
            String id = mapping.recode("subject_id", TableSource.cell(row, 0));
            String visit = TableSource.cell(row, 1);
            String form = TableSource.cell(row, 2);
            String instanceText = TableSource.cell(row, 3);
            String field = TableSource.cell(row, 4);
            String why = null;
            int instance = 0;
            if (id.isEmpty()) {
                why = "the row has no subject_id";
            } else if (form.isEmpty() || field.isEmpty()) {
                why = "an observation needs its form and field";
            } else if (!instanceText.isEmpty()) {
                try {
                    double d = Numbers.parseNumber(instanceText);
                    if (d != Math.rint(d) || d < 0 || d > Integer.MAX_VALUE) {
                        throw new NumberFormatException();
                    }
                    instance = (int) d;
                } catch (NumberFormatException e) {
                    why = "instance '" + instanceText + "' is not a whole number 0 or more";
                }
            }
            if (why != null) {
                checker.refuse(id, loc, raw, why);
                continue;
            }
            String v = visit.isEmpty() ? "" : mapping.recode("visit", visit).strip();
            out.computeIfAbsent(id, k -> new ArrayList<>()).add(new RawSubject.ObservationCell(form, v,
                    new Loc(r, "visit", name), instance, field, new RawSubject.Cell(raw, loc)));
        }
        return out;
    }
}
