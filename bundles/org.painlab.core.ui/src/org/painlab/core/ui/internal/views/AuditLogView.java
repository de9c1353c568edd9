package org.painlab.core.ui.internal.views;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.core.ui.OpenStudies;

/**
 * The audit trail of the selected study: read-only (the trail cannot be edited from
 * the workbench), newest rows fetched on demand (virtual table), exportable as CSV.
 */
public final class AuditLogView extends ViewPart {
    public static final String ID = "org.painlab.core.ui.auditLog";
    private static final String[] COLUMNS = { "#", "When", "Who", "Action", "Entity", "Id", "Field", "Old value", "New value", "Reason" };
    private static final int[] WIDTHS = { 60, 180, 90, 70, 110, 120, 120, 110, 110, 260 };
    private static final int PAGE = 500;

    private Table table;
    private OpenStudies studies;
    private Study shown;
    private long rows;
    private List<AuditEntry> page = List.of();
    private long pageStart = -1;
    private final OpenStudies.Listener listener = s -> refresh();

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        parent.setLayout(new FillLayout());
        table = new Table(parent, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(COLUMNS[i]);
            c.setWidth(WIDTHS[i]);
        }
        table.addListener(SWT.SetData, e -> fill((TableItem) e.item, table.indexOf((TableItem) e.item)));
        var toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(new Action("Refresh") {
            @Override
            public void run() {
                refresh();
            }
        });
        toolbar.add(new Action("Export CSV...") {
            @Override
            public void run() {
                export();
            }
        });
        studies.addListener(listener);
        refresh();
    }

    /** Reloads the row count of the selected study's trail. */
    public void refresh() {
        if (table == null || table.isDisposed()) {
            return;
        }
        shown = studies.selected().orElse(null);
        pageStart = -1;
        rows = 0;
        if (shown != null) {
            try {
                rows = shown.read(c -> new AuditLog(c).size());
            } catch (StudyException e) {
                setContentDescription(e.getMessage());
            }
        }
        setContentDescription(shown == null ? "No study selected" : shown.name() + ": " + rows + " audit rows (read-only)");
        table.clearAll();
        table.setItemCount((int) Math.min(rows, Integer.MAX_VALUE));
    }

    private void fill(TableItem item, int index) {
        if (shown == null) {
            return;
        }
        if (index < pageStart || index >= pageStart + page.size() || pageStart < 0) {
            long start = (index / PAGE) * (long) PAGE;
            try {
                page = shown.read(c -> new AuditLog(c).entries(start, PAGE));
                pageStart = start;
            } catch (StudyException e) {
                return;
            }
        }
        int i = (int) (index - pageStart);
        if (i >= page.size()) {
            return;
        }
        AuditEntry a = page.get(i);
        item.setText(new String[] { Long.toString(a.id()), String.valueOf(a.at()), a.actor(), a.action(), a.entity(),
                nz(a.entityId()), nz(a.field()), nz(a.oldValue()), nz(a.newValue()), nz(a.reason()) });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void export() {
        if (shown == null) {
            return;
        }
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { "*.csv" });
        d.setFileName("audit-" + shown.folder().getFileName() + ".csv");
        d.setOverwrite(true);
        String target = d.open();
        if (target == null) {
            return;
        }
        try {
            shown.read(c -> {
                try {
                    new AuditLog(c).exportCsv(Path.of(target));
                } catch (IOException e) {
                    throw new SQLException(e.getMessage(), e);
                }
                return null;
            });
        } catch (StudyException e) {
            MessageDialog.openError(getSite().getShell(), "Export audit trail", e.getMessage());
        }
    }

    /** Number of rows shown, for tests. */
    public int rowCount() {
        return table.getItemCount();
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        if (studies != null) {
            studies.removeListener(listener);
        }
        super.dispose();
    }
}
