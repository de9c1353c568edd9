package org.painlab.literature.ui.internal.views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.extension.Contribution;
import org.painlab.core.link.LinkTarget;
import org.painlab.core.link.LinkTargets;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.UiJobs;
import org.painlab.literature.Note;
import org.painlab.literature.NoteStore;
import org.painlab.literature.TagStore;
import org.painlab.literature.ui.internal.markdown.MarkdownPreview;

/**
 * The notes of the selected reference (or every note), and the selected note in a Markdown editor
 * with a live preview beside it; its tags (comma-separated), and links to any item of the study
 * (a subject, a result, a volume, another reference or note) through core's link targets.
 */
public final class NotesView extends ViewPart {
    public static final String ID = "org.painlab.literature.ui.notes";
    private Study study;
    private String referenceKey;
    private Note note;
    private Label heading;
    private Button allNotes;
    private Table list;
    private Text title;
    private Text tags;
    private Text editor;
    private MarkdownPreview preview;
    private Combo linkType;
    private Text linkKey;
    private Label status;
    private List<Note> notes = List.of();

    @Override
    public void createPartControl(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        Composite left = new Composite(sash, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        heading = new Label(left, SWT.NONE);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        allNotes = new Button(left, SWT.CHECK);
        allNotes.setText("All notes of the study");
        allNotes.addListener(SWT.Selection, e -> refresh());
        list = new Table(left, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        list.setHeaderVisible(true);
        list.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String[] col : new String[][] {{"Key", "50"}, {"Title", "170"}, {"On", "80"}}) {
            TableColumn tc = new TableColumn(list, SWT.NONE);
            tc.setText(col[0]);
            tc.setWidth(Integer.parseInt(col[1]));
        }
        list.addListener(SWT.Selection, e -> {
            int i = list.getSelectionIndex();
            if (i >= 0 && i < notes.size()) {
                edit(notes.get(i));
            }
        });

        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new GridLayout(4, false));
        new Label(right, SWT.NONE).setText("Title");
        title = new Text(right, SWT.BORDER);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(right, SWT.NONE).setText("Tags");
        tags = new Text(right, SWT.BORDER);
        tags.setMessage("tag, another tag");
        tags.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        SashForm text = new SashForm(right, SWT.HORIZONTAL);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true);
        td.horizontalSpan = 4;
        text.setLayoutData(td);
        editor = new Text(text, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        editor.setMessage("Markdown: # heading, **bold**, *italic*, - list, [label](subject:S01)");
        preview = new MarkdownPreview(text);
        editor.addModifyListener(e -> preview.show(editor.getText()));
        preview.onLink(this::follow);
        Composite buttons = new Composite(right, SWT.NONE);
        GridData bd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        bd.horizontalSpan = 4;
        buttons.setLayoutData(bd);
        buttons.setLayout(new GridLayout(3, false));
        button(buttons, "New Note", this::newNote);
        button(buttons, "Save", this::save);
        button(buttons, "Delete", this::delete);
        Composite linking = new Composite(right, SWT.NONE);
        GridData ld = new GridData(SWT.FILL, SWT.CENTER, true, false);
        ld.horizontalSpan = 4;
        linking.setLayoutData(ld);
        linking.setLayout(new GridLayout(4, false));
        buttons = linking;
        new Label(buttons, SWT.NONE).setText("Link to");
        linkType = new Combo(buttons, SWT.READ_ONLY);
        for (Contribution<LinkTarget> t : new LinkTargets().contributions()) {
            linkType.add(t.id());
        }
        linkType.select(Math.max(0, Arrays.asList(linkType.getItems()).indexOf("subject")));
        linkKey = new Text(buttons, SWT.BORDER);
        linkKey.setMessage("key: S01, 12, wang2023");
        GridData kd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        kd.widthHint = 130;
        linkKey.setLayoutData(kd);
        button(buttons, "Link", this::link);
        status = new Label(right, SWT.NONE);
        GridData sd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        sd.horizontalSpan = 4;
        status.setLayoutData(sd);
        sash.setWeights(28, 72);
        newNote();
        heading.setText("Select a reference in the Library, or tick All notes.");
    }

    private static void button(Composite parent, String label, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(label);
        b.addListener(SWT.Selection, e -> action.run());
    }

    /** Lists the notes of reference {@code key} of {@code s} (read in a job) and edits the first, or a new one. */
    public void showReference(Study s, String key) {
        study = s;
        referenceKey = key;
        refresh(listed -> {
            if (!listed.isEmpty()) {
                list.select(0);
                edit(listed.get(0));
            } else {
                newNote();
            }
        });
    }

    /** Lists every note of {@code s} (read in a job). */
    public void showAll(Study s) {
        study = s;
        allNotes.setSelection(true);
        refresh();
    }

    private void refresh() {
        refresh(listed -> {
        });
    }

    /** Reads the notes in a job, lists them, then hands them to {@code then} (UI thread). */
    private void refresh(Consumer<List<Note>> then) {
        if (study == null) {
            study = Workbench.study().orElse(null);
        }
        Study s = study;
        if (s == null) {
            return;
        }
        boolean all = allNotes.getSelection() || referenceKey == null;
        String key = referenceKey;
        UiJobs.run("Reading the notes", list, monitor -> {
            NoteStore store = new NoteStore(s, null);
            return all ? store.list() : store.of(key);
        }, read -> {
            if (s != study) {
                return;
            }
            notes = read;
            heading.setText(all ? "All notes (" + notes.size() + ")" : "Notes on " + key + " (" + notes.size() + ")");
            list.removeAll();
            for (Note n : notes) {
                TableItem item = new TableItem(list, SWT.NONE);
                item.setText(new String[] {n.key(), n.displayTitle(), n.referenceKey() == null ? "" : n.referenceKey()});
            }
            then.accept(read);
        }, e -> {
            notes = List.of();
            list.removeAll();
            status.setText(e.getMessage());
        });
    }

    /** Shows {@code n} in the editor (its tags read in a job) and its links in the Links view. */
    public void edit(Note n) {
        note = n;
        title.setText(n.title() == null ? "" : n.title());
        editor.setText(n.body());
        tags.setText("");
        status.setText("Note " + n.key());
        Study s = study;
        UiJobs.run("Reading the tags of note " + n.key(), tags, monitor -> new TagStore(s, null).tagsOf(NoteStore.ENTITY, n.key()),
                held -> {
                    // tags typed meanwhile win over the stored ones
                    if (note == n && tags.getText().isEmpty()) {
                        tags.setText(String.join(", ", held));
                    }
                }, e -> status.setText(e.getMessage()));
        Workbench.view(getSite().getPage(), LinksView.ID, LinksView.class).ifPresent(v -> v.show(study, NoteStore.ENTITY, n.key()));
    }

    /** Starts a new note (on the shown reference, if any); Save stores it. */
    public void newNote() {
        note = null;
        title.setText("");
        tags.setText("");
        editor.setText("");
        status.setText(referenceKey == null ? "New note on its own" : "New note on " + referenceKey);
    }

    /** Types {@code markdown} into the editor, as the user would (the preview follows). */
    public void type(String noteTitle, String markdown, String tagText) {
        title.setText(noteTitle);
        editor.setText(markdown);
        tags.setText(tagText);
    }

    /**
     * Stores the note (new or edited) and its tags in a job; {@link #note()} is the stored note once it is
     * done. Returns false at once (the reason shown) when there is no study.
     */
    public boolean save() {
        return save(saved -> {
        });
    }

    private boolean save(Consumer<Note> then) {
        if (study == null) {
            status.setText("Open a study first.");
            return false;
        }
        Study s = study;
        Note editing = note;
        String onReference = allNotes.getSelection() ? null : referenceKey;
        String noteTitle = title.getText();
        String body = editor.getText();
        List<String> wanted = new ArrayList<>();
        for (String t : tags.getText().split("[,，]")) {
            if (!t.isBlank()) {
                wanted.add(t.strip());
            }
        }
        String actor = AuditActor.current();
        UiJobs.run("Saving the note", status, monitor -> {
            NoteStore store = new NoteStore(s, actor);
            Note saved = editing == null ? store.add(onReference, noteTitle, body, "written in the Notes view")
                    : store.edit(editing.key(), noteTitle, body, "edited in the Notes view");
            TagStore tagStore = new TagStore(s, actor);
            List<String> held = tagStore.tagsOf(NoteStore.ENTITY, saved.key());
            tagStore.change(NoteStore.ENTITY, saved.key(), wanted, held.stream().filter(t -> !wanted.contains(t)).toList(), "Notes view");
            return saved;
        }, saved -> {
            note = saved;
            refresh();
            status.setText("Saved note " + saved.key() + ".");
            Workbench.view(getSite().getPage(), LinksView.ID, LinksView.class).ifPresent(v -> v.show(s, NoteStore.ENTITY, saved.key()));
            then.accept(saved);
        }, e -> status.setText("Not saved: " + e.getMessage()));
        return true;
    }

    /** The note shown in the editor as last stored or opened, or null (a new note not saved yet). */
    public Note note() {
        return note;
    }

    private void delete() {
        if (note == null) {
            return;
        }
        Study s = study;
        String key = note.key();
        String actor = AuditActor.current();
        UiJobs.run("Deleting note " + key, status, monitor -> {
            new NoteStore(s, actor).delete(key, "deleted in the Notes view");
            return key;
        }, deleted -> {
            refresh();
            newNote();
        }, e -> status.setText(e.getMessage()));
    }

    /**
     * Links the shown note to item {@code type}:{@code key} of the study in a job (a new note is saved
     * first); the status line says when it is linked. False at once when there is no study.
     */
    public boolean link(String type, String key) {
        linkType.setText(type);
        linkKey.setText(key);
        return linkNow();
    }

    private void link() {
        linkNow();
    }

    private boolean linkNow() {
        String type = linkType.getText();
        String key = linkKey.getText().strip();
        if (note == null) {
            return save(saved -> link(saved, type, key));
        }
        if (study == null) {
            status.setText("Open a study first.");
            return false;
        }
        link(note, type, key);
        return true;
    }

    private void link(Note n, String type, String key) {
        Study s = study;
        String actor = AuditActor.current();
        UiJobs.run("Linking note " + n.key(), status, monitor -> {
            new LinkTargets().link(s, NoteStore.ENTITY, n.key(), type, key, actor);
            return n;
        }, linked -> {
            status.setText("Linked " + n.key() + " to " + type + " " + key + ".");
            // the linked item's own view (Data Entry for a subject, Result, Model Outline, ...) shows the backlink at once
            Workbench.studies().linksChanged(s);
            Workbench.view(getSite().getPage(), LinksView.ID, LinksView.class).ifPresent(v -> v.show(s, NoteStore.ENTITY, n.key()));
        }, e -> status.setText("Not linked: " + e.getMessage()));
    }

    /** What a followed link resolves to: its label (empty: no such item) and, for a reference, the reference. */
    private record Followed(Optional<String> label, Optional<org.painlab.literature.Reference> reference) {
    }

    /**
     * Follows a link of the note's text ({@code type:key}): a reference opens in the Reference
     * editor; any item's links and backlinks show in Links. An item that does not exist is said so.
     * The item is looked up in a job.
     */
    private void follow(String target) {
        int colon = target.indexOf(':');
        if (study == null || colon <= 0) {
            status.setText("Not a study link: " + target + " (write [label](subject:S01))");
            return;
        }
        String type = target.substring(0, colon);
        String key = target.substring(colon + 1);
        Study s = study;
        UiJobs.run("Following " + target, status, monitor -> {
            Optional<String> label = new LinkTargets().resolve(s, type, key);
            Optional<org.painlab.literature.Reference> reference = label.isPresent() && type.equals("reference")
                    ? new org.painlab.literature.LiteratureStore(s, null).find(key) : Optional.empty();
            return new Followed(label, reference);
        }, followed -> {
            if (followed.label().isEmpty()) {
                status.setText("No " + type + " '" + key + "' in the study");
                return;
            }
            status.setText(type + " " + key + ": " + followed.label().get());
            var page = getSite().getPage();
            followed.reference().ifPresent(r -> Workbench.view(page, ReferenceEditorView.ID, ReferenceEditorView.class).ifPresent(v -> {
                v.show(s, r);
                page.activate(v);
            }));
            Workbench.view(page, LinksView.ID, LinksView.class).ifPresent(v -> v.show(s, type, key));
        }, e -> status.setText(e.getMessage()));
    }

    public MarkdownPreview preview() {
        return preview;
    }

    public String status() {
        return status.getText();
    }

    /** Keys of the notes listed. */
    public List<String> listed() {
        return notes.stream().map(Note::key).toList();
    }

    @Override
    public void setFocus() {
        editor.setFocus();
    }
}
