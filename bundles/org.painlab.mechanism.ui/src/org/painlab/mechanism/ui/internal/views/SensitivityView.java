package org.painlab.mechanism.ui.internal.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.chart.Chart;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.sensitivity.SensitivityAnalysis;
import org.painlab.mechanism.ui.internal.chart.MechanismCharts;
import org.painlab.mechanism.ui.internal.model.LoadedModel;
import org.painlab.mechanism.ui.internal.model.SensitivityResult;

/**
 * Sensitivity analyses and scans stored in the selected study (analysis {@value SensitivityAnalysis#ID},
 * whether run here or by {@code painlab mech sensitivity|scan --study}), one chart for the chosen one: a
 * tornado of local sensitivities or Morris mu* and sigma, Sobol S1 and ST with their intervals, or the
 * scan's curves. Run... asks for a new one on the model selected in the outline, runs it as a cancellable
 * job and stores it through core's AnalysisRunner as the command line does.
 */
public final class SensitivityView extends ViewPart {
    public static final String ID = "org.painlab.mechanism.ui.sensitivity";
    /** Family of the analysis and reading jobs. */
    public static final Object JOB_FAMILY = new Object();
    private OpenStudies studies;
    private final OpenStudies.Listener listener = s -> refresh();
    private Label heading;
    private Label status;
    private Button cancel;
    private DataGrid<StoredRow> grid;
    private ChartCanvas chart;
    private volatile List<StoredRow> rows = List.of();
    private StoredRow shownRow;
    private LoadedModel model;
    private ModelFollower follower;
    private Job job;

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        heading = new Label(c, SWT.WRAP);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button run = new Button(c, SWT.PUSH);
        run.setText("Run...");
        run.addListener(SWT.Selection, e -> ask());
        cancel = new Button(c, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> cancel());
        SashForm sash = new SashForm(c, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        grid = DataGrid.<StoredRow>builder().name("Sensitivity results")
                .column(ColumnSpec.number("id", "Result", StoredRow::id))
                .column(ColumnSpec.text("method", "Method", StoredRow::method))
                .column(ColumnSpec.text("model", "Model", StoredRow::model))
                .column(ColumnSpec.text("output", "Output", StoredRow::output))
                .column(ColumnSpec.text("created", "Created", StoredRow::created))
                .width("id", 60).width("method", 70).width("model", 190).width("output", 90).width("created", 130)
                .onSelection(sel -> {
                    if (!sel.isEmpty()) {
                        show(sel.get(0));
                    }
                })
                .build(sash);
        chart = new ChartCanvas(sash);
        sash.setWeights(40, 60);
        status = new Label(c, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        getViewSite().getActionBars().getToolBarManager().add(new Action("Save Chart...") {
            @Override
            public void run() {
                chart.saveWithDialog("sensitivity.svg");
            }
        });
        studies.addListener(listener);
        follower = new ModelFollower(getSite().getPage(), m -> model = m);
        refresh();
    }

    /** Asks for a run on the selected model and study (Mechanism > Run Sensitivity or Scan...). */
    public void ask() {
        Optional<Study> study = studies.selected();
        if (model == null || study.isEmpty()) {
            MessageDialog.openInformation(getSite().getShell(), "Sensitivity", model == null ? "Select a model in the Model Outline first."
                    : "Open or select a study first: the result is stored in it with its provenance.");
            return;
        }
        SensitivityDialog d = new SensitivityDialog(getSite().getShell(), model);
        if (d.open() == Window.OK && d.accepted() != null) {
            run(study.get(), model, d.accepted());
        }
    }

    /**
     * Runs the analysis as a cancellable job and stores it in {@code study}.
     *
     * @param parameters the analysis parameters (as {@link SensitivityAnalysis#effective})
     * @return the job
     */
    public Job run(Study study, LoadedModel lm, Map<String, String> parameters) {
        if (job != null && job.getState() != Job.NONE) {
            throw new IllegalStateException("an analysis is running: cancel it or wait for it");
        }
        Map<String, String> effective = SensitivityAnalysis.effective(parameters);
        Model m = lm.model();
        String by = AuditActor.current();
        Display display = heading.getDisplay();
        String what = effective.get(SensitivityAnalysis.METHOD) + " of " + effective.get(SensitivityAnalysis.OUTPUT) + " in " + lm.label();
        job = new Job("Sensitivity: " + what) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                long t0 = System.nanoTime();
                try {
                    AnalysisResult r = SensitivityAnalysis.compute(m, effective, Runtime.getRuntime().availableProcessors(), monitor);
                    if (monitor.isCanceled()) {
                        throw new OperationCanceledException();
                    }
                    StoredResult stored = new AnalysisRunner().record(study, SensitivityAnalysis.ID, effective, r, by);
                    double s = (System.nanoTime() - t0) / 1e9;
                    display.asyncExec(() -> finished(String.format(java.util.Locale.ROOT, "%s: stored as result %d (%.1f s)", what,
                            stored.id(), s), stored.id()));
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    display.asyncExec(() -> finished(what + ": cancelled, nothing stored", -1));
                    return Status.CANCEL_STATUS;
                } catch (Exception e) {
                    display.asyncExec(() -> finished(what + ": " + e.getMessage(), -1));
                    return Status.OK_STATUS;
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.setUser(false);
        status.setText("Running " + what + "...");
        cancel.setEnabled(true);
        job.schedule();
        return job;
    }

    /** Cancels the running analysis (nothing is stored). */
    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    private void finished(String message, long storedId) {
        if (status.isDisposed()) {
            return;
        }
        cancel.setEnabled(false);
        status.setText(message);
        if (storedId >= 0) {
            studies.refresh();
            refresh(storedId);
        }
    }

    /** Reads the stored sensitivity results of the selected study again (in a job). */
    public void refresh() {
        refresh(-1);
    }

    private void refresh(long select) {
        if (heading.isDisposed()) {
            return;
        }
        Optional<Study> study = studies.selected();
        if (study.isEmpty()) {
            shown(List.of(), "No study selected: sensitivity results are stored in a study.", -1);
            return;
        }
        Display display = heading.getDisplay();
        Job read = new Job("Reading stored sensitivity results") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    List<StoredRow> r = new ResultStore(study.get()).list().stream()
                            .filter(s -> s.analysisId().equals(SensitivityAnalysis.ID))
                            .sorted(Comparator.comparingLong(StoredResult::id).reversed())
                            .map(s -> StoredRow.of(s, "method", "output")).toList();
                    display.asyncExec(() -> shown(r, r.isEmpty() ? "No sensitivity result in this study yet: Run..."
                            : r.size() + " sensitivity result" + (r.size() == 1 ? "" : "s") + " stored in this study", select));
                    return Status.OK_STATUS;
                } catch (Exception e) {
                    display.asyncExec(() -> shown(List.of(), e.getMessage(), -1));
                    return Status.OK_STATUS;
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        read.schedule();
    }

    private void shown(List<StoredRow> read, String text, long select) {
        if (heading.isDisposed()) {
            return;
        }
        rows = List.copyOf(read);
        heading.setText(text);
        grid.setRows(rows);
        grid.control().refresh(false);
        StoredRow pick = rows.stream().filter(r -> r.id() == select).findFirst().orElse(rows.isEmpty() ? null : rows.get(0));
        if (pick != null) {
            show(pick);
        } else {
            shownRow = null;
            chart.show(null, "");
        }
    }

    /** Shows the chart of a stored result. */
    public void show(StoredRow row) {
        shownRow = row;
        SensitivityResult r = SensitivityResult.of(row.result().body());
        chart.show(MechanismCharts.sensitivity(r), "");
    }

    /** Shows the stored result {@code id}; false when it is not listed. */
    public boolean show(long id) {
        Optional<StoredRow> r = rows.stream().filter(x -> x.id() == id).findFirst();
        r.ifPresent(this::show);
        return r.isPresent();
    }

    public List<StoredRow> rows() {
        return rows;
    }

    /** The result whose chart is shown, or null. */
    public StoredRow shownRow() {
        return shownRow;
    }

    public Chart chart() {
        return chart.chart();
    }

    public void saveChart(Path out) throws IOException {
        chart.save(out);
    }

    public String status() {
        return status.getText();
    }

    public DataGrid<StoredRow> grid() {
        return grid;
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
        if (follower != null) {
            follower.dispose();
        }
        if (job != null) {
            job.cancel();
        }
        super.dispose();
    }
}
