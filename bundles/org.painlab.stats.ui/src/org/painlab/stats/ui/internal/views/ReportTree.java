package org.painlab.stats.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.Row;
import org.painlab.stats.table.Table;
import org.painlab.stats.ui.internal.model.RowRef;

/**
 * The tables of a report as a tree: one node per table (its header texts in the columns), rows
 * as children (level rows under their variable), and after the table's own columns the P value,
 * the chosen test and the reason for it, so the reason is read next to the result. Column
 * headings follow the table of the selected row, since tables differ in their columns.
 */
public final class ReportTree {
    /** Columns added after the table's own: P, test id, reason. */
    public static final int EXTRA = 3;
    private final Tree tree;
    private final Font bold;
    private int width;
    private PaperReport report;

    /** @param parent where the tree goes */
    public ReportTree(Composite parent) {
        tree = new Tree(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        FontData[] fd = tree.getFont().getFontData();
        for (FontData d : fd) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(tree.getDisplay(), fd);
        tree.addDisposeListener(e -> bold.dispose());
        tree.addListener(SWT.Selection, e -> {
            RowRef ref = selected();
            if (ref != null) {
                headings(ref.table());
            }
        });
    }

    /** @return the SWT tree */
    public Tree control() {
        return tree;
    }

    /** @param value the report to show, or null to clear */
    public void show(PaperReport value) {
        this.report = value;
        tree.setRedraw(false);
        try {
            tree.removeAll();
            for (TreeColumn c : tree.getColumns()) {
                c.dispose();
            }
            if (value == null) {
                return;
            }
            width = value.tables().stream().mapToInt(Table::columns).max().orElse(1);
            for (int i = 0; i < width + EXTRA; i++) {
                TreeColumn c = new TreeColumn(tree, i == 0 || i >= width + 1 ? SWT.LEFT : SWT.RIGHT);
                c.setWidth(i == 0 ? 250 : i == width ? 70 : i == width + 1 ? 140 : i == width + 2 ? 620 : 120);
            }
            for (Table t : value.tables()) {
                TreeItem node = new TreeItem(tree, SWT.NONE);
                RowRef ref = new RowRef(t, null, null);
                node.setData(ref);
                String[] texts = texts(ref);
                texts[0] = t.title();
                node.setText(texts);
                node.setFont(bold);
                TreeItem variable = null;
                for (Row row : t.body()) {
                    RowRef r = RowRef.of(t, row);
                    TreeItem item = row.indent() > 0 && variable != null ? new TreeItem(variable, SWT.NONE)
                            : new TreeItem(node, SWT.NONE);
                    if (row.indent() == 0) {
                        variable = item;
                    }
                    item.setData(r);
                    item.setText(texts(r));
                    if (row.kind() != org.painlab.stats.table.RowKind.BODY) {
                        item.setFont(bold);
                    }
                }
            }
            expand(tree.getItems());
            headings(value.tables().get(0));
            fitColumns();
        } finally {
            tree.setRedraw(true);
        }
    }

    /** Columns as wide as their texts, within limits, so that the test and its reason stay in reach. */
    private void fitColumns() {
        TreeColumn[] cols = tree.getColumns();
        for (int i = 0; i < cols.length; i++) {
            cols[i].pack();
            int cap = i == 0 ? 260 : i == width ? 70 : i == width + 1 ? 150 : i == width + 2 ? 1200 : 160;
            cols[i].setWidth(Math.min(cap, Math.max(50, cols[i].getWidth())));
        }
    }

    private void expand(TreeItem[] items) {
        for (TreeItem i : items) {
            i.setExpanded(true);
            expand(i.getItems());
        }
    }

    private void headings(Table t) {
        List<String> h = new RowRef(t, null, null).texts(width);
        TreeColumn[] cols = tree.getColumns();
        for (int i = 0; i < width && i < cols.length; i++) {
            cols[i].setText(h.get(i));
        }
        cols[width].setText("P");
        cols[width + 1].setText("Chosen test");
        cols[width + 2].setText("Why this test");
    }

    /** @param ref a row @return the texts of its tree item, table columns then P, test, reason */
    public String[] texts(RowRef ref) {
        List<String> out = new ArrayList<>(ref.texts(width));
        ComparisonResult r = ref.result();
        out.add(r == null || !r.hasP() ? "" : p(r.pValue()));
        out.add(r == null || r.choice().testId() == null ? "" : r.choice().testId());
        out.add(r == null ? "" : r.error() != null ? r.choice().reason() + " (" + r.error() + ")" : r.choice().reason());
        return out.toArray(String[]::new);
    }

    private static String p(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** @return the row of the selected item, or null */
    public RowRef selected() {
        TreeItem[] s = tree.getSelection();
        return s.length == 0 ? null : (RowRef) s[0].getData();
    }

    /** @return the report shown, or null */
    public PaperReport report() {
        return report;
    }

    /** @return the number of table nodes */
    public int tableCount() {
        return tree.getItemCount();
    }

    /** @param which a condition on rows @return the first item whose row meets it, depth first, or null */
    public TreeItem find(Predicate<RowRef> which) {
        return find(tree.getItems(), which);
    }

    private static TreeItem find(TreeItem[] items, Predicate<RowRef> which) {
        for (TreeItem i : items) {
            if (i.getData() instanceof RowRef r && which.test(r)) {
                return i;
            }
            TreeItem inner = find(i.getItems(), which);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    /** @param item an item @param extra 0 = P, 1 = test, 2 = reason @return its text in that column */
    public String extra(TreeItem item, int extra) {
        return item.getText(width + extra);
    }
}
