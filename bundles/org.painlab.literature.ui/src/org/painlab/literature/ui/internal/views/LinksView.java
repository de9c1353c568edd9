package org.painlab.literature.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.ui.UiJobs;
import org.painlab.core.link.LinkTargets;
import org.painlab.core.link.LinkedItem;

/**
 * The links and backlinks of the selected reference or note: each other end with its kind, key
 * and current label (or "(gone)" when the item was deleted), through core's link targets.
 */
public final class LinksView extends ViewPart {
    public static final String ID = "org.painlab.literature.ui.links";
    private Label heading;
    private Table table;
    private final List<String[]> rows = new ArrayList<>();
    private Job reading;

    @Override
    public void createPartControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        heading = new Label(c, SWT.NONE);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        heading.setText("Select a reference or a note to see its links and backlinks.");
        table = new Table(c, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String[] col : new String[][] {{"", "80"}, {"Kind", "90"}, {"Key", "110"}, {"Item", "420"}}) {
            TableColumn tc = new TableColumn(table, SWT.NONE);
            tc.setText(col[0]);
            tc.setWidth(Integer.parseInt(col[1]));
        }
    }

    /**
     * Shows the links of item {@code type}:{@code key} of {@code study}: read in a job (the study's database is
     * not touched on the UI thread), shown when read. A later call wins over an earlier one still reading.
     */
    public void show(Study study, String type, String key) {
        if (reading != null) {
            reading.cancel();
        }
        heading.setText("Reading the links of " + type + " " + key + "...");
        reading = UiJobs.run("Reading links of " + type + " " + key, table,
                monitor -> new LinkTargets().describe(study, type, key),
                links -> shown(type, key, links),
                e -> heading.setText("Cannot read the links of " + type + " " + key + ": " + e.getMessage()));
    }

    private void shown(String type, String key, List<LinkedItem> links) {
        rows.clear();
        table.removeAll();
        for (LinkedItem l : links) {
            String[] row = {l.direction(), l.type(), l.key(), l.text()};
            rows.add(row);
            new TableItem(table, SWT.NONE).setText(row);
        }
        heading.setText("Links of " + type + " " + key + ": " + rows.size());
    }

    /** The rows shown: direction, kind, key, label. */
    public List<String[]> rows() {
        return List.copyOf(rows);
    }

    public String heading() {
        return heading.getText();
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}
