package org.painlab.imaging.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.imaging.ui.internal.training.ModelRow;
import org.painlab.imaging.ui.internal.training.StoredModels;
import org.painlab.core.chart.RocChart;
import org.painlab.core.chart.RocCurve;
import org.painlab.core.ui.chart.ChartFiles;
import org.painlab.core.ui.chart.GcPainter;

/**
 * The models trained on the selected study, as stored: ROC curves of their out-of-fold predictions (the
 * statistics engine's {@link RocChart}, AUC with DeLong's 95% CI in the legend) and a table of accuracy,
 * sensitivity, specificity (at 0.5), AUC and its DeLong and patient-clustered CIs. It reads the stored
 * results, so it shows what `painlab imaging train` and `imaging compare` stored too.
 */
public final class ModelComparisonView extends ViewPart {
    public static final String ID = "org.painlab.imaging.ui.modelComparison";
    /** Family of the jobs that read the stored results. */
    public static final Object JOB_FAMILY = new Object();
    private final StoredModels source = new StoredModels();
    private OpenStudies studies;
    private final OpenStudies.Listener listener = s -> refresh();
    private Label heading;
    private Canvas chart;
    private DataGrid<ModelRow> grid;
    private volatile List<ModelRow> rows = List.of();

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        heading = new Label(c, SWT.WRAP);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        // chart above the table: the view usually sits in a narrow column
        SashForm sash = new SashForm(c, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chart = new Canvas(sash, SWT.DOUBLE_BUFFERED);
        chart.setBackground(c.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        chart.addPaintListener(e -> paint(e.gc, chart.getClientArea()));
        grid = DataGrid.<ModelRow>builder().name("Model comparison")
                .column(ColumnSpec.text("model", "Model", ModelRow::model))
                .column(ColumnSpec.number("result", "Result", ModelRow::resultId))
                .column(ColumnSpec.number("cases", "Cases", ModelRow::cases))
                .column(ColumnSpec.number("patients", "Patients", ModelRow::patients))
                .column(ColumnSpec.number("accuracy", "Accuracy", r -> round(r.accuracy())))
                .column(ColumnSpec.number("sensitivity", "Sensitivity", r -> round(r.sensitivity())))
                .column(ColumnSpec.number("specificity", "Specificity", r -> round(r.specificity())))
                .column(ColumnSpec.number("auc", "AUC", r -> round(r.auc())))
                .column(ColumnSpec.text("ci", "95% CI (DeLong)", ModelRow::ciText))
                .column(ColumnSpec.text("clustered", "95% CI (patients)", ModelRow::clusteredText))
                .column(ColumnSpec.text("model_file", "Saved model", r -> r.modelFile().isEmpty() ? "not saved" : r.modelFile()))
                .width("model_file", 260)
                .build(sash);
        sash.setWeights(65, 35);
        getViewSite().getActionBars().getToolBarManager().add(new org.eclipse.jface.action.Action("Save Chart...") {
            @Override
            public void run() {
                saveChart();
            }
        });
        studies.addListener(listener);
        refresh();
    }

    /** Saves the ROC chart as PNG or SVG (by the extension chosen). */
    private void saveChart() {
        if (rows.isEmpty()) {
            return;
        }
        org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { "*.svg", "*.png" });
        d.setFileName("model-comparison-roc.svg");
        d.setOverwrite(true);
        String f = d.open();
        if (f != null) {
            try {
                saveChart(java.nio.file.Path.of(f));
            } catch (java.io.IOException e) {
                org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "Save Chart", f + ": " + e.getMessage());
            }
        }
    }

    private static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1e4) / 1e4;
    }

    /** Reads the stored models of the selected study again (in a job). */
    public void refresh() {
        if (heading.isDisposed()) {
            return;
        }
        Optional<Study> study = studies.selected();
        if (study.isEmpty()) {
            shown(List.of(), "No study selected.");
            return;
        }
        Display display = chart.getDisplay();
        Job job = new Job("Reading the stored models") {
            @Override
            protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
                try {
                    List<ModelRow> read = source.read(study.get());
                    display.asyncExec(() -> shown(read, read.isEmpty() ? "No model trained on this study yet:"
                            + " Imaging > Train Model..." : read.size() + " model" + (read.size() == 1 ? "" : "s")
                            + " trained, out-of-fold predictions (cross-validation grouped by patient)"));
                    return Status.OK_STATUS;
                } catch (Exception e) {
                    display.asyncExec(() -> shown(List.of(), e.getMessage()));
                    return Status.warning(e.getMessage(), e);
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.schedule();
    }

    private void shown(List<ModelRow> read, String text) {
        if (heading.isDisposed()) {
            return;
        }
        rows = List.copyOf(read);
        heading.setText(text);
        grid.setRows(rows);
        grid.control().refresh(false);
        chart.redraw();
    }

    /** Writes the ROC chart as it is drawn, 900 x 640, as PNG or SVG by the file's extension. */
    public void saveChart(java.nio.file.Path out) throws java.io.IOException {
        ChartFiles.write(rocChart(), 900, 640, out, chart.getDisplay());
    }

    /** The models shown. */
    public List<ModelRow> rows() {
        return rows;
    }

    public DataGrid<ModelRow> grid() {
        return grid;
    }

    /** The chart drawn, for tests and export. */
    public RocChart rocChart() {
        List<RocCurve> curves = new ArrayList<>();
        for (ModelRow r : rows) {
            curves.add(new RocCurve(r.model(), r.fpr(), r.tpr(), r.auc(), r.ciLow(), r.ciHigh()));
        }
        return new RocChart("ROC of the out-of-fold predictions", curves,
                rows.stream().anyMatch(r -> Double.isNaN(r.ciLow())) ? "CI missing: no ROC comparison stored after the"
                        + " training" : "95% CI of the AUC by DeLong; patient-clustered CI in the table");
    }

    private void paint(GC gc, Rectangle area) {
        if (rows.isEmpty() || area.width < 50 || area.height < 50) {
            return;
        }
        GcPainter p = new GcPainter(gc);
        try {
            rocChart().paint(p, area.width, area.height);
        } finally {
            p.dispose();
        }
    }

    @Override
    public void setFocus() {
        chart.setFocus();
    }

    @Override
    public void dispose() {
        if (studies != null) {
            studies.removeListener(listener);
        }
        super.dispose();
    }
}
