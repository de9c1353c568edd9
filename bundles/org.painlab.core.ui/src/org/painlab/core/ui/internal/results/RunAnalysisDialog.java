package org.painlab.core.ui.internal.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.painlab.core.analysis.Analysis;
import org.painlab.core.extension.Contribution;

/**
 * Chooses one of the installed analyses and its parameters ({@code name=value}, one a line).
 * What each analysis reads is shown with it, so a user sees which of them apply to the study.
 */
public final class RunAnalysisDialog extends TitleAreaDialog {
    private final List<Contribution<Analysis>> analyses;
    private org.eclipse.swt.widgets.List list;
    private Text parameters;
    private Contribution<Analysis> chosen;
    private Map<String, String> chosenParameters = Map.of();

    /**
     * @param shell the parent
     * @param analyses the installed analyses
     */
    public RunAnalysisDialog(Shell shell, List<Contribution<Analysis>> analyses) {
        super(shell);
        this.analyses = analyses;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Run Analysis");
        setMessage("Choose an installed analysis. Its result is stored in the study with its provenance.");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        list = new org.eclipse.swt.widgets.List(c, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        for (Contribution<Analysis> a : analyses) {
            String reads = a.attribute("appliesTo");
            list.add(a.name() + "   [" + a.id() + (reads == null ? "" : "; reads " + reads) + "; " + a.contributor() + "]");
        }
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.heightHint = 140;
        gd.widthHint = 560;
        list.setLayoutData(gd);
        if (!analyses.isEmpty()) {
            list.select(0);
        }
        new Label(c, SWT.NONE).setText("Parameters (name=value, one a line; empty for the defaults):");
        parameters = new Text(c, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        GridData pd = new GridData(SWT.FILL, SWT.FILL, true, false);
        pd.heightHint = 70;
        parameters.setLayoutData(pd);
        return area;
    }

    @Override
    protected void okPressed() {
        int i = list.getSelectionIndex();
        if (i < 0) {
            setErrorMessage("Choose an analysis.");
            return;
        }
        Map<String, String> p = new LinkedHashMap<>();
        String[] lines = parameters.getText().split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                setErrorMessage("Parameter line " + (n + 1) + " is not name=value: " + line);
                return;
            }
            p.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        chosen = analyses.get(i);
        chosenParameters = p;
        super.okPressed();
    }

    /** @return the chosen analysis, after OK */
    public Contribution<Analysis> analysis() {
        return chosen;
    }

    /** @return the parameters entered, after OK */
    public Map<String, String> parameters() {
        return chosenParameters;
    }
}
