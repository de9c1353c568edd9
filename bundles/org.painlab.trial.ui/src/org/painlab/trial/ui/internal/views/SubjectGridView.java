package org.painlab.trial.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.nebula.widgets.nattable.columnChooser.command.DisplayColumnChooserCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.trial.store.GridColumn;
import org.painlab.trial.store.GridRow;
import org.painlab.trial.store.SubjectGrid;
import org.painlab.trial.store.TrialStore;

/**
 * One row per subject with baseline variables and instrument scores per visit, on the
 * workbench grid ({@link DataGrid}): scores grouped under a spanning header per visit,
 * baseline variables under "Baseline", subject and arm frozen, a filter row (e.g.
 * {@code = S} under Arm, {@code >40} under an ODI score), multi-column sort, column
 * chooser, copy and export of what is shown. The layout is remembered per study.
 * Selecting a row selects the subject for the whole workbench. When the study has repeated or
 * per-visit forms, a "Repeated forms" column counts each subject's fillings and the row menu opens
 * them in the Repeated Forms view.
 */
public final class SubjectGridView extends ViewPart {
    public static final String ID = "org.painlab.trial.ui.subjectGrid";
    /** Job family of the grid loading, so tests can wait for it. */
    public static final Object LOAD_FAMILY = new Object();
    /** Key of the column counting each subject's filled repeated or per-visit forms (shown when the study has any). */
    public static final String REPEATED_FORMS = "repeated_forms";

    private OpenStudies studies;
    private Composite area;
    private DataGrid<GridRow> grid;
    private List<GridColumn> gridColumns = List.of();
    /** Subject to its number of filled repeated or per-visit forms; replaced whole by each load. */
    private volatile Map<String, Long> observationCounts = Map.of();
    private boolean countsShown;
    private Study shown;
    private final OpenStudies.Listener listener = s -> {
        if (s.selected().orElse(null) != shown) {
            reload();
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        area = new Composite(parent, SWT.NONE);
        area.setLayout(new FillLayout());
        var toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(new Action("Refresh") {
            @Override
            public void run() {
                reload();
            }
        });
        toolbar.add(new Action("Cancel loading") {
            @Override
            public void run() {
                cancelLoad();
            }
        });
        toolbar.add(new Action("Columns...") {
            @Override
            public void run() {
                if (grid != null) {
                    grid.control().doCommand(new DisplayColumnChooserCommand(grid.control()));
                }
            }
        });
        toolbar.add(new Action("Export...") {
            @Override
            public void run() {
                if (grid != null && shown != null) {
                    grid.exportWithDialog(getSite().getShell(), "subjects-" + shown.folder().getFileName());
                }
            }
        });
        studies.addListener(listener);
        reload();
    }

    /** Loads the grid of the selected study in a job with progress; the UI thread only builds the columns. */
    public void reload() {
        if (area == null || area.isDisposed()) {
            return;
        }
        shown = studies.selected().orElse(null);
        Study study = shown;
        if (study == null) {
            replaceGrid(null, List.of(), false);
            setContentDescription("No study selected");
            return;
        }
        Display display = area.getDisplay();
        setContentDescription("Loading subjects of " + study.name() + "...");
        Job job = new Job("Loading subjects of " + study.name()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    TrialStore store = new TrialStore(study);
                    SubjectGrid source = store.grid();
                    List<GridColumn> columns = source.columns();
                    Map<String, Long> counts = store.observationCounts();
                    long n = source.size();
                    SubMonitor sub = SubMonitor.convert(monitor, "Loading subjects of " + study.name(), (int) Math.min(n, Integer.MAX_VALUE));
                    List<GridRow> rows = new ArrayList<>((int) Math.min(n, 1_000_000));
                    // every row is read before the grid changes: a cancelled load leaves the grid as it was
                    source.forEach(r -> {
                        rows.add(r);
                        sub.worked(1);
                    }, sub);
                    boolean simulated = store.simulated();
                    DataGrid<GridRow>[] target = holder();
                    display.syncExec(() -> {
                        if (shown == study && !area.isDisposed() && !monitor.isCanceled()) {
                            observationCounts = counts;
                            boolean sameColumns = columns.equals(gridColumns) && countsShown == !counts.isEmpty();
                            target[0] = sameColumns && grid != null ? grid : replaceGrid(study, columns, !counts.isEmpty());
                            if (target[0] != null) {
                                target[0].rememberStateIn(DataGrid.stateFile(study, ID));
                            }
                        }
                    });
                    if (target[0] == null) {
                        return Status.CANCEL_STATUS;
                    }
                    target[0].setRows(rows);
                    display.asyncExec(() -> {
                        if (shown == study && !area.isDisposed()) {
                            // the grid repaints on its own once the rows are in (setRows)
                            setContentDescription(study.name() + ": " + rows.size() + " subjects" + (simulated ? "  (SIMULATED DATA)" : ""));
                        }
                    });
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    display.asyncExec(() -> {
                        if (shown == study && !area.isDisposed()) {
                            setContentDescription(study.name() + ": loading cancelled, the grid shows what it showed before");
                        }
                    });
                    return Status.CANCEL_STATUS;
                } catch (StudyException e) {
                    display.asyncExec(() -> setContentDescription(e.getMessage()));
                    return Status.error(e.getMessage(), e);
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == LOAD_FAMILY || family == DataGrid.JOB_FAMILY;
            }
        };
        job.schedule();
    }

    /** Cancels a running load (also possible from the Progress view); the grid keeps what it showed. */
    public void cancelLoad() {
        if (Job.getJobManager().find(LOAD_FAMILY).length > 0) {
            Job.getJobManager().cancel(LOAD_FAMILY);
            if (shown != null) {
                setContentDescription(shown.name() + ": loading cancelled, the grid shows what it showed before");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static DataGrid<GridRow>[] holder() {
        return new DataGrid[1];
    }

    private DataGrid<GridRow> replaceGrid(Study study, List<GridColumn> columns, boolean withCounts) {
        if (grid != null) {
            grid.control().dispose();
            grid = null;
        }
        gridColumns = columns;
        countsShown = withCounts;
        if (study == null || columns.isEmpty()) {
            return null;
        }
        List<ColumnSpec<GridRow>> specs = new ArrayList<>(SubjectGridColumns.of(columns));
        DataGrid.Builder<GridRow> builder = DataGrid.<GridRow>builder();
        if (withCounts) {
            int afterSubjectColumns = (int) columns.stream().filter(c -> c.kind() == GridColumn.Kind.SUBJECT).count();
            specs.add(afterSubjectColumns, ColumnSpec.number(REPEATED_FORMS, "Repeated forms",
                    (GridRow r) -> observationCounts.getOrDefault(r.subjectId(), 0L)));
            builder.width(REPEATED_FORMS, 130).rowAction("Show repeated forms", r -> showRepeatedForms(r.subjectId()));
        }
        // the subject's links live in Data Entry, which follows the selected subject
        builder.rowAction("Show links", r -> showLinks(r.subjectId()));
        grid = builder.name("Subjects").columns(specs).frozenColumns(2)
                .onSelection(rows -> {
                    if (!rows.isEmpty() && shown != null) {
                        studies.select(shown, rows.get(0).subjectId());
                    }
                }).build(area);
        area.layout(true, true);
        return grid;
    }

    /** Selects the subject and opens the Repeated Forms view on its fillings. */
    private void showRepeatedForms(String subjectId) {
        if (shown == null) {
            return;
        }
        studies.select(shown, subjectId);
        try {
            RepeatedFormsView view = (RepeatedFormsView) getSite().getPage().showView(RepeatedFormsView.ID);
            view.showOnlySelectedSubject(true);
        } catch (PartInitException e) {
            setContentDescription("Repeated Forms cannot be opened: " + e.getMessage());
        }
    }

    /** Selects the subject and brings up Data Entry, which lists the subject's links and backlinks. */
    private void showLinks(String subjectId) {
        if (shown == null) {
            return;
        }
        studies.select(shown, subjectId);
        try {
            getSite().getPage().showView(DataEntryView.ID);
        } catch (PartInitException e) {
            setContentDescription("Data Entry cannot be opened: " + e.getMessage());
        }
    }

    /** The grid, for tests and the bench (null before a study is loaded). */
    public DataGrid<GridRow> grid() {
        return grid;
    }

    /** Rows currently shown (after filtering), for tests. */
    public int shownRows() {
        return grid == null ? 0 : grid.shownRowCount();
    }

    @Override
    public void setFocus() {
        if (grid != null) {
            grid.control().setFocus();
        } else {
            area.setFocus();
        }
    }

    @Override
    public void dispose() {
        if (studies != null) {
            studies.removeListener(listener);
        }
        super.dispose();
    }

    /** The grid's columns from the trial's subject grid: groups per visit, variables under Baseline. */
    static final class SubjectGridColumns {
        private SubjectGridColumns() {
        }

        static List<ColumnSpec<GridRow>> of(List<GridColumn> columns) {
            List<ColumnSpec<GridRow>> specs = new ArrayList<>();
            // instruments reported with sub-scores get a group of their own under the visit
            java.util.Set<String> withSubscores = new java.util.HashSet<>();
            java.util.Map<String, String> visitLabels = new java.util.HashMap<>();
            for (GridColumn c : columns) {
                if (c.kind() == GridColumn.Kind.SCORE && c.subscore() != null) {
                    withSubscores.add(c.instrumentId() + "." + c.visitId());
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                GridColumn c = columns.get(i);
                int index = i;
                switch (c.kind()) {
                case SUBJECT -> specs.add(ColumnSpec.text(c.key(), c.label(), (GridRow r) -> r.values().get(index)));
                case VARIABLE -> specs.add(ColumnSpec.<GridRow>number(c.key(), c.label(), r -> r.values().get(index)).under("Baseline"));
                case SCORE -> {
                    String pair = c.instrumentId() + "." + c.visitId();
                    if (c.subscore() != null) {
                        String visit = visitLabels.getOrDefault(pair, c.visitId());
                        String instrument = c.instrumentId().toUpperCase(java.util.Locale.ROOT);
                        specs.add(ColumnSpec.<GridRow>number(c.key(), c.label(), r -> r.values().get(index)).under(visit, instrument));
                        continue;
                    }
                    String instrument = c.label().contains(" ") ? c.label().substring(0, c.label().indexOf(' ')) : c.label();
                    String visit = c.label().contains(" ") ? c.label().substring(c.label().indexOf(' ') + 1) : c.visitId();
                    visitLabels.put(pair, visit);
                    if (withSubscores.contains(pair)) {
                        // the instrument's own score (the SF-36's mean of its scales) leads its sub-scores
                        specs.add(ColumnSpec.<GridRow>number(c.key(), "Score", r -> r.values().get(index)).under(visit, instrument));
                    } else {
                        specs.add(ColumnSpec.<GridRow>number(c.key(), instrument, r -> r.values().get(index)).under(visit));
                    }
                }
                }
            }
            return specs;
        }
    }
}
