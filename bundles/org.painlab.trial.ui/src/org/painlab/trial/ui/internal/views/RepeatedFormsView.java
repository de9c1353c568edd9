package org.painlab.trial.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.trial.store.TrialStore;

/**
 * The repeated and per-visit forms of the selected study (REDCap repeating instruments and
 * events, forms filled at several events, ODM repeat keys), one form at a time on the workbench
 * grid: one row per subject, visit and instance, one column per field, with the grid's filter
 * row, sort, copy and export of what is shown. Read-only: the values are edited in the source
 * system and imported again.
 * <p>
 * It follows the workbench's subject: with "Selected subject only" ticked the grid is filtered to
 * that subject (the filter shows in the filter row under Subject), otherwise the subject's rows
 * are selected. Selecting a row selects its subject for the other views.
 */
public final class RepeatedFormsView extends ViewPart {
    public static final String ID = "org.painlab.trial.ui.repeatedForms";
    /** Job family of the loading, so tests can wait for it. */
    public static final Object LOAD_FAMILY = new Object();
    /** Family of the job that selects the subject's rows once a filter change is matched. */
    private static final Object SELECT_FAMILY = new Object();

    private OpenStudies studies;
    private Combo formChooser;
    private Button onlySelected;
    private Composite area;
    private DataGrid<FormInstance> grid;
    private FormInstances table;
    private List<String> forms = List.of();
    private Study shown;
    private String shownSubject;
    /** True while this view itself changes the workbench's subject, so it does not react to its own selection. */
    private boolean selecting;
    private Job loading;
    private final OpenStudies.Listener listener = s -> selectionChanged();

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        c.setLayout(layout);
        Label formLabel = new Label(c, SWT.NONE);
        formLabel.setText("Form:");
        GridData labelData = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
        labelData.horizontalIndent = 4;
        formLabel.setLayoutData(labelData);
        formChooser = new Combo(c, SWT.READ_ONLY);
        formChooser.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
        formChooser.addListener(SWT.Selection, e -> loadForm());
        onlySelected = new Button(c, SWT.CHECK);
        onlySelected.setText("Selected subject only");
        onlySelected.setToolTipText("Show only the subject selected in the Subject Grid (or any other view)");
        onlySelected.setSelection(true);
        onlySelected.addListener(SWT.Selection, e -> followSubject());
        area = new Composite(c, SWT.NONE);
        area.setLayout(new FillLayout());
        area.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        var toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(new Action("Refresh") {
            @Override
            public void run() {
                reload();
            }
        });
        toolbar.add(new Action("Export...") {
            @Override
            public void run() {
                if (grid != null && shown != null && table != null) {
                    grid.exportWithDialog(getSite().getShell(), table.form() + "-" + shown.folder().getFileName());
                }
            }
        });
        studies.addListener(listener);
        reload();
    }

    private void selectionChanged() {
        if (area == null || area.isDisposed()) {
            return;
        }
        if (studies.selected().orElse(null) != shown) {
            reload();
        } else if (!selecting && !Objects.equals(studies.selectedSubject().orElse(null), shownSubject)) {
            followSubject();
        }
    }

    /**
     * Reads the selected study's forms and the chosen one's fillings (the form shown before if it is
     * still there, else the first) in one job.
     */
    public void reload() {
        if (area == null || area.isDisposed()) {
            return;
        }
        shown = studies.selected().orElse(null);
        if (shown == null) {
            showForms(Map.of(), null);
            replaceGrid(null);
            setContentDescription("No study selected");
            return;
        }
        load(shown, chosenForm(), true);
    }

    /** Loads the form chosen in the chooser. */
    private void loadForm() {
        String form = chosenForm();
        if (shown != null && form != null) {
            load(shown, form, false);
        }
    }

    /**
     * Reads in a job (with the study's forms when {@code readForms}), then builds the columns on the
     * UI thread and hands the rows to the grid from the job.
     */
    private void load(Study study, String wanted, boolean readForms) {
        Display display = area.getDisplay();
        if (loading != null) {
            loading.cancel(); // a newer load replaces it (study switched, reopened at start-up)
        }
        loading = schedule("Reading the repeated forms of " + study.name(), monitor -> {
            TrialStore store = new TrialStore(study);
            Map<String, Long> found = readForms ? store.observationForms() : null;
            String form = !readForms || wanted != null && found.containsKey(wanted) ? wanted
                    : found.keySet().stream().findFirst().orElse(null);
            FormInstances read = form == null ? null : FormInstances.of(form, store.observations(form), store.visitDefinitions());
            List<DataGrid<FormInstance>> target = new ArrayList<>(1);
            if (monitor.isCanceled()) {
                return;
            }
            display.syncExec(() -> {
                if (shown != study || area.isDisposed() || monitor.isCanceled()) {
                    return;
                }
                if (found != null) {
                    showForms(found, form);
                } else if (!form.equals(chosenForm())) {
                    return; // another form was chosen meanwhile: its own load shows it
                }
                table = read;
                target.add(replaceGrid(read));
                if (read == null) {
                    setContentDescription(study.name() + ": no repeated or per-visit forms (REDCap repeating instruments and "
                            + "events, forms filled at several events, ODM repeats)");
                }
            });
            if (target.isEmpty() || target.get(0) == null) {
                return;
            }
            target.get(0).setRows(read.rows());
            display.asyncExec(() -> {
                if (grid == target.get(0) && !area.isDisposed()) {
                    grid.control().refresh(false);
                    setContentDescription(study.name() + ": form " + form + ", " + read.rows().size() + " fillings of " + read.subjects()
                            + " subjects, " + read.fields().size() + " fields (read-only)");
                }
            });
        });
    }

    /** Fills the chooser with the forms and their number of fillings, {@code chosen} selected. */
    private void showForms(Map<String, Long> found, String chosen) {
        forms = List.copyOf(found.keySet());
        formChooser.removeAll();
        for (Map.Entry<String, Long> f : found.entrySet()) {
            formChooser.add(f.getKey() + "  (" + f.getValue() + ")");
        }
        formChooser.setEnabled(!forms.isEmpty());
        if (chosen != null) {
            formChooser.select(forms.indexOf(chosen));
        }
        formChooser.getParent().layout(true, true);
    }

    private Job schedule(String name, StudyWork work) {
        Display display = area.getDisplay();
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    work.run(monitor);
                    return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
                } catch (StudyException e) {
                    display.asyncExec(() -> {
                        if (!area.isDisposed()) {
                            setContentDescription(e.getMessage());
                        }
                    });
                    return Status.error(e.getMessage(), e);
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == LOAD_FAMILY || family == DataGrid.JOB_FAMILY;
            }
        };
        job.schedule();
        return job;
    }

    @FunctionalInterface
    private interface StudyWork {
        void run(IProgressMonitor monitor) throws StudyException;
    }

    private DataGrid<FormInstance> replaceGrid(FormInstances read) {
        if (grid != null) {
            grid.control().dispose();
            grid = null;
        }
        if (read == null) {
            table = null;
            return null;
        }
        DataGrid.Builder<FormInstance> builder = DataGrid.<FormInstance>builder();
        for (var c : read.columns()) {
            if (!c.numeric() && c.key().startsWith(FormInstances.key(""))) {
                builder.width(c.key(), Math.max(110, Math.min(220, c.label().length() * 8 + 24))); // room for a date or a short text
            }
        }
        grid = builder.name("Form " + read.form()).columns(read.columns())
                .frozenColumns(FormInstances.KEY_COLUMNS).width(FormInstances.INSTANCE, 70).width(FormInstances.FORM, 110)
                .onSelection(rows -> {
                    if (!rows.isEmpty() && shown != null) {
                        selecting = true;
                        try {
                            shownSubject = rows.get(0).subjectId();
                            studies.select(shown, shownSubject);
                        } finally {
                            selecting = false;
                        }
                    }
                }).build(area);
        grid.rememberStateIn(DataGrid.stateFile(shown, ID + "." + read.form()));
        shownSubject = null;
        followSubject();
        area.layout(true, true);
        return grid;
    }

    /** Shows the workbench's subject: filters to it, or selects its rows when "Selected subject only" is off. */
    private void followSubject() {
        shownSubject = studies.selectedSubject().orElse(null);
        if (grid == null) {
            return;
        }
        if (onlySelected.getSelection()) {
            grid.setFilter(FormInstances.SUBJECT, shownSubject == null ? "" : "= " + shownSubject);
            return;
        }
        grid.setFilter(FormInstances.SUBJECT, "");
        // the filter is matched in a job: select once the rows are all shown again
        Display display = area.getDisplay();
        String subject = shownSubject;
        DataGrid<FormInstance> g = grid;
        Job.getJobManager().cancel(SELECT_FAMILY);
        Job select = new Job("Selecting subject " + subject) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    Job.getJobManager().join(DataGrid.JOB_FAMILY, monitor);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Status.CANCEL_STATUS;
                }
                display.asyncExec(() -> selectRowsOf(g, subject));
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == SELECT_FAMILY || family == LOAD_FAMILY;
            }
        };
        select.setSystem(true);
        select.schedule();
    }

    private void selectRowsOf(DataGrid<FormInstance> g, String subject) {
        if (g != grid || g.control().isDisposed() || subject == null || !subject.equals(shownSubject)) {
            return;
        }
        List<Integer> indexes = new ArrayList<>();
        int n = g.shownRowCount();
        for (int i = 0; i < n; i++) {
            if (subject.equals(g.shownRow(i).subjectId())) {
                indexes.add(i);
            }
        }
        selecting = true;
        try {
            g.selectRows(indexes.stream().mapToInt(Integer::intValue).toArray());
            if (!indexes.isEmpty()) {
                g.control().doCommand(new org.eclipse.nebula.widgets.nattable.viewport.command.ShowRowInViewportCommand(indexes.get(0)));
            }
        } finally {
            selecting = false;
        }
    }

    private String chosenForm() {
        int i = formChooser.getSelectionIndex();
        return i < 0 || i >= forms.size() ? null : forms.get(i);
    }

    /** The forms with observations in the shown study, in the chooser's order. */
    public List<String> forms() {
        return forms;
    }

    /** Shows {@code form} as choosing it in the chooser would (loads in a job). */
    public void chooseForm(String form) {
        int i = forms.indexOf(form);
        if (i < 0) {
            throw new IllegalArgumentException("no observations of form " + form + " in " + forms);
        }
        formChooser.select(i);
        loadForm();
    }

    /** Ticks or clears "Selected subject only", as the user would. */
    public void showOnlySelectedSubject(boolean only) {
        onlySelected.setSelection(only);
        followSubject();
    }

    /** The grid of the shown form, or null (tests, Data Entry). */
    public DataGrid<FormInstance> grid() {
        return grid;
    }

    /** The shown form's fields, in column order (empty before a form is loaded). */
    public List<String> fields() {
        return table == null ? List.of() : table.fields();
    }

    /** Rows shown (after filtering). */
    public int shownRows() {
        return grid == null ? 0 : grid.shownRowCount();
    }

    @Override
    public void setFocus() {
        if (grid != null) {
            grid.control().setFocus();
        } else {
            formChooser.setFocus();
        }
    }

    @Override
    public void dispose() {
        if (studies != null) {
            studies.removeListener(listener);
        }
        super.dispose();
    }
}
