package org.painlab.stats.ui.internal.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.eclipse.jface.action.IMenuManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.Table;
import org.painlab.stats.ui.internal.model.ReportLine;
import org.painlab.stats.ui.internal.model.RowRef;

/**
 * The tables of a report on the workbench grid, in the paper's column layout: the row header
 * names each row (table, variable, time point or level), the arms' columns sit under one
 * spanning header and the comparison's (statistic, P, effect, SMD, the printed test) under
 * another, and after them the test chosen for the row with the reason, so the reason is read
 * next to the result. Filter, sort, copy and export of what is shown come with the grid.
 */
public final class ReportGrid {
    static final String ARMS = "Arms";
    static final String BETWEEN = "Between arms";
    static final String CHOICE = "Test choice";
    private static final List<String> ROW_HEADERS = List.of("Table", "Variable", "Time point / level");

    private final Composite holder;
    private final Consumer<ReportLine> selection;
    private final BiConsumer<ReportLine, IMenuManager> menu;
    private DataGrid<ReportLine> grid;
    private List<String> labels = List.of();
    private PaperReport report;
    private ReportLine selected;

    /**
     * @param parent where the grid goes
     * @param selection told the selected row (null when none) on the UI thread
     * @param menu adds the view's entries to a row's context menu
     */
    public ReportGrid(Composite parent, Consumer<ReportLine> selection, BiConsumer<ReportLine, IMenuManager> menu) {
        holder = new Composite(parent, SWT.NONE);
        holder.setLayout(new FillLayout());
        this.selection = selection;
        this.menu = menu;
        rebuild(List.of(ColumnSpec.text(ReportLine.WHY, "Why this test", (ReportLine l) -> l.cell(ReportLine.WHY)).under(CHOICE)));
    }

    /** @return the control to lay out */
    public Composite control() {
        return holder;
    }

    /** @return the grid, for tests and the view's export */
    public DataGrid<ReportLine> grid() {
        return grid;
    }

    /** @param value the report to show, or null to clear */
    public void show(PaperReport value) {
        this.report = value;
        selected = null;
        if (value == null) {
            grid.setRows(List.of());
            grid.control().refresh(false);
            return;
        }
        List<ColumnSpec<ReportLine>> cols = columns(value);
        List<String> wanted = cols.stream().map(c -> c.key() + "=" + c.label()).toList();
        // tables differ between plans (arms, an SMD column): the grid's columns follow them
        if (!wanted.equals(labels)) {
            rebuild(cols);
            labels = wanted;
        }
        grid.setRows(ReportLine.of(value));
        grid.control().refresh(false);
    }

    private static List<ColumnSpec<ReportLine>> columns(PaperReport report) {
        int arms = report.arms().size();
        Map<String, String> others = new LinkedHashMap<>();
        List<String> armLabels = new ArrayList<>();
        for (Table t : report.tables()) {
            List<String> headings = new RowRef(t, null, null).texts(t.columns());
            for (int i = 1; i < headings.size(); i++) {
                if (i <= arms) {
                    if (armLabels.size() < i) {
                        armLabels.add(headings.get(i));
                    }
                } else if (!headings.get(i).isBlank()) {
                    others.putIfAbsent(ReportLine.columnKey(i, headings.get(i), arms), headings.get(i));
                }
            }
        }
        List<ColumnSpec<ReportLine>> cols = new ArrayList<>();
        for (int a = 0; a < arms; a++) {
            String key = ReportLine.ARM + a;
            String label = a < armLabels.size() ? armLabels.get(a) : report.arms().get(a);
            cols.add(ColumnSpec.text(key, label, (ReportLine l) -> l.cell(key)).under(ARMS));
        }
        others.forEach((key, label) -> cols.add(ColumnSpec.text(key, label, (ReportLine l) -> l.cell(key)).under(BETWEEN)));
        cols.add(ColumnSpec.text(ReportLine.TEST_ID, "Chosen test", (ReportLine l) -> l.cell(ReportLine.TEST_ID)).under(CHOICE));
        cols.add(ColumnSpec.text(ReportLine.WHY, "Why this test", (ReportLine l) -> l.cell(ReportLine.WHY)).under(CHOICE));
        return cols;
    }

    private void rebuild(List<ColumnSpec<ReportLine>> cols) {
        if (grid != null) {
            grid.control().dispose();
        }
        DataGrid.Builder<ReportLine> b = DataGrid.<ReportLine>builder().name("Analysis report").columns(cols)
                .rowHeaders(ROW_HEADERS, l -> List.of(l.table(), l.variable(), l.level()))
                // narrow enough for the whole table at 1500 px: long names end in an ellipsis, the tooltip has them
                .rowHeaderWidths(95, 120, 95)
                .onSelection(rows -> {
                    selected = rows.isEmpty() ? null : rows.get(0);
                    selection.accept(selected);
                })
                .rowMenu(menu::accept)
                .width(ReportLine.TEST_ID, 80)
                // the reason takes what is left of the window; the line under the grid has it in full
                .width(ReportLine.WHY, 120).fillWidth(ReportLine.WHY);
        for (ColumnSpec<ReportLine> c : cols) {
            if (c.key().startsWith(ReportLine.ARM)) {
                b.width(c.key(), 105);
            } else if (!c.key().equals(ReportLine.WHY) && !c.key().equals(ReportLine.TEST_ID)) {
                b.width(c.key(), c.key().startsWith("effect") ? 120 : c.key().equals("test") ? 85 : c.key().equals("p") ? 58 : c.key().startsWith("smd") ? 45 : 70);
            }
        }
        grid = b.build(holder);
        holder.layout(true, true);
    }

    /** @return the report shown, or null */
    public PaperReport report() {
        return report;
    }

    /** @return the selected row, or null */
    public ReportLine selected() {
        return selected;
    }

    /** @return the rows shown, in shown order */
    public List<ReportLine> shownLines() {
        List<ReportLine> out = new ArrayList<>();
        for (int i = 0; i < grid.shownRowCount(); i++) {
            out.add(grid.shownRow(i));
        }
        return out;
    }

    /** @param which a condition on rows @return the first shown row meeting it, or null */
    public ReportLine find(Predicate<RowRef> which) {
        return shownLines().stream().filter(l -> which.test(l.ref())).findFirst().orElse(null);
    }

    /** Selects a shown row as a click on its row header would, and scrolls it into sight. */
    public void select(ReportLine line) {
        int index = shownLines().indexOf(line);
        if (index >= 0) {
            grid.selectRows(index);
        }
    }
}
