package org.painlab.trial.ui.internal.dialogs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.painlab.trial.ui.internal.views.Screening;

/** The eligibility checklist of one screened person, and the study id to enroll an eligible one as. */
public final class ScreeningDialog extends TitleAreaDialog {
    private final String proposedId;
    private final List<String> criteria;
    private final Map<String, Button> boxes = new LinkedHashMap<>();
    private Text id;
    private Text enroll;
    private String screeningId;
    private Map<String, Boolean> checklist;
    private String enrollAs;

    public ScreeningDialog(Shell parent, String proposedId, List<String> criteria) {
        super(parent);
        this.proposedId = proposedId;
        this.criteria = List.copyOf(criteria);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Screen a person");
        setMessage("Tick every criterion the person meets. Any criterion not met excludes the person (logged with that reason).");
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(c, SWT.NONE).setText("Screening id:");
        id = new Text(c, SWT.BORDER);
        id.setText(proposedId);
        id.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        for (String criterion : criteria) {
            Button b = new Button(c, SWT.CHECK);
            b.setText(Screening.label(criterion));
            b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            b.addListener(SWT.Selection, e -> update());
            boxes.put(criterion, b);
        }
        new Label(c, SWT.NONE).setText("Enroll as (study id, if eligible):");
        enroll = new Text(c, SWT.BORDER);
        enroll.setMessage("pseudonymous id, e.g. S-078; empty = do not enroll now");
        enroll.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        enroll.addModifyListener(e -> update());
        return area;
    }

    private void update() {
        boolean eligible = boxes.values().stream().allMatch(Button::getSelection);
        enroll.setEnabled(eligible);
        boolean idOk = enroll.getText().isBlank() || enroll.getText().matches("[A-Za-z0-9_-]{1,50}");
        setErrorMessage(idOk ? null : "The study id may hold letters, digits, '-' and '_' only");
        Control ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(idOk && !id.getText().isBlank());
        }
    }

    @Override
    protected void okPressed() {
        screeningId = id.getText().trim();
        checklist = new LinkedHashMap<>();
        boxes.forEach((k, b) -> checklist.put(k, b.getSelection()));
        enrollAs = enroll.isEnabled() && !enroll.getText().isBlank() ? enroll.getText().trim() : null;
        super.okPressed();
    }

    public String screeningId() {
        return screeningId;
    }

    public Map<String, Boolean> checklist() {
        return checklist;
    }

    public String enrollAs() {
        return enrollAs;
    }
}
