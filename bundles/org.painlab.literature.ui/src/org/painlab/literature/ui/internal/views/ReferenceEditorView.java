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

    /** Shows {@code r} of {@code s} for editing. */
    public void show(Study s, Reference r) {
        study = s;
        shown = r;
        beforeLastSave = null;
        form.set(r);
        try {
            tags.setText(String.join(", ", new TagStore(s, null).tagsOf(TagStore.REFERENCE, r.key())));
        } catch (StudyException e) {
            tags.setText("");
        }
        status.setText(r.key() + (r.guessed().isEmpty() ? "" : "  guessed: " + String.join(", ", r.guessed()) + " (check them)"));
        enable();
        form.control().getParent().notifyListeners(SWT.Resize, null);
    }

    private void enable() {
        save.setEnabled(shown != null);
        undo.setEnabled(beforeLastSave != null);
    }

    /** Saves the form; returns false (and says why) when a field is not valid or the study refuses. */
    public boolean save() {
        if (shown == null) {
            return false;
        }
        try {
            Reference edited = form.get();
            List<String> heldTags = new TagStore(study, null).tagsOf(TagStore.REFERENCE, shown.key());
            new LiteratureStore(study, AuditActor.current()).update(edited, "edited in the Reference editor");
            saveTags(edited.key(), typedTags(), "edited in the Reference editor");
            beforeLastSave = shown;
            tagsBeforeLastSave = heldTags;
            shown = edited;
            status.setText("Saved " + edited.key() + ".");
        } catch (IllegalArgumentException | StudyException e) {
            status.setText("Not saved: " + e.getMessage());
            return false;
        } finally {
            enable();
        }
        libraryChanged();
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

    /** Makes the reference's tags {@code wanted}; each added or removed tag is audited. */
    private void saveTags(String key, List<String> wanted, String reason) throws StudyException {
        TagStore store = new TagStore(study, AuditActor.current());
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

    /** Puts back the reference as it was before the last save. */
    public boolean undo() {
        if (beforeLastSave == null) {
            return false;
        }
        try {
            new LiteratureStore(study, AuditActor.current()).update(beforeLastSave, "undo of the last edit in the Reference editor");
            saveTags(beforeLastSave.key(), tagsBeforeLastSave, "undo of the last edit in the Reference editor");
            shown = beforeLastSave;
            beforeLastSave = null;
            form.set(shown);
            tags.setText(String.join(", ", tagsBeforeLastSave));
            tagsBeforeLastSave = List.of();
            status.setText("Undone: " + shown.key() + " is as before the last save.");
        } catch (StudyException e) {
            status.setText("Not undone: " + e.getMessage());
            return false;
        } finally {
            enable();
        }
        libraryChanged();
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
