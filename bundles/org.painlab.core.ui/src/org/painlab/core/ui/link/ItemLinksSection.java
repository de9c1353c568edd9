package org.painlab.core.ui.link;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.painlab.core.Study;
import org.painlab.core.link.LinkTargets;
import org.painlab.core.link.LinkedItem;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.UiJobs;

/**
 * The links and backlinks of one item of a study (core's {@link LinkTargets}: a note linked to a subject, a
 * result linked to a volume, ...), for the view that shows the item: one row per link with its direction,
 * the other end's link target and key, and its label now ("(gone)" when it no longer exists, the error
 * when its plug-in is not installed). The links are read in a job ({@link UiJobs}), and read again when
 * {@link OpenStudies#linksChanged} says the study's links changed, so a link made in another view shows
 * at once. Every area's views use it, and a third party's view can too:
 *
 * <pre>
 * ItemLinksSection links = new ItemLinksSection(parent, getSite().getService(OpenStudies.class));
 * links.show(study, "subject", "S-003");
 * </pre>
 *
 * A view that has one should return it from {@code getAdapter(ItemLinksSection.class)}, so other plug-ins
 * (and tests) find it without knowing the view's class.
 *
 * @since 0.1
 */
public final class ItemLinksSection {
    private static final List<String> TITLES = List.of("", "Item", "Kind", "Key");
    private static final List<Integer> WIDTHS = List.of(85, 0, 75, 120);
    /** The column of the other end's label: it takes the width the others leave. */
    private static final int ITEM = 1;
    private static final int MIN_ITEM_WIDTH = 160;
    private final Group group;
    private final Label heading;
    private final Composite tableArea;
    private final Table table;
    private final OpenStudies studies;
    private final OpenStudies.LinkListener listener = this::linksChanged;
    private Study study;
    private String type;
    private String key;
    private List<LinkedItem> items = List.of();
    /** Counts reads started; only the newest one's outcome is shown. */
    private int reads;
    private boolean loading;
    private String failure;

    /**
     * @param parent where the section goes (it sets no layout data: the caller places it)
     * @param studies the workbench's studies, told of new links; null to refresh only on {@link #refresh()}
     */
    public ItemLinksSection(Composite parent, OpenStudies studies) {
        this.studies = studies;
        group = new Group(parent, SWT.NONE);
        group.setText("Links");
        group.setLayout(new GridLayout(1, false));
        heading = new Label(group, SWT.WRAP);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        // the label is what the user reads: it takes the width the direction, kind and key leave
        tableArea = new Composite(group, SWT.NONE);
        TableColumnLayout columns = new TableColumnLayout();
        tableArea.setLayout(columns);
        tableArea.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table = new Table(tableArea, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        for (int i = 0; i < TITLES.size(); i++) {
            TableColumn tc = new TableColumn(table, SWT.NONE);
            tc.setText(TITLES.get(i));
            columns.setColumnData(tc, i == ITEM ? new ColumnWeightData(1, MIN_ITEM_WIDTH) : new ColumnPixelData(WIDTHS.get(i)));
        }
        fitRows(0);
        if (studies != null) {
            studies.addLinkListener(listener);
            group.addListener(SWT.Dispose, e -> studies.removeLinkListener(listener));
        }
        clear("Select an item to see its links and backlinks.");
    }

    /** The section's control, for the caller's layout. */
    public Composite control() {
        return group;
    }

    /**
     * Shows the links of item {@code type}:{@code key} of {@code study}, read in a job.
     *
     * @param study the study holding the links
     * @param type the item's link target id ({@code subject}, {@code result}, {@code parameter}, ...)
     * @param key the item's key
     */
    public void show(Study study, String type, String key) {
        this.study = study;
        this.type = type;
        this.key = key;
        read();
    }

    /** Shows no item, with {@code message} saying why (e.g. "Select a subject"). */
    public void clear(String message) {
        reads++;
        loading = false;
        failure = null;
        study = null;
        type = null;
        key = null;
        items = List.of();
        if (!table.isDisposed()) {
            table.removeAll();
            heading.setText(message);
            heading.setToolTipText(null);
        }
    }

    /** Reads the shown item's links again. */
    public void refresh() {
        if (study != null) {
            read();
        }
    }

    private void linksChanged(Study changed) {
        if (table.isDisposed()) {
            return;
        }
        if (table.getDisplay().getThread() != Thread.currentThread()) {
            // a job that stored a link told us from its own thread: the widgets are the UI thread's
            table.getDisplay().asyncExec(() -> linksChanged(changed));
            return;
        }
        if (changed == study) {
            read();
        }
    }

    private void read() {
        if (table.isDisposed()) {
            return;
        }
        Study s = study;
        String t = type;
        String k = key;
        int read = ++reads;
        loading = true;
        failure = null;
        heading.setText("Reading the links of " + t + " " + k + "...");
        UiJobs.run("Reading the links of " + t + " " + k, table, monitor -> new LinkTargets().describe(s, t, k), found -> {
            if (read == reads) {
                loading = false;
                shown(t, k, found);
            }
        }, e -> {
            if (read == reads) {
                loading = false;
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
                items = List.of();
                table.removeAll();
                heading.setText("The links of " + t + " " + k + " cannot be read: " + e.getMessage());
            }
        });
    }

    private void shown(String t, String k, List<LinkedItem> found) {
        items = List.copyOf(found);
        table.removeAll();
        for (LinkedItem i : items) {
            new TableItem(table, SWT.NONE).setText(new String[] { i.direction(), i.text(), i.type(), i.key() });
        }
        long back = items.stream().filter(i -> !i.outgoing()).count();
        // an item without links says how to make one: the type and key a note's link takes
        heading.setText(items.isEmpty() ? "No links to " + t + " " + k + " yet (link a note to " + t + ":" + k + ")."
                : "Links of " + t + " " + k + ": " + (items.size() - back) + " out, " + back + " in (backlinks)");
        heading.setToolTipText(t + ":" + k);
        fitRows(items.size());
    }

    /**
     * As tall as {@code rows} rows (two to six: more scroll). Measured again once the table is on screen: before,
     * GTK reports rows and header lower than they are drawn.
     */
    private void fitRows(int rows) {
        resize(rows);
        table.getDisplay().asyncExec(() -> {
            if (!table.isDisposed() && table.getItemCount() == rows) {
                resize(rows);
            }
        });
    }

    private void resize(int rows) {
        // GTK under-reports the row height until rows are drawn: at least the font's height with the cell padding
        GC gc = new GC(table);
        int text = gc.getFontMetrics().getHeight();
        gc.dispose();
        int item = Math.max(table.getItemHeight(), text + 10);
        int header = Math.max(table.getHeaderHeight(), text + 14);
        int hint = header + Math.max(2, Math.min(6, rows)) * item + 2 * table.getBorderWidth() + 4;
        GridData gd = (GridData) tableArea.getLayoutData();
        if (gd.heightHint != hint) {
            gd.heightHint = hint;
            group.requestLayout();
        }
    }

    /** The links shown, oldest first. */
    public List<LinkedItem> items() {
        return items;
    }

    /**
     * The rows shown as text: "linked from Note n1: Dose finding"; an end without label by its kind and key,
     * "links to result 999 (gone)".
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (LinkedItem i : items) {
            out.add(i.direction() + " " + i.label().orElseGet(() -> i.type() + " " + i.key() + " (" + i.problem() + ")"));
        }
        return out;
    }

    /** The line above the rows (whose links, how many, or why none are shown). */
    public String heading() {
        return heading.getText();
    }

    /** Why the shown item's links could not be read, or null. */
    public String failure() {
        return failure;
    }

    /** True while the links are being read. */
    public boolean loading() {
        return loading;
    }

    /** The item shown as {@code type:key}, or null. */
    public String item() {
        return type == null ? null : type + ":" + key;
    }
}
