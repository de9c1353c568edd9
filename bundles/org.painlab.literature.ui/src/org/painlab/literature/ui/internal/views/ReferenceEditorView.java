package org.painlab.literature.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.UiJobs;
import org.painlab.literature.LiteratureStore;
import org.painlab.literature.Reference;
import org.painlab.literature.TagStore;
import org.painlab.literature.ui.internal.forms.ReferenceForm;

/**
 * Every field of the selected reference in both languages, guessed fields marked, and its tags.
 * Save writes the changes (each changed field and tag audited); "Undo Last Save" puts back the fields and the tags as
 * they were before the last save (audited as such).
 */
public final class ReferenceEditorView extends ViewPart {
    public static final String ID = "org.painlab.literature.ui.reference";
    private ReferenceForm form;
    private Label status;
    private Text tags;
    private Button save;
    private Button undo;
    private Study study;
    private Reference shown;
    private Reference beforeLastSave;
    // the tags as they were before the last save: Undo puts them back with the fields
    private List<String> tagsBeforeLastSave = List.of();
    // a save or undo is being written: the buttons wait for it
    private boolean busy;

    @Override
    public void createPartControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(c, SWT.NONE);
        bar.setLayout(new GridLayout(4, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        save = new Button(bar, SWT.PUSH);
        save.setText("Save");
        save.addListener(SWT.Selection, e -> save());
        undo = new Button(bar, SWT.PUSH);
        undo.setText("Undo Last Save");
        undo.addListener(SWT.Selection, e -> undo());
        new Label(bar, SWT.NONE).setText("  Tags");
        tags = new Text(bar, SWT.BORDER);
        tags.setMessage("tag, another tag");
        GridData tg = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        tg.widthHint = 180;
        tags.setLayoutData(tg);
        status = new Label(c, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ScrolledComposite scroll = new ScrolledComposite(c, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form = new ReferenceForm(scroll);
        scroll.setContent(form.control());
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.addListener(SWT.Resize, e -> scroll.setMinSize(form.control().computeSize(scroll.getClientArea().width, SWT.DEFAULT)));
        enable();
        status.setText("Select a reference in the Library.");
    }

    /** Shows {@code r} of {@code s} for editing; its tags are read in a job. */
    public void show(Study s, Reference r) {
        study = s;
        shown = r;
        beforeLastSave = null;
        form.set(r);
        tags.setText("");
        status.setText(r.key() + (r.guessed().isEmpty() ? "" : "  guessed: " + String.join(", ", r.guessed()) + " (check them)"));
        enable();
        form.control().getParent().notifyListeners(SWT.Resize, null);
        UiJobs.run("Reading the tags of " + r.key(), tags, monitor -> new TagStore(s, null).tagsOf(TagStore.REFERENCE, r.key()), held -> {
            // tags typed meanwhile win over the stored ones
            if (shown == r && tags.getText().isEmpty()) {
                tags.setText(String.join(", ", held));
            }
        }, e -> status.setText("Cannot read the tags: " + e.getMessage()));
    }

    private void enable() {
        save.setEnabled(shown != null && !busy);
        undo.setEnabled(beforeLastSave != null && !busy);
    }

    /**
     * Saves the form in a job (the status line says when it is saved); returns false at once (and says
     * why) when a field is not valid or nothing is shown or a save is running.
     */
    public boolean save() {
        if (shown == null || busy) {
            return false;
        }
        Reference edited;
        try {
            edited = form.get();
        } catch (IllegalArgumentException e) {
            status.setText("Not saved: " + e.getMessage());
            return false;
        }
        Study s = study;
        Reference before = shown;
        List<String> wanted = typedTags();
        busy = true;
        enable();
        UiJobs.run("Saving " + edited.key(), status, monitor -> {
            List<String> heldTags = new TagStore(s, null).tagsOf(TagStore.REFERENCE, before.key());
            new LiteratureStore(s, AuditActor.current()).update(edited, "edited in the Reference editor");
            saveTags(s, edited.key(), wanted, "edited in the Reference editor");
            return heldTags;
        }, heldTags -> {
            busy = false;
            beforeLastSave = before;
            tagsBeforeLastSave = heldTags;
            shown = edited;
            status.setText("Saved " + edited.key() + ".");
            enable();
            libraryChanged();
        }, e -> {
            busy = false;
            status.setText("Not saved: " + e.getMessage());
            enable();
        });
        return true;
    }

    /** The tags typed (comma-separated, ASCII or full-width commas), without blanks and repeats. */
    private List<String> typedTags() {
        List<String> wanted = new ArrayList<>();
        for (String t : tags.getText().split("[,，]")) {
            if (!t.isBlank() && !wanted.contains(t.strip())) {
                wanted.add(t.strip());
            }
        }
        return wanted;
    }

    /** Makes the reference's tags {@code wanted}; each added or removed tag is audited. Off the UI thread. */
    private static void saveTags(Study s, String key, List<String> wanted, String reason) throws StudyException {
        TagStore store = new TagStore(s, AuditActor.current());
        List<String> held = store.tagsOf(TagStore.REFERENCE, key);
        store.change(TagStore.REFERENCE, key, wanted, held.stream().filter(t -> !wanted.contains(t)).toList(), reason);
    }

    /** @return the tags as the editor shows them */
    public String tagText() {
        return tags.getText();
    }

    /** Types the reference's tags, as the user would (comma-separated). */
    public void setTags(String text) {
        tags.setText(text);
    }

    /** Puts back the reference as it was before the last save, in a job; false at once when there is none. */
    public boolean undo() {
        if (beforeLastSave == null || busy) {
            return false;
        }
        Study s = study;
        Reference back = beforeLastSave;
        List<String> backTags = tagsBeforeLastSave;
        busy = true;
        enable();
        UiJobs.run("Undoing the last save of " + back.key(), status, monitor -> {
            new LiteratureStore(s, AuditActor.current()).update(back, "undo of the last edit in the Reference editor");
            saveTags(s, back.key(), backTags, "undo of the last edit in the Reference editor");
            return back;
        }, r -> {
            busy = false;
            shown = back;
            beforeLastSave = null;
            form.set(shown);
            tags.setText(String.join(", ", backTags));
            tagsBeforeLastSave = List.of();
            status.setText("Undone: " + shown.key() + " is as before the last save.");
            enable();
            libraryChanged();
        }, e -> {
            busy = false;
            status.setText("Not undone: " + e.getMessage());
            enable();
        });
        return true;
    }

    /** Tells the workbench the study changed: the Library reads it again, the Study Explorer recounts. */
    private void libraryChanged() {
        Workbench.studies().refresh();
    }

    public ReferenceForm form() {
        return form;
    }

    public String status() {
        return status.getText();
    }

    @Override
    public void setFocus() {
        form.control().setFocus();
    }
}
