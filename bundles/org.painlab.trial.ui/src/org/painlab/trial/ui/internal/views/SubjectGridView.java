package org.painlab.trial.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.ui.OpenStudies;
import org.painlab.trial.store.GridColumn;
import org.painlab.trial.store.GridRow;
import org.painlab.trial.store.SubjectGrid;
import org.painlab.trial.store.TrialStore;

/**
 * One row per subject with baseline variables and instrument scores per visit. A virtual
 * table over an in-memory sorted/filtered index: fast for tens of thousands of rows.
 * Click a header to sort; type in the filter (text, or {@code column=value}). Selecting
 * a row selects the subject for the whole workbench.
 */
public final class SubjectGridView extends ViewPart {
    public static final String ID = "org.painlab.trial.ui.subjectGrid";
    /** Job family of the grid loading, so tests can wait for it. */
    public static final Object LOAD_FAMILY = new Object();

    private OpenStudies studies;
    private Table table;
    private Text filter;
    private GridModel model;
    private Study shown;
    private final OpenStudies.Listener listener = s -> {
        if (s.selected().orElse(null) != shown) {
            reload();
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        c.setLayout(layout);
        filter = new Text(c, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("Filter: text in any column, or column=value (e.g. arm=S)");
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.addModifyListener(e -> applyFilter());
        table = new Table(c, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.addListener(SWT.SetData, e -> {
            TableItem item = (TableItem) e.item;
            int index = table.indexOf(item);
            if (model == null || index >= model.size()) {
                return;
            }
            String[] cells = new String[model.columns().size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = model.text(index, i);
            }
            item.setText(cells);
        });
        table.addListener(SWT.Selection, e -> {
            int i = table.getSelectionIndex();
            if (model != null && i >= 0 && shown != null) {
                studies.select(shown, model.row(i).subjectId());
            }
        });
        getViewSite().getActionBars().getToolBarManager().add(new Action("Refresh") {
            @Override
            public void run() {
                reload();
            }
        });
        studies.addListener(listener);
        reload();
    }

    /** Loads the grid of the selected study in a job with progress. */
    public void reload() {
        if (table == null || table.isDisposed()) {
            return;
        }
        shown = studies.selected().orElse(null);
        Study study = shown;
        if (study == null) {
            show(null, List.of(), List.of());
            setContentDescription("No study selected");
            return;
        }
        var display = table.getDisplay();
        Job job = new Job("Loading subjects of " + study.name()) {
            @Override
            protected org.eclipse.core.runtime.IStatus run(IProgressMonitor monitor) {
                try {
                    TrialStore store = new TrialStore(study);
                    SubjectGrid grid = store.grid();
                    long n = grid.size();
                    SubMonitor sub = SubMonitor.convert(monitor, (int) Math.min(n, Integer.MAX_VALUE));
                    List<GridRow> rows = new ArrayList<>((int) Math.min(n, 1_000_000));
                    grid.forEach(r -> {
                        rows.add(r);
                        sub.worked(1);
                    });
                    boolean simulated = store.simulated();
                    display.asyncExec(() -> {
                        if (shown == study) {
                            show(study, grid.columns(), rows);
                            setContentDescription(study.name() + ": " + rows.size() + " subjects" + (simulated ? "  (SIMULATED DATA)" : ""));
                        }
                    });
                    return Status.OK_STATUS;
                } catch (StudyException e) {
                    display.asyncExec(() -> setContentDescription(e.getMessage()));
                    return Status.error(e.getMessage(), e);
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == LOAD_FAMILY;
            }
        };
        job.schedule();
    }

    private void show(Study study, List<GridColumn> columns, List<GridRow> rows) {
        if (table.isDisposed()) {
            return;
        }
        table.setRedraw(false);
        try {
            table.removeAll();
            for (TableColumn col : table.getColumns()) {
                col.dispose();
            }
            model = study == null ? null : new GridModel(columns, rows);
            for (int i = 0; i < columns.size(); i++) {
                TableColumn col = new TableColumn(table, i < 3 ? SWT.LEFT : SWT.RIGHT);
                col.setText(columns.get(i).label());
                col.setWidth(i == 0 ? 90 : Math.max(70, Math.min(160, columns.get(i).label().length() * 8)));
                int index = i;
                col.addListener(SWT.Selection, e -> {
                    model.sortBy(index);
                    table.setSortColumn(col);
                    table.setSortDirection(model.ascending() ? SWT.UP : SWT.DOWN);
                    table.clearAll();
                });
            }
            applyFilter();
        } finally {
            table.setRedraw(true);
        }
    }

    private void applyFilter() {
        if (model == null) {
            table.setItemCount(0);
            return;
        }
        model.filter(filter.getText());
        table.clearAll();
        table.setItemCount(model.size());
    }

    /** Rows currently shown (after filtering), for tests. */
    public int shownRows() {
        return model == null ? 0 : model.size();
    }

    /** Sets the filter as a user would type it, for tests. */
    public void setFilter(String text) {
        filter.setText(text);
    }

    /** The text of a shown cell, for tests. */
    public String cell(int row, int column) {
        return model.text(row, column);
    }

    /** Sorts as a click on the header of {@code column} would, for tests. */
    public void sortBy(int column) {
        table.getColumn(column).notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
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
