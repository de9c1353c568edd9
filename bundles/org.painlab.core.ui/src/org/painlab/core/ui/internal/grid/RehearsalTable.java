package org.painlab.core.ui.internal.grid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.painlab.core.ui.grid.ColumnSpec;

/**
 * The columns and rows of {@link GridRehearsal}'s grid: shaped as the Subject Grid's (ids, arms,
 * sites, dates, scores under two levels of visit and score groups, some cells empty), so that the
 * rehearsal runs the code a real first grid runs (text and number cells, group headers).
 */
final class RehearsalTable {
    private RehearsalTable() {
    }

    /** 4 text columns and 18 score columns: a 1400 px window's width of the default column widths. */
    static List<ColumnSpec<Object[]>> columns() {
        List<ColumnSpec<Object[]>> columns = new ArrayList<>();
        columns.add(ColumnSpec.text("id", "Subject", r -> r[0]));
        columns.add(ColumnSpec.text("arm", "Arm", r -> r[1]));
        columns.add(ColumnSpec.text("site", "Site", r -> r[2]));
        columns.add(ColumnSpec.text("date", "Randomised", r -> r[3]));
        String[] scores = { "VAS", "ODI", "PGIC" };
        for (int visit = 0; visit < 6; visit++) {
            for (int s = 0; s < scores.length; s++) {
                int at = 4 + visit * scores.length + s;
                columns.add(ColumnSpec.<Object[]>number("v" + visit + "s" + s, scores[s], r -> r[at]).under("Week " + visit * 2, scores[s]));
            }
        }
        return columns;
    }

    /** 60 rows: more than a 900 px window shows, so every visible row has cells. */
    static List<Object[]> rows(int width) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Object[] row = new Object[width];
            row[0] = String.format(Locale.ROOT, "R%05d", i + 1);
            row[1] = i % 2 == 0 ? "S" : "P";
            row[2] = "Site " + (i % 7 + 1);
            row[3] = LocalDate.of(2026, 1 + i % 12, 1 + i % 28);
            for (int c = 4; c < width; c++) {
                // a few empty cells, and numbers of a few shapes (integers, decimals)
                row[c] = (i + c) % 11 == 0 ? null : (c % 3 == 0 ? Double.valueOf((i * c) % 100) : (i * 7 + c) % 100 / 4.0);
            }
            rows.add(row);
        }
        return rows;
    }
}
