package org.painlab.mechanism.ui.internal.views;

import java.util.LinkedHashMap;
import java.util.Map;

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
import org.painlab.mechanism.sensitivity.SensitivityAnalysis;
import org.painlab.mechanism.ui.internal.model.ExprText;
import org.painlab.mechanism.ui.internal.model.LoadedModel;
import org.painlab.mechanism.ui.internal.model.Plotables;

/**
 * Asks for a sensitivity analysis or scan of the selected model: the method, the output measure, the
 * parameters with their ranges, samples, seed and the simulation's length. The values become the
 * parameters of analysis {@code org.painlab.mechanism.sensitivity}, as {@code painlab mech sensitivity}
 * passes them.
 */
public final class SensitivityDialog extends TitleAreaDialog {
    static final String[] METHODS = { "morris", "sobol", "local", "scan" };
    private final LoadedModel model;
    private Combo method;
    private Text output;
    private Text parameters;
    private Text samples;
    private Text seed;
    private Text duration;
    private Text steps;
    private Map<String, String> result;

    public SensitivityDialog(Shell shell, LoadedModel model) {
        super(shell);
        this.model = model;
        setBlockOnOpen(true);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Sensitivity or scan of " + model.label());
        setMessage("Morris screening, Sobol indices, local sensitivities or a 1-D/2-D scan; stored in the selected study.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(2, false));
        new Label(c, SWT.NONE).setText("Method:");
        method = new Combo(c, SWT.READ_ONLY);
        method.setItems(METHODS);
        method.select(0);
        output = field(c, "Output (VAR, VAR:max, VAR:auc, VAR@t):", Plotables.first(model.model()) + ":max");
        parameters = field(c, "Parameters (p=lo:hi, p=lo:hi:n for a scan; empty: all ±50%):", "");
        samples = field(c, "Samples (Morris trajectories, Sobol base samples):", "");
        seed = field(c, "Seed:", "1");
        duration = field(c, "Duration of each simulation:", ExprText.number(model.defaultDuration()));
        steps = field(c, "Output steps:", "100");
        return area;
    }

    private static Text field(Composite c, String label, String value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 320;
        t.setLayoutData(gd);
        t.setText(value);
        return t;
    }

    /** Sets the fields (tests, and callers that fill the dialog). */
    public void set(String methodName, String outputMeasure, String ranges, String sampleCount) {
        method.select(java.util.Arrays.asList(METHODS).indexOf(methodName));
        output.setText(outputMeasure);
        parameters.setText(ranges);
        samples.setText(sampleCount);
    }

    /** The analysis parameters the fields give, defaults filled in; an error is shown and null returned when a field is bad. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>(model.analysisParameters());
        p.put(SensitivityAnalysis.METHOD, method.getText());
        p.put(SensitivityAnalysis.OUTPUT, output.getText().strip());
        put(p, SensitivityAnalysis.PARAMETERS, parameters.getText());
        put(p, SensitivityAnalysis.SAMPLES, samples.getText());
        put(p, SensitivityAnalysis.SEED, seed.getText());
        put(p, SensitivityAnalysis.DURATION, duration.getText());
        put(p, SensitivityAnalysis.STEPS, steps.getText());
        try {
            Map<String, String> effective = SensitivityAnalysis.effective(p);
            SensitivityAnalysis.ranges("scan".equals(method.getText()) ? null : effective.get(SensitivityAnalysis.PARAMETERS),
                    model.model());
            if ("scan".equals(method.getText()) && (effective.get(SensitivityAnalysis.PARAMETERS) == null
                    || !effective.get(SensitivityAnalysis.PARAMETERS).contains(":"))) {
                throw new IllegalArgumentException("a scan needs p=LOW:HIGH:N (one or two parameters)");
            }
            setErrorMessage(null);
            return effective;
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
        createButton(parent, IDialogConstants.OK_ID, "Run", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }
}
