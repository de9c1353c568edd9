package org.painlab.mechanism.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.painlab.core.data.TimeCourse;

/**
 * Observations from a plain CSV file, for fitting without a study: columns {@code time,value} and optionally
 * {@code sd} and {@code n}, one row per time (ascending), an optional header line, blank lines and lines
 * starting with {@code #} ignored. A bad cell is reported with the file, line and field.
 *
 * @since 0.1
 */
public final class ObservationsCsv {
    /** The group name of a CSV course (an {@code --arm data=...} mapping gives it interventions). */
    public static final String GROUP = "data";
    private static final List<String> FIELDS = List.of("time", "value", "sd", "n");

    private ObservationsCsv() {
    }

    /**
     * @param text the file's text
     * @param file its name, for messages
     * @param outcome what was observed (the course name)
     * @throws IllegalArgumentException naming file, line and field
     */
    public static TimeCourse parse(String text, String file, String outcome) {
        String[] lines = text.split("\r?\n", -1);
        List<double[]> rows = new ArrayList<>();
        int columns = -1;
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(line.indexOf(';') >= 0 && line.indexOf(',') < 0 ? ";" : ",", -1);
            if (first) {
                first = false;
                if (!f[0].isBlank() && !looksNumeric(f[0])) {
                    List<String> header = new ArrayList<>();
                    for (String h : f) {
                        header.add(h.strip().toLowerCase(Locale.ROOT));
                    }
                    if (header.size() < 2 || header.size() > 4 || !header.equals(FIELDS.subList(0, header.size()))) {
                        throw new IllegalArgumentException(file + " line " + (i + 1) + ": header must be time,value[,sd[,n]], found "
                                + String.join(",", header));
                    }
                    columns = header.size();
                    continue;
                }
            }
            if (columns < 0) {
                columns = f.length;
                if (columns < 2 || columns > 4) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 2 to 4 fields (time,value[,sd[,n]]), found " + f.length);
                }
            }
            if (f.length != columns) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected " + columns + " fields, found " + f.length);
            }
            double[] row = {Double.NaN, Double.NaN, Double.NaN, 0};
            for (int c = 0; c < columns; c++) {
                String cell = f[c].strip();
                String field = FIELDS.get(c);
                if (cell.isEmpty() && c >= 2) {
                    continue; // no SD or n for this time
                }
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ", field '" + field + "': '" + cell + "' is not a number");
                }
                if (!Double.isFinite(v) || (c >= 2 && v < 0) || (c == 3 && v != Math.rint(v))) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ", field '" + field + "': " + cell
                            + (c == 3 ? " is not a count" : c == 2 ? " is not a standard deviation" : " is not a finite number"));
                }
                row[c] = v;
            }
            if (!rows.isEmpty() && !(row[0] > rows.get(rows.size() - 1)[0])) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ", field 'time': " + f[0].strip()
                        + " does not come after the previous time " + rows.get(rows.size() - 1)[0] + " (one row per time, ascending)");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": no observations (expected lines time,value[,sd[,n]])");
        }
        int k = rows.size();
        double[] t = new double[k], m = new double[k], s = new double[k];
        int[] n = new int[k];
        for (int i = 0; i < k; i++) {
            t[i] = rows.get(i)[0];
            m[i] = rows.get(i)[1];
            s[i] = rows.get(i)[2];
            n[i] = (int) rows.get(i)[3];
        }
        return new TimeCourse(outcome, GROUP, "model time unit", t, m, s, n);
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
