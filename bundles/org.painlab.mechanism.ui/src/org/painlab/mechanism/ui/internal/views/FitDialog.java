package org.painlab.mechanism.ui.internal.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.painlab.core.data.TimeCourse;
import org.painlab.mechanism.fit.FitAnalysis;
import org.painlab.mechanism.fit.FitParameter;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.sim.ParameterValues;
import org.painlab.mechanism.ui.internal.model.ExprText;
import org.painlab.mechanism.ui.internal.model.LoadedModel;

/**
 * Asks for a fit of the selected model to the open study's time courses (each trial arm's mean per day, read
 * through core's data contract): the parameters to estimate with their starting values and bounds, the course and
 * the arms with the interventions each arm's simulation gets, the observable and its scale, and the number of
 * starts. The values become the parameters of analysis {@value FitAnalysis#ID}, as {@code painlab mech fit --study}
 * passes them.
 */
public final class FitDialog extends TitleAreaDialog {
    private final LoadedModel model;
    private final List<TimeCourse> courses;
    private final Map<String, ParameterRow> parameterRows = new LinkedHashMap<>();
    private final Map<String, ArmRow> armRows = new LinkedHashMap<>();
    private Combo outcome;
    private Composite arms;
    private Text observable;
    private Text scale;
    private Text fixed;
    private Text start;
    private Text timeOffset;
    private Text maxEvaluations;
    private Text starts;
    private Text seed;
    private Map<String, String> result;

    /** One model parameter: whether it is fitted, its start and bounds. */
    private record ParameterRow(Button fit, Text start, Text lower, Text upper, double value) {
    }

    /** One arm of the study: whether it is fitted and the interventions of its simulation. */
    private record ArmRow(Button use, Text interventions) {
    }

    /**
     * @param courses the study's time courses (read before the dialog opens, off the UI thread)
     */
    public FitDialog(Shell shell, LoadedModel model, List<TimeCourse> courses) {
        super(shell);
        this.model = model;
        this.courses = List.copyOf(courses);
        setBlockOnOpen(true);
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Fit " + model.label() + " to the trial data");
        setMessage("Levenberg-Marquardt on each arm's mean per day (weighted by SD/sqrt(n)); stored in the study with its provenance.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(2, true));

        Group ps = new Group(c, SWT.NONE);
        ps.setText("Parameters to fit (start value, bounds; empty bounds: [0, inf) for a positive value)");
        ps.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 1, 2));
        ps.setLayout(new GridLayout(1, false));
        ScrolledComposite scroll = new ScrolledComposite(ps, SWT.V_SCROLL | SWT.BORDER);
        GridData sd = new GridData(SWT.FILL, SWT.FILL, true, true);
        sd.heightHint = 330;
        sd.widthHint = 430;
        scroll.setLayoutData(sd);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        Composite rows = new Composite(scroll, SWT.NONE);
        rows.setLayout(new GridLayout(4, false));
        header(rows, "Fit / parameter");
        header(rows, "Start");
        header(rows, "Lower");
        header(rows, "Upper");
        for (Parameter p : model.model().parameters()) {
            if (!p.constant() || !Double.isFinite(p.value())) {
                continue;
            }
            Button fit = new Button(rows, SWT.CHECK);
            fit.setText(p.id());
            fit.setToolTipText(p.name() == null || p.name().isBlank() ? p.id() : p.name());
            parameterRows.put(p.id(), new ParameterRow(fit, cell(rows, ExprText.number(p.value()), 70), cell(rows, "", 55),
                    cell(rows, "", 55), p.value()));
        }
        scroll.setContent(rows);
        scroll.setMinSize(rows.computeSize(SWT.DEFAULT, SWT.DEFAULT));

        Group data = new Group(c, SWT.NONE);
        data.setText("Data: the study's courses");
        data.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        data.setLayout(new GridLayout(2, false));
        new Label(data, SWT.NONE).setText("Course:");
        outcome = new Combo(data, SWT.READ_ONLY);
        List<String> outcomes = courses.stream().map(TimeCourse::outcome).distinct().toList();
        outcome.setItems(outcomes.toArray(String[]::new));
        outcome.select(Math.max(0, outcomes.indexOf("vas")));
        outcome.addListener(SWT.Selection, e -> showArms());
        Label armsLabel = new Label(data, SWT.NONE);
        armsLabel.setText("Arms (interventions of each arm's simulation, ID@t, 'none'):");
        armsLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        arms = new Composite(data, SWT.NONE);
        arms.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1));
        arms.setLayout(new GridLayout(2, false));
        showArms();

        Group options = new Group(c, SWT.NONE);
        options.setText("Model side");
        options.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        options.setLayout(new GridLayout(2, false));
        observable = field(options, "Observable (model variable):", model.model().parameter("pain").isPresent() ? "pain" : "");
        scale = field(options, "Data units per model unit:", "1");
        fixed = field(options, "Fixed parameters (p=v, ...):", "");
        start = field(options, "Simulations start at model time (empty: 0):", "");
        timeOffset = field(options, "Model time = data time +", "0");
        maxEvaluations = field(options, "Most evaluations per start:", "400");
        starts = field(options, "Starts (1 = from the start values only):", "1");
        seed = field(options, "Seed of the drawn starts:", "1");
        return area;
    }

    private void showArms() {
        for (Control child : arms.getChildren()) {
            child.dispose();
        }
        armRows.clear();
        String chosen = outcome.getText();
        for (TimeCourse tc : courses) {
            if (!tc.outcome().equals(chosen)) {
                continue;
            }
            Button use = new Button(arms, SWT.CHECK);
            use.setText(tc.group() + " (" + tc.times().length + " times, " + tc.timeUnit() + ")");
            use.setSelection(true);
            Text t = new Text(arms, SWT.BORDER);
            GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
            gd.widthHint = 200;
            t.setLayoutData(gd);
            t.setText("none");
            armRows.put(tc.group(), new ArmRow(use, t));
        }
        arms.layout(true);
        arms.getParent().layout(true);
    }

    private static void header(Composite c, String text) {
        Label l = new Label(c, SWT.NONE);
        l.setText(text);
    }

    private static Text cell(Composite c, String value, int width) {
        Text t = new Text(c, SWT.BORDER | SWT.RIGHT);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, false, false);
        gd.widthHint = width;
        t.setLayoutData(gd);
        t.setText(value);
        return t;
    }

    private static Text field(Composite c, String label, String value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 160;
        t.setLayoutData(gd);
        t.setText(value);
        return t;
    }

    /** Fits parameter {@code id} from {@code startValue} within the bounds (empty strings keep the defaults); tests and callers. */
    public void fit(String id, String startValue, String lower, String upper) {
        ParameterRow r = parameterRows.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no constant parameter '" + id + "' in " + model.label());
        }
        r.fit().setSelection(true);
        r.start().setText(startValue);
        r.lower().setText(lower);
        r.upper().setText(upper);
    }

    /** Uses arm {@code arm} or not, with these interventions ("none" for none). */
    public void arm(String arm, boolean use, String interventions) {
        ArmRow r = armRows.get(arm);
        if (r == null) {
            throw new IllegalArgumentException("no arm '" + arm + "' in the " + outcome.getText() + " courses: " + armRows.keySet());
        }
        r.use().setSelection(use);
        r.interventions().setText(interventions);
    }

    /** Sets the model side: fixed parameters, start of the simulations, starts and seed (null keeps a field). */
    public void options(String fixedValues, String simulationStart, String startCount, String seedValue) {
        set(fixed, fixedValues);
        set(start, simulationStart);
        set(starts, startCount);
        set(seed, seedValue);
    }

    private static void set(Text t, String value) {
        if (value != null) {
            t.setText(value);
        }
    }

    /** The arms listed for the chosen course. */
    public List<String> arms() {
        return List.copyOf(armRows.keySet());
    }

    /** The analysis parameters the fields give, defaults filled in; an error is shown and null returned when a field is bad. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>(model.analysisParameters());
        try {
            List<String> ids = new ArrayList<>();
            List<String> bounds = new ArrayList<>();
            List<String> initials = new ArrayList<>();
            for (Map.Entry<String, ParameterRow> e : parameterRows.entrySet()) {
                ParameterRow r = e.getValue();
                if (!r.fit().getSelection()) {
                    continue;
                }
                String id = e.getKey();
                ids.add(id);
                String s = r.start().getText().strip();
                double startValue = s.isEmpty() ? r.value() : number(id + " start", s);
                if (startValue != r.value()) {
                    initials.add(id + "=" + s);
                }
                String lo = r.lower().getText().strip();
                String hi = r.upper().getText().strip();
                if (!lo.isEmpty() || !hi.isEmpty()) {
                    // an open side keeps its default: 0 below a positive start, no bound above
                    bounds.add(id + "=" + (lo.isEmpty() ? (startValue > 0 ? "0" : "-inf") : lo) + ":" + (hi.isEmpty() ? "inf" : hi));
                }
            }
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("tick at least one parameter to fit");
            }
            List<String> armSpecs = new ArrayList<>();
            for (Map.Entry<String, ArmRow> e : armRows.entrySet()) {
                if (e.getValue().use().getSelection()) {
                    String what = e.getValue().interventions().getText().strip();
                    armSpecs.add(e.getKey() + "=" + (what.isEmpty() ? "none" : what));
                }
            }
            if (armSpecs.isEmpty()) {
                throw new IllegalArgumentException("tick at least one arm to fit");
            }
            p.put(FitAnalysis.FIT, String.join(",", ids));
            put(p, FitAnalysis.BOUNDS, String.join(",", bounds));
            put(p, FitAnalysis.INITIAL, String.join(",", initials));
            put(p, FitAnalysis.SET, fixed.getText());
            p.put(FitAnalysis.ARMS, String.join(";", armSpecs));
            put(p, FitAnalysis.OBSERVABLE, observable.getText());
            p.put(FitAnalysis.OUTCOME, outcome.getText());
            put(p, FitAnalysis.SCALE, scale.getText());
            put(p, FitAnalysis.START, start.getText());
            put(p, FitAnalysis.TIME_OFFSET, timeOffset.getText());
            put(p, FitAnalysis.MAX_EVALUATIONS, maxEvaluations.getText());
            put(p, FitAnalysis.STARTS, starts.getText());
            if (!"1".equals(starts.getText().strip())) {
                put(p, FitAnalysis.SEED, seed.getText());
            }
            Map<String, Double> fixedValues = ParameterValues.parse(model.model(), ParameterValues.list(p.get(FitAnalysis.SET)));
            for (String id : ids) {
                if (fixedValues.containsKey(id)) {
                    throw new IllegalArgumentException("parameter '" + id + "' is both fitted and fixed; choose one");
                }
            }
            FitParameter.of(ParameterValues.apply(model.model(), fixedValues), ids, bounds, initials);
            for (String key : List.of(FitAnalysis.SCALE, FitAnalysis.START, FitAnalysis.TIME_OFFSET, FitAnalysis.MAX_EVALUATIONS,
                    FitAnalysis.STARTS, FitAnalysis.SEED)) {
                if (p.containsKey(key)) {
                    number(key.replace('_', ' '), p.get(key));
                }
            }
            setErrorMessage(null);
            return FitAnalysis.effective(p);
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return null;
        }
    }

    private static double number(String what, String text) {
        try {
            double d = Double.parseDouble(text.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a number");
        }
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, value.strip());
        }
    }

    @Override
    protected void okPressed() {
        result = parameters();
        if (result != null) {
            super.okPressed();
        }
    }

    /** What OK accepted. */
    public Map<String, String> accepted() {
        return result;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Fit", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }
}
