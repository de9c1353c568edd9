package org.painlab.stats.ui.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.Row;
import org.painlab.stats.table.Table;

/**
 * One body row of a paper table as the report grid shows it: named by its table, variable and
 * time point (or level) in the row header, its cells keyed by the column they belong to (see
 * {@link #columnKey}), and the test chosen for it with the reason.
 *
 * @param ref the row and its comparison
 * @param table short name of its table ("Table 2. Pain over time")
 * @param variable the variable it reports (a level or time point row: its variable)
 * @param level the time point or level it reports, or "" for a variable's own row
 * @param cells cell text by column key, the label column left out
 */
public record ReportLine(RowRef ref, String table, String variable, String level, Map<String, String> cells) {
    /** Key of the first arm's column; the others follow as arm1, arm2, ... */
    public static final String ARM = "arm";
    /** Key of the chosen test id's column. */
    public static final String TEST_ID = "test-id";
    /** Key of the reason's column. */
    public static final String WHY = "why";

    /**
     * @param report a report
     * @return its body rows in print order, table after table
     */
    public static List<ReportLine> of(PaperReport report) {
        int arms = report.arms().size();
        List<ReportLine> out = new ArrayList<>();
        for (Table t : report.tables()) {
            List<String> headings = new RowRef(t, null, null).texts(t.columns());
            String name = shortTitle(t.title(), report.population());
            String variable = "";
            for (Row row : t.body()) {
                RowRef ref = RowRef.of(t, row);
                List<String> texts = ref.texts(t.columns());
                String label = texts.get(0);
                if (row.indent() == 0) {
                    variable = label;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                // a heading spanning the whole row (the variable of an over-time block) is in the row header
                boolean spanning = row.cells().size() == 1 && row.cells().get(0).colSpan() > 1;
                for (int i = 1; i < texts.size() && !spanning; i++) {
                    cells.put(columnKey(i, headings.get(i), arms), texts.get(i));
                }
                ComparisonResult r = ref.result();
                cells.put(TEST_ID, r == null || r.choice().testId() == null ? "" : r.choice().testId());
                cells.put(WHY, r == null ? "" : r.error() != null ? r.choice().reason() + " (" + r.error() + ")" : r.choice().reason());
                out.add(new ReportLine(ref, name, variable, row.indent() == 0 ? "" : label, Map.copyOf(cells)));
            }
        }
        return out;
    }

    /**
     * @param position a column of the paper table, 1 or more
     * @param heading its heading
     * @param arms number of arms
     * @return the grid column it goes to: arms by position, the others by their heading
     */
    public static String columnKey(int position, String heading, int arms) {
        if (position <= arms) {
            return ARM + (position - 1);
        }
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** "Table 2. Pain (VAS) over time (ITT)" without the population, which the view names once. */
    private static String shortTitle(String title, String population) {
        String suffix = " (" + population + ")";
        return title.endsWith(suffix) ? title.substring(0, title.length() - suffix.length()) : title;
    }

    /** @param key a column key @return the cell's text, "" where the row's table has no such column */
    public String cell(String key) {
        return cells.getOrDefault(key, "");
    }
}
