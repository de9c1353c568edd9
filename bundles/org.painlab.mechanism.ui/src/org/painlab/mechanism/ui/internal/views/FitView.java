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
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.mechanism.ui.internal.chart.LineChart;
import org.painlab.mechanism.ui.internal.chart.MechanismCharts;
import org.painlab.mechanism.ui.internal.model.FitResult;

/**
 * Model fits stored in the selected study (analysis {@value FitResult#ANALYSIS}): for the chosen one the
 * observed means with SD bars and the fitted curve per trial arm, the residuals over time, and the table of
 * estimated parameters with their standard errors and bounds.
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

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        heading = new Label(c, SWT.WRAP);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        SashForm sash = new SashForm(c, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
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
        studies.addListener(listener);
        refresh();
    }

    private static Double shown(double v) {
        return Double.isNaN(v) ? null : Double.valueOf(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", v)));
    }

    /** Reads the stored fits of the selected study again (in a job). */
    public void refresh() {
        if (heading.isDisposed()) {
            return;
        }
        Optional<Study> study = studies.selected();
        if (study.isEmpty()) {
            shown(List.of(), "No study selected: fits are stored in the study whose trial data they fit.");
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
                    display.asyncExec(() -> shown(r, r.isEmpty() ? "No model fit stored in this study yet."
                            : r.size() + " model fit" + (r.size() == 1 ? "" : "s") + " stored in this study"));
                    return Status.OK_STATUS;
                } catch (Exception e) {
                    display.asyncExec(() -> shown(List.of(), e.getMessage()));
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

    private void shown(List<StoredRow> read, String text) {
        if (heading.isDisposed()) {
            return;
        }
        rows = List.copyOf(read);
        heading.setText(text);
        list.setRows(rows);
        list.control().refresh(false);
        if (!rows.isEmpty()) {
            show(rows.get(0));
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
                + (o.isEmpty() ? "" : "; " + o.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
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
        super.dispose();
    }
}
