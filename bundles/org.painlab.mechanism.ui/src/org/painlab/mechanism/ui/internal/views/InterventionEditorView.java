package org.painlab.mechanism.ui.internal.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.painlab.mechanism.Solvers;
import org.painlab.mechanism.model.Event;
import org.painlab.mechanism.sim.Interventions;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.ui.internal.chart.LineChart;
import org.painlab.mechanism.ui.internal.chart.MechanismCharts;
import org.painlab.mechanism.ui.internal.model.ExprText;
import org.painlab.mechanism.ui.internal.model.InterventionPlan;
import org.painlab.mechanism.ui.internal.model.LoadedModel;
import org.painlab.mechanism.ui.internal.model.Plotables;

/**
 * Interventions on a timeline: the model's declared interventions (events with an id) as lanes, placed by the
 * user at times (add, drag, delete, undo); Run simulates the model without and with them (the engine's
 * {@link Interventions}: a placed intervention happens at its times instead of on its own trigger) and
 * overlays the two courses of the chosen variable.
 */
public final class InterventionEditorView extends ViewPart {
    public static final String ID = "org.painlab.mechanism.ui.interventions";
    /** Family of the run jobs. */
    public static final Object JOB_FAMILY = new Object();
    private final Solvers solvers = new Solvers();
    private final InterventionPlan plan = new InterventionPlan();
    private Label heading;
    private Label status;
    private Combo variable;
    private Combo lane;
    private Text at;
    private Text duration;
    private Button undo;
    private InterventionTimeline timeline;
    private ChartCanvas chart;
    private LoadedModel model;
    private TimeCourse baseline;
    private TimeCourse intervened;
    private List<Interventions.Timed> ran = List.of();
    private Job job;
    private ModelFollower follower;

    @Override
    public void createPartControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        heading = new Label(c, SWT.NONE);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        heading.setText("Select a model in the Model Outline.");
        Composite bar = new Composite(c, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setLayout(new GridLayout(12, false));
        new Label(bar, SWT.NONE).setText("Add");
        lane = new Combo(bar, SWT.READ_ONLY);
        new Label(bar, SWT.NONE).setText("at");
        at = new Text(bar, SWT.BORDER | SWT.RIGHT);
        GridData ad = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        ad.widthHint = 50;
        at.setLayoutData(ad);
        at.setText("1");
        button(bar, "Add", this::addFromFields);
        button(bar, "Delete", this::deleteSelected);
        undo = button(bar, "Undo", this::undo);
        new Label(bar, SWT.NONE).setText("  Plot");
        variable = new Combo(bar, SWT.READ_ONLY);
        variable.addListener(SWT.Selection, e -> showChart());
        new Label(bar, SWT.NONE).setText("Duration");
        duration = new Text(bar, SWT.BORDER | SWT.RIGHT);
        GridData dd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        dd.widthHint = 50;
        duration.setLayoutData(dd);
        duration.addListener(SWT.Modify, e -> {
            double d = durationValue();
            if (d > 0) {
                timeline.setDuration(d);
            }
        });
        button(bar, "Run", this::run);
        // the timeline as tall as its lanes, the chart takes the rest
        timeline = new InterventionTimeline(c, plan, this::planChanged);
        GridData td = new GridData(SWT.FILL, SWT.TOP, true, false);
        td.heightHint = timeline.preferredHeight();
        timeline.control().setLayoutData(td);
        chart = new ChartCanvas(c);
        chart.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        status = new Label(c, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        undo.setEnabled(false);
        follower = new ModelFollower(getSite().getPage(), this::show);
    }

    private static Button button(Composite c, String text, Runnable action) {
        Button b = new Button(c, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    /** Shows the interventions of {@code lm} with nothing placed. */
    public void show(LoadedModel lm) {
        if (heading.isDisposed()) {
            return;
        }
        model = lm;
        plan.reset();
        baseline = null;
        intervened = null;
        ran = List.of();
        heading.setText(lm.label());
        List<Event> events = Plotables.interventions(lm.model());
        List<String> ids = events.stream().map(Event::id).toList();
        List<Double> own = events.stream().map(e -> Plotables.ownTime(lm.model(), e)).toList();
        lane.setItems(ids.toArray(String[]::new));
        if (!ids.isEmpty()) {
            lane.select(ids.size() > 1 ? 1 : 0);
        }
        variable.setItems(Plotables.of(lm.model()).toArray(String[]::new));
        variable.select(Math.max(0, variable.indexOf(Plotables.first(lm.model()))));
        duration.setText(ExprText.number(lm.defaultDuration()));
        timeline.setLanes(ids, own, lm.defaultDuration(), lm.timeUnit());
        ((GridData) timeline.control().getLayoutData()).heightHint = timeline.preferredHeight();
        timeline.control().getParent().layout(true);
        chart.show(null, ids.isEmpty() ? "This model declares no interventions." : "Place interventions on the timeline, then Run.");
        planChanged();
        status.setText(ids.size() + " intervention" + (ids.size() == 1 ? "" : "s") + " declared by the model.");
    }

    private double durationValue() {
        try {
            double d = Double.parseDouble(duration.getText().strip());
            return d > 0 && Double.isFinite(d) ? d : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void addFromFields() {
        if (model == null || lane.getSelectionIndex() < 0) {
            return;
        }
        try {
            add(lane.getText(), Double.parseDouble(at.getText().strip()));
        } catch (NumberFormatException e) {
            status.setText("Time '" + at.getText() + "' is not a number.");
        }
    }

    /** Places intervention {@code id} at time {@code t}. */
    public void add(String id, double t) {
        plan.add(id, t);
        timeline.select(new Interventions.Timed(id, t));
        planChanged();
    }

    private void deleteSelected() {
        if (timeline.selected() != null) {
            plan.delete(timeline.selected());
            timeline.select(null);
            planChanged();
        }
    }

    /** Undoes the last change of the plan. */
    public void undo() {
        if (plan.undo()) {
            timeline.select(null);
            planChanged();
        }
    }

    private void planChanged() {
        undo.setEnabled(plan.canUndo());
        timeline.control().redraw();
        status.setText(plan.placed().isEmpty() ? "Nothing placed." : "Placed: " + String.join(", ", plan.specs())
                + " (as painlab mech run --intervention ID@t)");
    }

    /**
     * Simulates the model without and with the placed interventions, in one cancellable job.
     *
     * @return the job, or null when there is no model
     */
    public Job run() {
        if (model == null) {
            return null;
        }
        double d = durationValue();
        if (d <= 0) {
            status.setText("Duration '" + duration.getText() + "' is not a positive number.");
            return null;
        }
        if (job != null) {
            job.cancel();
        }
        List<Interventions.Timed> placed = plan.placed();
        List<String> columns = new ArrayList<>(Plotables.of(model.model()));
        Simulation without = new Simulation(model.model(), Map.of(), List.of(), d, Simulation.STEPS, columns);
        Simulation with = new Simulation(model.model(), Map.of(), placed, d, Simulation.STEPS, columns);
        Display display = chart.control().getDisplay();
        status.setText("Running " + model.label() + " without and with " + placed.size() + " intervention(s)...");
        job = new Job("Simulating interventions") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                SubMonitor sub = SubMonitor.convert(monitor, getName(), 2);
                try {
                    TimeCourse a = without.run(solvers, sub.split(1));
                    TimeCourse b = with.run(solvers, sub.split(1));
                    display.asyncExec(() -> ran(a, b, placed));
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (Exception e) {
                    display.asyncExec(() -> status.setText(e.getMessage()));
                    return Status.OK_STATUS;
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.setUser(false);
        job.schedule();
        return job;
    }

    private void ran(TimeCourse a, TimeCourse b, List<Interventions.Timed> placed) {
        if (status.isDisposed()) {
            return;
        }
        baseline = a;
        intervened = b;
        ran = placed;
        showChart();
        status.setText("Ran without and with " + (placed.isEmpty() ? "no intervention" : String.join(", ", placed.stream()
                .map(t -> t.eventId() + "@" + ExprText.number(t.time())).toList())) + " (solver " + b.solver() + ").");
    }

    private void showChart() {
        if (baseline == null || model == null) {
            return;
        }
        chart.show(MechanismCharts.overlay(model.label(), model.timeUnit(), variable.getText(), baseline, intervened, ran,
                "Dashed: without the placed interventions; solid: with them; dotted lines: intervention times"), "");
    }

    /** Picks the variable plotted. */
    public void plot(String id) {
        variable.select(variable.indexOf(id));
        showChart();
    }

    /** Writes the chart as PNG or SVG. */
    public void savePlot(Path out) throws IOException {
        chart.save(out);
    }

    public InterventionPlan plan() {
        return plan;
    }

    public TimeCourse baseline() {
        return baseline;
    }

    public TimeCourse intervened() {
        return intervened;
    }

    public LineChart chart() {
        return (LineChart) chart.chart();
    }

    /** The timeline canvas, and where a time and a lane are on it (tests drive the mouse through these). */
    public org.eclipse.swt.widgets.Canvas timelineControl() {
        return timeline.control();
    }

    public int timelineX(double t) {
        return timeline.x(t);
    }

    public int timelineY(String id) {
        return timeline.y(id);
    }

    public String status() {
        return status.getText();
    }

    @Override
    public void setFocus() {
        timeline.control().setFocus();
    }

    @Override
    public void dispose() {
        if (follower != null) {
            follower.dispose();
        }
        if (job != null) {
            job.cancel();
        }
        super.dispose();
    }
}
