package org.painlab.literature.ui.internal.handlers;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.painlab.core.Study;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.UiJobs;
import org.painlab.literature.LiteratureStore;
import org.painlab.literature.PastedText;
import org.painlab.literature.Reference;
import org.painlab.literature.ui.internal.forms.ReferenceForm;

/**
 * "Paste a Page": the text copied from a web page (a PubMed record, a Chinese journal page) on the
 * left, the fields read from it on the right, guessed ones marked, editable; "Save to Library"
 * stores the reference as the form shows it (in a job; the dialog closes once it is stored). Nothing is stored before.
 */
public final class PasteDialog extends TitleAreaDialog {
    private final Study study;
    private Text page;
    private ReferenceForm form;
    private Reference saved;
    private String error;

    public PasteDialog(Shell parent, Study study) {
        super(parent);
        this.study = study;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Paste a Page");
        setMessage("Paste the text of a PubMed record or a journal page: the fields found are shown on the right, "
                + "guessed ones marked. Check them and save.");
        getShell().setText("Paste a Page");
        SashForm sash = new SashForm(area, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite left = new Composite(sash, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        new Label(left, SWT.NONE).setText("Pasted text");
        page = new Text(left, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        page.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        // re-read shortly after the user stops typing, not on every key
        page.addModifyListener(e -> page.getDisplay().timerExec(300, this::extract));
        ScrolledComposite scroll = new ScrolledComposite(sash, SWT.V_SCROLL);
        form = new ReferenceForm(scroll);
        scroll.setContent(form.control());
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.addListener(SWT.Resize, e -> scroll.setMinSize(form.control().computeSize(scroll.getClientArea().width, SWT.DEFAULT)));
        sash.setWeights(40, 60);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Save to Library", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected Point getInitialSize() {
        return new Point(1300, 860);
    }

    /** Puts {@code text} in the page box, as pasting would, and reads it at once. */
    public void paste(String text) {
        page.setText(text);
        extract();
    }

    /** Reads the page box into the form (a field typed into the form is replaced). */
    public void extract() {
        if (page.isDisposed()) {
            return;
        }
        Reference r = new PastedText().parse(page.getText());
        form.set(r);
        setMessage(r.guessed().isEmpty() ? "Fields read from the page; check them and save."
                : "Guessed (marked yellow, check them): " + String.join(", ", r.guessed()));
        form.control().getParent().notifyListeners(SWT.Resize, null);
    }

    public ReferenceForm form() {
        return form;
    }

    @Override
    protected void okPressed() {
        saveNow(super::okPressed);
    }

    /**
     * Stores the reference as the form shows it, in a job ({@link #saved()} once done); false at once
     * (the reason shown) when a field is not valid or a save is running.
     */
    public boolean saveNow() {
        return saveNow(() -> {
        });
    }

    private boolean saveNow(Runnable then) {
        Reference r;
        try {
            r = form.get();
            if (r.title() == null && r.titleZh() == null) {
                throw new IllegalArgumentException("Title: a reference needs a title in English or Chinese");
            }
        } catch (IllegalArgumentException e) {
            refused(e.getMessage());
            return false;
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null && !ok.isEnabled()) {
            return false;
        }
        if (ok != null) {
            ok.setEnabled(false);
        }
        String actor = AuditActor.current();
        UiJobs.run("Saving " + (r.title() != null ? r.title() : r.titleZh()), form.control(),
                monitor -> new LiteratureStore(study, actor).add(r, "pasted page"), stored -> {
                    saved = stored;
                    error = null;
                    then.run();
                }, e -> {
                    refused(e.getMessage());
                    if (ok != null && !ok.isDisposed()) {
                        ok.setEnabled(true);
                    }
                });
        return true;
    }

    private void refused(String why) {
        error = why;
        setErrorMessage(why);
    }

    /** The stored reference, or null. */
    public Reference saved() {
        return saved;
    }

    /** Why the last save was refused, or null. */
    public String error() {
        return error;
    }
}
