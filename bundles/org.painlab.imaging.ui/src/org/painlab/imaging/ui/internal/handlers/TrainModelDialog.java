package org.painlab.imaging.ui.internal.handlers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.painlab.imaging.Classifiers;
import org.painlab.imaging.evaluate.CrossValidationAnalysis;

/**
 * Imaging > Train Model...: a classifier from the installed ones with its parameters (its defaults, editable),
 * the folds of the cross-validation grouped by patient, the seed, and the cases (the study's volumes or a
 * feature table). {@link #parameters()} are the analysis parameters of the run.
 */
public final class TrainModelDialog extends TitleAreaDialog {
    private final List<Classifiers.ClassifierInfo> classifiers = new Classifiers().list();
    private final Map<String, Text> fields = new LinkedHashMap<>();
    private Combo model;
    private Group own;
    private Spinner folds;
    private Text seed;
    private Button fromTable;
    private Text table;
    private Map<String, String> parameters = Map.of();

    public TrainModelDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Train Model");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Train and cross-validate a classifier");
        setMessage("Folds group volumes by patient; the out-of-fold predictions and metrics are stored in the study.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(3, false));
        new Label(c, SWT.NONE).setText("Classifier:");
        model = new Combo(c, SWT.READ_ONLY);
        model.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        for (Classifiers.ClassifierInfo i : classifiers) {
            model.add(i.name() + " (" + i.id() + ")");
        }
        own = new Group(c, SWT.NONE);
        own.setText("Parameters (defaults of the classifier)");
        own.setLayout(new GridLayout(2, false));
        own.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false, 3, 1));
        new Label(c, SWT.NONE).setText("Folds:");
        folds = new Spinner(c, SWT.BORDER);
        folds.setValues(5, 2, 20, 0, 1, 5);
        folds.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        new Label(c, SWT.NONE).setText("Seed:");
        seed = new Text(c, SWT.BORDER);
        seed.setText("1");
        seed.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        fromTable = new Button(c, SWT.CHECK);
        fromTable.setText("Cases from a feature table (case,patient,label,features...):");
        fromTable.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 3, 1));
        new Label(c, SWT.NONE);
        table = new Text(c, SWT.BORDER);
        table.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table.setEnabled(false);
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("Browse...");
        browse.setEnabled(false);
        fromTable.addListener(SWT.Selection, e -> {
            table.setEnabled(fromTable.getSelection());
            browse.setEnabled(fromTable.getSelection());
        });
        browse.addListener(SWT.Selection, e -> {
            FileDialog d = new FileDialog(getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] { "*.csv", "*" });
            String f = d.open();
            if (f != null) {
                table.setText(f);
            }
        });
        model.addListener(SWT.Selection, e -> showDefaults());
        if (!classifiers.isEmpty()) {
            model.select(0);
            showDefaults();
        } else {
            setErrorMessage("No classifier is installed.");
        }
        return area;
    }

    /** Selects a classifier by id (as a user picks it in the list). */
    public void selectModel(String id) {
        for (int i = 0; i < classifiers.size(); i++) {
            if (classifiers.get(i).id().equals(id)) {
                model.select(i);
                showDefaults();
            }
        }
    }

    /** Sets a parameter's field (as a user types it). */
    public void setField(String name, String value) {
        Text t = fields.get(name);
        if (t == null) {
            throw new IllegalArgumentException("the classifier has no parameter '" + name + "': " + fields.keySet());
        }
        t.setText(value);
    }

    public void setFolds(int k) {
        folds.setSelection(k);
    }

    public void setSeed(String s) {
        seed.setText(s);
    }

    public void setCasesTable(String file) {
        fromTable.setSelection(file != null);
        table.setEnabled(file != null);
        table.setText(file == null ? "" : file);
    }

    /** The parameter names shown for the chosen classifier. */
    public List<String> fieldNames() {
        return List.copyOf(fields.keySet());
    }

    private void showDefaults() {
        for (Control ch : own.getChildren()) {
            ch.dispose();
        }
        fields.clear();
        Map<String, String> defaults = new Classifiers().require(classifiers.get(model.getSelectionIndex()).id()).defaults();
        for (Map.Entry<String, String> d : new java.util.TreeMap<>(defaults).entrySet()) {
            new Label(own, SWT.NONE).setText(d.getKey() + ":");
            Text t = new Text(own, SWT.BORDER);
            t.setText(d.getValue());
            t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            fields.put(d.getKey(), t);
        }
        own.getParent().layout(true, true);
        if (getShell() != null && getShell().isVisible()) {
            getShell().pack();
        }
    }

    @Override
    protected void okPressed() {
        if (!validate()) {
            return;
        }
        super.okPressed();
    }

    /** Checks the fields and makes the parameters; says what is wrong in the dialog. */
    public boolean validate() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(CrossValidationAnalysis.MODEL, classifiers.get(model.getSelectionIndex()).id());
        p.put(CrossValidationAnalysis.FOLDS, Integer.toString(folds.getSelection()));
        try {
            p.put(CrossValidationAnalysis.SEED, Long.toString(Long.parseLong(seed.getText().trim())));
        } catch (NumberFormatException e) {
            setErrorMessage("Seed must be a whole number, not '" + seed.getText() + "'.");
            return false;
        }
        for (Map.Entry<String, Text> f : fields.entrySet()) {
            String v = f.getValue().getText().trim();
            if (v.isEmpty()) {
                setErrorMessage("Parameter '" + f.getKey() + "' is empty.");
                return false;
            }
            p.put(f.getKey(), v);
        }
        if (fromTable.getSelection()) {
            if (table.getText().isBlank() || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(table.getText().trim()))) {
                setErrorMessage("Feature table '" + table.getText() + "' is not a file.");
                return false;
            }
            p.put(CrossValidationAnalysis.CASES, java.nio.file.Path.of(table.getText().trim()).toAbsolutePath().toString());
        }
        setErrorMessage(null);
        parameters = p;
        return true;
    }

    /** Presses Train as a user would: closes with OK when the fields are valid, else shows what is wrong. */
    public void pressTrain() {
        buttonPressed(IDialogConstants.OK_ID);
    }

    /** The analysis parameters chosen (after OK). */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Train", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }
}
