package org.painlab.mechanism.ui.internal.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
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
import org.painlab.core.data.TimeCourse;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.mechanism.fit.FitAnalysis;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.ui.internal.chart.LineChart;
import org.painlab.mechanism.ui.internal.chart.MechanismCharts;
import org.painlab.mechanism.ui.internal.model.FitResult;
import org.painlab.mechanism.ui.internal.model.LoadedModel;

/**
 * Model fits stored in the selected study (analysis {@value FitResult#ANALYSIS}): for the chosen one the
 * observed means with SD bars and the fitted curve per trial arm, the residuals over time, and the table of
 * estimated parameters with their standard errors and bounds. Fit to Trial Data... fits the model selected in the
 * outline to the selected study's arms (their courses through core's data contract) as a cancellable job with
 * progress, and stores it as {@code painlab mech fit --study} does.
 */
public final class FitView extends ViewPart {
    public static final String ID = "org.painlab.mechanism.ui.fit";
    /** Family of the reading jobs. */
    public static final Object JOB_FAMILY = new Object();
    private OpenStudies studies;
    private final OpenStudies.Listener listener = s -> refresh();
    private Label heading;
    private Label summary;
    private DataGrid<StoredRow> list;
    private DataGrid<FitResult.Estimate> parameters;
    private ChartCanvas fitChart;
    private ChartCanvas residualChart;
    private volatile List<StoredRow> rows = List.of();
    private FitResult shown;
    private Label status;
    private Button cancel;
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
        Button fit = new Button(c, SWT.PUSH);
        fit.setText("Fit to Trial Data...");
        fit.setToolTipText("Fit the model selected in the Model Outline to the open study's arms (each arm's mean per day)");
        fit.addListener(SWT.Selection, e -> ask());
        cancel = new Button(c, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> cancel());
        SashForm sash = new SashForm(c, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        SashForm left = new SashForm(sash, SWT.VERTICAL);
        list = DataGrid.<StoredRow>builder().name("Model fits")
                .column(ColumnSpec.number("id", "Result", StoredRow::id))
                .column(ColumnSpec.text("model", "Model", StoredRow::model))
                .column(ColumnSpec.text("observable", "Observable", StoredRow::output))
                .column(ColumnSpec.text("method", "Method", StoredRow::method))
                .column(ColumnSpec.text("created", "Created", StoredRow::created))
                .width("id", 60).width("model", 190).width("created", 130)
                .onSelection(sel -> {
                    if (!sel.isEmpty()) {
                        show(sel.get(0));
                    }
                })
                .build(left);
        Composite pc = new Composite(left, SWT.NONE);
        pc.setLayout(new GridLayout(1, false));
        summary = new Label(pc, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        parameters = DataGrid.<FitResult.Estimate>builder().name("Fitted parameters")
                .column(ColumnSpec.text("id", "Parameter", FitResult.Estimate::id))
                .column(ColumnSpec.number("estimate", "Estimate", e -> shown(e.estimate())))
                .column(ColumnSpec.number("se", "SE", e -> shown(e.se())))
                .column(ColumnSpec.number("initial", "Initial", e -> shown(e.initial())))
                .column(ColumnSpec.number("lower", "Lower", e -> shown(e.lower())))
                .column(ColumnSpec.number("upper", "Upper", e -> shown(e.upper())))
                .column(ColumnSpec.text("fixed", "Fixed", e -> e.fixed() ? "fixed" : ""))
                .width("id", 110).width("estimate", 70).width("se", 60).width("initial", 60).width("lower", 60)
                .width("upper", 60).width("fixed", 50)
                .build(pc);
        parameters.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        left.setWeights(40, 60);
        SashForm charts = new SashForm(sash, SWT.VERTICAL);
        fitChart = new ChartCanvas(charts);
        residualChart = new ChartCanvas(charts);
        charts.setWeights(62, 38);
        sash.setWeights(38, 62);
        getViewSite().getActionBars().getToolBarManager().add(new Action("Save Chart...") {
            @Override
            public void run() {
                fitChart.saveWithDialog("fit.svg");
            }
        });
        status = new Label(c, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        studies.addListener(listener);
        follower = new ModelFollower(getSite().getPage(), m -> model = m);
        refresh();
    }

    /**
     * Asks for a fit of the selected model to the selected study's time courses (Fit to Trial Data...): the courses are
     * read in a job, then the dialog opens; OK runs the fit.
     */
    public void ask() {
        Optional<Study> study = studies.selected();
        if (model == null || study.isEmpty()) {
            MessageDialog.openInformation(getSite().getShell(), "Fit to Trial Data", model == null ? "Select a model in the Model Outline first."
                    : "Open or select a study with trial data first: the fit uses its arms' courses and is stored in it.");
            return;
        }
        LoadedModel lm = model;
        Display display = heading.getDisplay();
        status.setText("Reading the study's time courses...");
        Job read = new Job("Reading the study's time courses") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    List<TimeCourse> courses = FitAnalysis.observations(study.get(), Map.of()).courses();
                    display.asyncExec(() -> {
                        if (status.isDisposed()) {
                            return;
                        }
                        if (courses.isEmpty()) {
                            status.setText("The study has no time courses to fit (import or create trial data first).");
                            return;
                        }
                        status.setText("");
                        FitDialog d = new FitDialog(getSite().getShell(), lm, courses);
                        if (d.open() == Window.OK && d.accepted() != null) {
                            FitView.this.run(study.get(), lm, d.accepted());
                        }
                    });
                    return Status.OK_STATUS;
                } catch (Exception e) {
                    display.asyncExec(() -> {
                        if (!status.isDisposed()) {
                            status.setText("Cannot read the study's time courses: " + e.getMessage());
                        }
                    });
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

    /**
     * Fits as a cancellable job (progress in the status line and the Progress view) and stores the fit in
     * {@code study} through core's AnalysisRunner, as {@code painlab mech fit --study} does; the stored fit is shown.
     *
     * @param parameters the analysis parameters (as {@link FitAnalysis#effective})
     * @return the job
     */
    public Job run(Study study, LoadedModel lm, Map<String, String> parameters) {
        if (job != null && job.getState() != Job.NONE) {
            throw new IllegalStateException("a fit is running: cancel it or wait for it");
        }
        Map<String, String> effective = FitAnalysis.effective(parameters);
        Model m = lm.model();
        String by = AuditActor.current();
        Display display = heading.getDisplay();
        String what = "fit of " + effective.get(FitAnalysis.FIT) + " in " + lm.label();
        job = new Job("Fit: " + what) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                long t0 = System.nanoTime();
                IProgressMonitor shown = new ProgressMonitorWrapper(monitor) {
                    private long last;

                    @Override
                    public void subTask(String name) {
                        super.subTask(name);
                        long now = System.nanoTime();
                        if (now - last > 200_000_000L) {
                            last = now;
                            display.asyncExec(() -> {
                                if (!status.isDisposed() && cancel.isEnabled()) {
                                    status.setText("Running " + what + ": " + name);
                                }
                            });
                        }
                    }
                };
                try {
                    AnalysisResult r = FitAnalysis.compute(m, effective, FitAnalysis.observations(study, effective), shown);
                    if (monitor.isCanceled()) {
                        throw new OperationCanceledException();
                    }
                    StoredResult stored = new AnalysisRunner().record(study, FitAnalysis.ID, effective, r, by);
                    double sec = (System.nanoTime() - t0) / 1e9;
                    display.asyncExec(() -> finished(String.format(java.util.Locale.ROOT, "%s: stored as result %d (%.1f s)", what,
                            stored.id(), sec), stored.id()));
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

    /** Cancels the running fit (nothing is stored). */
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

    public String status() {
        return status.getText();
    }

    private static Double shown(double v) {
        return Double.isNaN(v) ? null : Double.valueOf(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", v)));
    }

    /** Reads the stored fits of the selected study again (in a job). */
    public void refresh() {
        refresh(-1);
    }

    private void refresh(long select) {
        if (heading.isDisposed()) {
            return;
        }
        Optional<Study> study = studies.selected();
        if (study.isEmpty()) {
            shown(List.of(), "No study selected: fits are stored in the study whose trial data they fit.", -1);
            return;
        }
        Display display = heading.getDisplay();
        Job read = new Job("Reading stored model fits") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    List<StoredRow> r = new ResultStore(study.get()).list().stream().filter(s -> s.analysisId().equals(FitResult.ANALYSIS))
                            .sorted(Comparator.comparingLong(StoredResult::id).reversed())
                            .map(s -> StoredRow.of(s, "method", "observable")).toList();
                    display.asyncExec(() -> shown(r, r.isEmpty() ? "No model fit stored in this study yet: Fit to Trial Data..."
                            : r.size() + " model fit" + (r.size() == 1 ? "" : "s") + " stored in this study", select));
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
        list.setRows(rows);
        list.control().refresh(false);
        if (!rows.isEmpty()) {
            show(rows.stream().filter(r -> r.id() == select).findFirst().orElse(rows.get(0)));
        } else {
            shown = null;
            parameters.setRows(List.of());
            summary.setText("");
            fitChart.show(null, "");
            residualChart.show(null, "");
        }
    }

    /** Shows a stored fit. */
    public void show(StoredRow row) {
        FitResult f = FitResult.of(row.result().body());
        shown = f;
        Object unit = row.result().body().get("time_unit");
        String timeUnit = unit == null ? "model time unit" : unit.toString();
        fitChart.show(MechanismCharts.fit(f, timeUnit), "");
        residualChart.show(MechanismCharts.residuals(f, timeUnit), "");
        parameters.setRows(f.parameters());
        parameters.control().refresh(false);
        Map<String, Object> o = f.objective();
        summary.setText("Result " + row.id() + ": " + f.method() + (f.converged() ? ", converged" : ", NOT converged")
                + (o.isEmpty() ? "" : "; " + o.entrySet().stream().map(e -> e.getKey() + " " + (e.getValue() instanceof Double d
                        ? String.format(java.util.Locale.ROOT, "%.4g", d) : e.getValue())).collect(Collectors.joining(", "))));
        summary.getParent().layout(true);
    }

    public List<StoredRow> rows() {
        return rows;
    }

    /** The fit shown, or null. */
    public FitResult shownFit() {
        return shown;
    }

    public LineChart fitChart() {
        return (LineChart) fitChart.chart();
    }

    public LineChart residualChart() {
        return (LineChart) residualChart.chart();
    }

    public DataGrid<FitResult.Estimate> parameterGrid() {
        return parameters;
    }

    public String summary() {
        return summary.getText();
    }

    public void saveChart(Path out) throws IOException {
        fitChart.save(out);
    }

    @Override
    public void setFocus() {
        list.control().setFocus();
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
