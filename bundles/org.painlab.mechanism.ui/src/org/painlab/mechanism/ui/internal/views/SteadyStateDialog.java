package org.painlab.mechanism.ui.internal.views;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.painlab.mechanism.sim.ParameterValues;
import org.painlab.mechanism.steady.SteadyStateAnalysis;
import org.painlab.mechanism.ui.internal.model.ExprText;
import org.painlab.mechanism.ui.internal.model.LoadedModel;

/**
 * Asks for a steady-state search of the selected model: parameter values (those the sliders changed, to start
 * with), starting values of states, the method and the tolerance. The values become the parameters of analysis
 * {@value SteadyStateAnalysis#ID}, as {@code painlab mech steady --study} passes them.
 */
public final class SteadyStateDialog extends TitleAreaDialog {
    static final String[] METHODS = { "auto", "newton", "integrate" };
    private final LoadedModel model;
    private final Map<String, Double> sliderValues;
    private Text set;
    private Text guess;
    private Combo method;
    private Text tolerance;
    private Text maxTime;
    private Map<String, String> result;

    /**
     * @param sliderValues the parameter values the sliders set now (offered as the values to search with)
     */
    public SteadyStateDialog(Shell shell, LoadedModel model, Map<String, Double> sliderValues) {
        super(shell);
        this.model = model;
        this.sliderValues = Map.copyOf(sliderValues);
        setBlockOnOpen(true);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Steady state of " + model.label());
        setMessage("Damped Newton, then integration until the derivatives vanish; stability from the Jacobian. Stored in the"
                + " selected study.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(2, false));
        set = field(c, "Parameter values (p=v, ...):", sliderValues.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + ExprText.number(e.getValue())).collect(Collectors.joining(",")));
        guess = field(c, "Start states at (x=v, ...; empty: initial values):", "");
        new Label(c, SWT.NONE).setText("Method:");
        method = new Combo(c, SWT.READ_ONLY);
        method.setItems(METHODS);
        method.select(0);
        tolerance = field(c, "Tolerance (|dx/dt| / max(1, |x|)):", "1e-9");
        maxTime = field(c, "Longest integration (model time):", "1e8");
        return area;
    }

    private static Text field(Composite c, String label, String value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 300;
        t.setLayoutData(gd);
        t.setText(value);
        return t;
    }

    /** Sets the fields (tests, and callers that fill the dialog). */
    public void set(String values, String guesses, String methodName) {
        set.setText(values);
        guess.setText(guesses);
        method.select(java.util.Arrays.asList(METHODS).indexOf(methodName));
    }

    /** The analysis parameters the fields give, defaults filled in; an error is shown and null returned when a field is bad. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>(model.analysisParameters());
        put(p, SteadyStateAnalysis.SET, set.getText());
        put(p, SteadyStateAnalysis.GUESS, guess.getText());
        p.put(SteadyStateAnalysis.METHOD, method.getText());
        put(p, SteadyStateAnalysis.TOLERANCE, tolerance.getText());
        put(p, SteadyStateAnalysis.MAX_TIME, maxTime.getText());
        try {
            ParameterValues.parse(model.model(), ParameterValues.list(p.get(SteadyStateAnalysis.SET)));
            SteadyStateAnalysis.guesses(ParameterValues.list(p.get(SteadyStateAnalysis.GUESS)));
            for (String key : new String[] {SteadyStateAnalysis.TOLERANCE, SteadyStateAnalysis.MAX_TIME}) {
                String v = p.get(key);
                try {
                    if (v == null || !(Double.parseDouble(v) > 0)) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key.replace('_', ' ') + ": '" + v + "' must be a number > 0");
                }
            }
            setErrorMessage(null);
            return SteadyStateAnalysis.effective(p);
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return null;
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
        createButton(parent, IDialogConstants.OK_ID, "Find", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }
}
