package org.painlab.core.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;

/**
 * The audit trail of the selected study on the workbench grid: read-only (the trail cannot
 * be edited from the workbench), loaded in a job, filtered in the filter row by who,
 * subject (Id), field and date range (e.g. {@code 2026-01-01..2026-01-31} under When),
 * sortable, and exported as shown (CSV or XLSX).
 */
public final class AuditLogView extends ViewPart {
    public static final String ID = "org.painlab.core.ui.auditLog";
    private static final int PAGE = 5_000;

    private DataGrid<AuditEntry> grid;
    private OpenStudies studies;
    private Study shown;
    private final OpenStudies.Listener listener = s -> refresh();

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        parent.setLayout(new FillLayout());
        grid = DataGrid.<AuditEntry>builder().name("Audit trail")
                .column(ColumnSpec.number("id", "#", AuditEntry::id))
                .column(ColumnSpec.text("at", "When", AuditEntry::at))
                .column(ColumnSpec.text("actor", "Who", AuditEntry::actor))
                .column(ColumnSpec.text("action", "Action", AuditEntry::action))
                .column(ColumnSpec.text("entity", "Entity", AuditEntry::entity))
                .column(ColumnSpec.text("entityId", "Id", AuditEntry::entityId))
                .column(ColumnSpec.text("field", "Field", AuditEntry::field))
                .column(ColumnSpec.text("oldValue", "Old value", AuditEntry::oldValue))
                .column(ColumnSpec.text("newValue", "New value", AuditEntry::newValue))
                .column(ColumnSpec.text("reason", "Reason", AuditEntry::reason))
                .width("at", 170).width("reason", 260).width("id", 60)
                .build(parent);
        var toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(new Action("Refresh") {
            @Override
            public void run() {
                refresh();
            }
        });
        toolbar.add(new Action("Export...") {
            @Override
            public void run() {
                if (shown != null) {
                    grid.exportWithDialog(getSite().getShell(), "audit-" + shown.folder().getFileName());
                }
            }
        });
        studies.addListener(listener);
        refresh();
    }

    /** Reloads the selected study's trail in a job. */
    public void refresh() {
        if (grid == null || grid.control().isDisposed()) {
            return;
        }
        Study study = studies.selected().orElse(null);
        if (study != shown) {
            grid.rememberStateIn(study == null ? null : DataGrid.stateFile(study, ID));
        }
        shown = study;
        if (study == null) {
            grid.setRows(List.of());
            grid.control().refresh(false);
            setContentDescription("No study selected");
            return;
        }
        grid.load("Reading the audit trail of " + study.name(), () -> study.read(c -> {
            AuditLog log = new AuditLog(c);
            List<AuditEntry> all = new ArrayList<>();
            long size = log.size();
            for (long start = 0; start < size; start += PAGE) {
                all.addAll(log.entries(start, PAGE));
            }
            return all;
        }), result -> {
            if (shown == study) {
                setContentDescription(result.failure() != null ? result.failure().getMessage()
                        : study.name() + ": " + result.rows().size() + " audit rows (read-only)");
            }
        });
    }

    /** The grid, for tests. */
    public DataGrid<AuditEntry> grid() {
        return grid;
    }

    /** Number of rows shown, for tests. */
    public int rowCount() {
        return grid.shownRowCount();
    }

    @Override
    public void setFocus() {
        grid.control().setFocus();
    }

    @Override
    public void dispose() {
        if (studies != null) {
            studies.removeListener(listener);
        }
        super.dispose();
    }
}
