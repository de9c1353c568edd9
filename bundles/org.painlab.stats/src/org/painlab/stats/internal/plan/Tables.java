package org.painlab.stats.internal.plan;

import java.util.ArrayList;
import java.util.List;

/** Small operations on count tables that the runner and writers share. */
public final class Tables {

    private Tables() {
    }

    /**
     * @param full arms × levels
     * @param levels level labels
     * @param events the levels that count as the event
     * @return arms × {event, no event}
     */
    public static long[][] eventTable(long[][] full, List<String> levels, List<String> events) {
        long[][] t = new long[full.length][2];
        for (int a = 0; a < full.length; a++) {
            for (int l = 0; l < levels.size(); l++) {
                t[a][events.contains(levels.get(l)) ? 0 : 1] += full[a][l];
            }
        }
        return t;
    }

    /**
     * @param table counts
     * @return the table without empty rows and columns (the tests reject them)
     */
    public static long[][] dropEmpty(long[][] table) {
        List<Integer> rows = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        for (int i = 0; i < table.length; i++) {
            long s = 0;
            for (long c : table[i]) {
                s += c;
            }
            if (s > 0) {
                rows.add(i);
            }
        }
        for (int j = 0; j < (table.length == 0 ? 0 : table[0].length); j++) {
            long s = 0;
            for (long[] row : table) {
                s += row[j];
            }
            if (s > 0) {
                cols.add(j);
            }
        }
        long[][] out = new long[rows.size()][cols.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                out[i][j] = table[rows.get(i)][cols.get(j)];
            }
        }
        return out;
    }

    /**
     * Scores 1, 2, ... of the rows and columns that {@link #dropEmpty} keeps, numbered in the full
     * table, so that a linear-by-linear test of ordered categories keeps the spacing of the grades
     * when a grade in between is empty.
     *
     * @param table counts
     * @return {row scores, column scores} of the non-empty rows and columns
     */
    public static double[][] keptScores(long[][] table) {
        List<Double> rows = new ArrayList<>();
        List<Double> cols = new ArrayList<>();
        for (int i = 0; i < table.length; i++) {
            long s = 0;
            for (long c : table[i]) {
                s += c;
            }
            if (s > 0) {
                rows.add(i + 1.0);
            }
        }
        for (int j = 0; j < (table.length == 0 ? 0 : table[0].length); j++) {
            long s = 0;
            for (long[] row : table) {
                s += row[j];
            }
            if (s > 0) {
                cols.add(j + 1.0);
            }
        }
        return new double[][] {rows.stream().mapToDouble(Double::doubleValue).toArray(),
            cols.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    /**
     * @param table counts
     * @param names row names
     * @return names of the non-empty rows
     */
    public static List<String> nonEmptyRows(long[][] table, List<String> names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < table.length; i++) {
            long s = 0;
            for (long c : table[i]) {
                s += c;
            }
            if (s > 0) {
                out.add(names.get(i));
            }
        }
        return out;
    }
}
