package org.painlab.mechanism.ui.internal.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.ui.OpenStudies;
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.sim.TimeCourseCsv;
import org.painlab.mechanism.ui.internal.chart.LineChart;
import org.painlab.mechanism.ui.internal.chart.MechanismCharts;
import org.painlab.mechanism.ui.internal.model.ExprText;
import org.painlab.mechanism.ui.internal.model.LoadedModel;
import org.painlab.mechanism.ui.internal.model.Plotables;
import org.painlab.mechanism.ui.internal.model.SliderScale;

/**
 * One slider per parameter of the selected model (log scale from a tenth to ten times a positive value) and
 * the time course of the variables the user ticks, simulated again as a slider moves: the run waits a moment
 * for the slider to rest, runs off the UI thread, and a newer move cancels the run before it. Steady State... finds
 * the steady state at the sliders' values and stores it in the selected study.
 */
public final class ParameterSlidersView extends ViewPart {
    public static final String ID = "org.painlab.mechanism.ui.sliders";
    /** Family of the simulation jobs. */
    public static final Object JOB_FAMILY = new Object();
    /** How long a slider must rest before the model runs again. */
    static final long DEBOUNCE_MS = 150;
    private final Solvers solvers = new Solvers();
    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Map<String, Scale> sliders = new LinkedHashMap<>();
    private final Map<String, Label> shown = new LinkedHashMap<>();
    private final Map<String, SliderScale> scales = new LinkedHashMap<>();
    private Label heading;
    private Label status;
    private Text duration;
    private Table outputs;
    private ScrolledComposite scroll;
    private Composite rows;
    private ChartCanvas chart;
    private LoadedModel model;
    private TimeCourse course;
    private Simulation simulated;
    private Job job;
    private int generation;
    private ModelFollower follower;
    private SteadyStateRun steady;

    @Override
    public void createPartControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(8, false));
        heading = new Label(c, SWT.NONE);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        heading.setText("Select a model in the Model Outline.");
        new Label(c, SWT.NONE).setText("Duration:");
        duration = new Text(c, SWT.BORDER | SWT.RIGHT);
        GridData dd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        dd.widthHint = 60;
        duration.setLayoutData(dd);
        duration.addListener(SWT.DefaultSelection, e -> simulate());
        duration.addListener(SWT.FocusOut, e -> simulate());
        button(c, "Reset", this::reset);
        button(c, "Save Plot...", () -> chart.saveWithDialog(fileName("png")));
        button(c, "Save Data...", this::saveDataWithDialog);
        button(c, "Run Now", this::simulate);
        button(c, "Steady State...", this::askSteadyState).setToolTipText("Find the steady state at the sliders' values; stored in the study");
        SashForm sash = new SashForm(c, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 8, 1));
        SashForm left = new SashForm(sash, SWT.VERTICAL);
        outputs = new Table(left, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
        outputs.setToolTipText("The variables plotted");
        outputs.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK) {
                simulate();
            }
        });
        scroll = new ScrolledComposite(left, SWT.V_SCROLL | SWT.BORDER);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        rows = new Composite(scroll, SWT.NONE);
        rows.setLayout(new GridLayout(3, false));
        scroll.setContent(rows);
        left.setWeights(25, 75);
        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        chart = new ChartCanvas(right);
        chart.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        status = new Label(right, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        sash.setWeights(42, 58);
        follower = new ModelFollower(getSite().getPage(), this::show);
        steady = new SteadyStateRun(getSite().getService(OpenStudies.class), getSite().getShell(), text -> {
            if (!status.isDisposed()) {
                status.setText(text);
            }
        });
    }

    /** Steady State...: a search at the sliders' values, stored in the selected study. */
    public void askSteadyState() {
        steady.ask(model, values);
    }

    /** The steady-state action (tests: run it without the dialog, read the result). */
    public SteadyStateRun steadyState() {
        return steady;
    }

    private static Button button(Composite c, String text, Runnable action) {
        Button b = new Button(c, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    /** Shows the sliders of {@code lm} at its own values and simulates it. */
    public void show(LoadedModel lm) {
        if (rows.isDisposed()) {
            return;
        }
        model = lm;
        values.clear();
        sliders.clear();
        shown.clear();
        scales.clear();
        for (Control child : rows.getChildren()) {
            child.dispose();
        }
        heading.setText(lm.label());
        duration.setText(ExprText.number(lm.defaultDuration()));
        outputs.removeAll();
        String first = Plotables.first(lm.model());
        for (String id : Plotables.of(lm.model())) {
            TableItem it = new TableItem(outputs, SWT.NONE);
            it.setText(id);
            it.setChecked(id.equals(first));
        }
        for (Parameter p : Plotables.adjustable(lm.model())) {
            SliderScale scale = SliderScale.around(p.value());
            scales.put(p.id(), scale);
            Label name = new Label(rows, SWT.NONE);
            name.setText(p.id());
            GridData nd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
            nd.widthHint = 150;
            name.setLayoutData(nd);
            String unit = lm.notes().units(p.id());
            String note = lm.notes().note(p.id());
            name.setToolTipText((p.name() == null || p.name().isBlank() ? p.id() : p.name()) + (unit.isEmpty() ? "" : " [" + unit + "]")
                    + (note.isEmpty() ? "" : "\n" + note));
            Scale s = new Scale(rows, SWT.HORIZONTAL);
            s.setMinimum(0);
            s.setMaximum(SliderScale.STEPS);
            s.setPageIncrement(50);
            s.setSelection(scale.position(p.value()));
            s.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            s.setToolTipText((scale.log() ? "log scale " : "") + ExprText.number(scale.low()) + " to " + ExprText.number(scale.high()));
            Label v = new Label(rows, SWT.NONE);
            GridData vd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
            vd.widthHint = 64;
            v.setLayoutData(vd);
            v.setText(shownValue(p.value()));
            s.addListener(SWT.Selection, e -> moved(p.id()));
            sliders.put(p.id(), s);
            shown.put(p.id(), v);
        }
        scroll.setMinSize(220, rows.computeSize(SWT.DEFAULT, SWT.DEFAULT).y);
        rows.layout(true);
        simulate();
    }

    /** Four significant digits: what a slider's position can tell apart. */
    private static String shownValue(double v) {
        return ExprText.number(Double.parseDouble(String.format(Locale.ROOT, "%.4g", v)));
    }

    private void moved(String id) {
        Scale s = sliders.get(id);
        double v = scales.get(id).value(s.getSelection());
        double nominal = scales.get(id).nominal();
        if (s.getSelection() == scales.get(id).position(nominal)) {
            v = nominal;
        }
        values.put(id, v);
        shown.get(id).setText(shownValue(v));
        simulate();
    }

    /**
     * Moves the slider of parameter {@code id} to the position of {@code value}, as a user dragging it would.
     *
     * @throws IllegalArgumentException when the model has no slider of that name
     */
    public void setSlider(String id, double value) {
        Scale s = sliders.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no slider '" + id + "'; sliders: " + sliders.keySet());
        }
        s.setSelection(scales.get(id).position(value));
        s.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    /** Ticks exactly the variables {@code ids} and simulates. */
    public void plot(List<String> ids) {
        for (TableItem it : outputs.getItems()) {
            it.setChecked(ids.contains(it.getText()));
        }
        simulate();
    }

    /** Puts every slider back to the model's value and simulates. */
    public void reset() {
        if (model == null) {
            return;
        }
        values.clear();
        for (Map.Entry<String, Scale> e : sliders.entrySet()) {
            SliderScale sc = scales.get(e.getKey());
            e.getValue().setSelection(sc.position(sc.nominal()));
            shown.get(e.getKey()).setText(shownValue(sc.nominal()));
        }
        simulate();
    }

    private List<String> checked() {
        List<String> ids = new ArrayList<>();
        for (TableItem it : outputs.getItems()) {
            if (it.getChecked()) {
                ids.add(it.getText());
            }
        }
        return ids;
    }

    /** Runs the model again after the debounce delay, cancelling a run that has not finished. */
    public void simulate() {
        if (model == null || chart.control().isDisposed()) {
            return;
        }
        double d;
        try {
            d = Double.parseDouble(duration.getText().strip());
            if (!(d > 0) || !Double.isFinite(d)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            status.setText("Duration '" + duration.getText() + "' is not a positive number.");
            return;
        }
        List<String> columns = checked();
        if (columns.isEmpty()) {
            course = null;
            chart.show(null, "Tick a variable to plot.");
            return;
        }
        if (job != null) {
            job.cancel();
        }
        Simulation sim = new Simulation(model.model(), Map.copyOf(values), List.of(), d, Simulation.STEPS, columns);
        int gen = ++generation;
        Display display = chart.control().getDisplay();
        LoadedModel lm = model;
        job = new Job("Simulating " + lm.label()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                long t0 = System.nanoTime();
                try {
                    TimeCourse tc = sim.run(solvers, monitor);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    display.asyncExec(() -> simulated(gen, lm, sim, tc, String.format(Locale.ROOT, "%s; %d steps, %.0f ms", tc.solver(),
                            tc.steps(), ms)));
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (Exception e) {
                    if (monitor.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                    display.asyncExec(() -> failed(gen, e.getMessage()));
                    return Status.OK_STATUS;
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.setSystem(true);
        job.schedule(DEBOUNCE_MS);
    }

    private void simulated(int gen, LoadedModel lm, Simulation sim, TimeCourse tc, String how) {
        if (gen != generation || status.isDisposed()) {
            return;
        }
        course = tc;
        simulated = sim;
        String changed = sim.values().isEmpty() ? "model values" : sim.values().entrySet().stream()
                .map(e -> e.getKey() + " = " + shownValue(e.getValue())).reduce((a, b) -> a + ", " + b).orElse("");
        chart.show(MechanismCharts.timeCourse(lm.label(), lm.timeUnit(), tc, "Parameters: " + changed), "");
        status.setText("Simulated with " + how);
    }

    private void failed(int gen, String message) {
        if (gen != generation || status.isDisposed()) {
            return;
        }
        course = null;
        chart.show(null, message);
        status.setText(message);
    }

    private String fileName(String ext) {
        return (model == null ? "course" : model.model().id()) + "-course." + ext;
    }

    private void saveDataWithDialog() {
        if (course == null) {
            return;
        }
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { "*.csv" });
        d.setFileName(fileName("csv"));
        d.setOverwrite(true);
        String f = d.open();
        if (f != null) {
            try {
                saveData(Path.of(f));
            } catch (IOException e) {
                MessageDialog.openError(getSite().getShell(), "Save Data", f + ": " + e.getMessage());
            }
        }
    }

    /** Writes the plotted time course as CSV ({@code time,<columns>}), whole or not at all. */
    public void saveData(Path out) throws IOException {
        if (course == null) {
            throw new IOException("nothing simulated yet");
        }
        TimeCourseCsv.write(course, out);
    }

    /** Writes the plot as PNG or SVG by the extension. */
    public void savePlot(Path out) throws IOException {
        chart.save(out);
    }

    /** The time course plotted (null before the first run). */
    public TimeCourse course() {
        return course;
    }

    /** The parameter values the plotted course ran with (the changed ones only). */
    public Map<String, Double> plottedValues() {
        return simulated == null ? Map.of() : simulated.values();
    }

    /** The parameter values set by the sliders now (changed ones only). */
    public Map<String, Double> values() {
        return Map.copyOf(values);
    }

    public List<String> sliderIds() {
        return List.copyOf(sliders.keySet());
    }

    /** The slider widget of a parameter (tests). */
    public Scale slider(String id) {
        return sliders.get(id);
    }

    public LineChart chart() {
        return (LineChart) chart.chart();
    }

    public String status() {
        return status.getText();
    }

    @Override
    public void setFocus() {
        outputs.setFocus();
    }

    @Override
    public void dispose() {
        if (follower != null) {
            follower.dispose();
        }
        if (steady != null) {
            steady.dispose();
        }
        if (job != null) {
            job.cancel();
        }
        super.dispose();
    }
}
