package org.painlab.literature.ui.internal.views;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.UiJobs;
import org.painlab.literature.CollectionStore;
import org.painlab.literature.ReferenceCollection;
import org.painlab.literature.ui.internal.LibraryRow;

/**
 * The study's collections of references, nested. Selecting one shows its references (and those
 * of the collections inside it) in the Library; "(whole library)" shows every reference. New,
 * New Inside, Add the Library's selected references, Remove them, Delete (audited).
 */
public final class CollectionsView extends ViewPart {
    public static final String ID = "org.painlab.literature.ui.collections";
    private static final String WHOLE = "(whole library)";
    private Tree tree;
    private Label status;
    private Study study;
    private final OpenStudies.Listener listener = s -> refresh();

    @Override
    public void createPartControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(c, SWT.NONE);
        bar.setLayout(new GridLayout(5, false));
        button(bar, "New...", () -> create(false));
        button(bar, "New Inside...", () -> create(true));
        button(bar, "Add Selected", () -> change(true));
        button(bar, "Remove Selected", () -> change(false));
        button(bar, "Delete", this::delete);
        tree = new Tree(c, SWT.BORDER | SWT.SINGLE);
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tree.addListener(SWT.Selection, e -> show());
        status = new Label(c, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Workbench.studies().addListener(listener);
        refresh();
    }

    private static void button(Composite bar, String label, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(label);
        b.addListener(SWT.Selection, e -> action.run());
    }

    /** Reads the collections of the selected study again, in a job, keeping the selection. */
    public void refresh() {
        refresh(selectedKey(), false);
    }

    /**
     * Reads the collections again in a job, then selects {@code key} (null: none) and, when
     * {@code show}, shows its references in the Library.
     */
    private void refresh(String key, boolean show) {
        Study s = Workbench.study().orElse(null);
        study = s;
        if (s == null) {
            fill(List.of(), null);
            return;
        }
        UiJobs.run("Reading the collections of " + s.name(), tree, monitor -> new CollectionStore(s, null).list(), list -> {
            if (s == study) {
                fill(list, key);
                if (show) {
                    show();
                }
            }
        }, e -> status.setText(e.getMessage()));
    }

    private void fill(List<ReferenceCollection> collections, String key) {
        tree.removeAll();
        TreeItem whole = new TreeItem(tree, SWT.NONE);
        whole.setText(WHOLE);
        Map<String, TreeItem> items = new HashMap<>();
        for (ReferenceCollection rc : collections) {
            TreeItem parentItem = rc.parentKey() == null ? null : items.get(rc.parentKey());
            TreeItem item = parentItem == null ? new TreeItem(tree, SWT.NONE) : new TreeItem(parentItem, SWT.NONE);
            item.setText(rc.name() + "  (" + rc.referenceKeys().size() + ")");
            item.setData(rc.key());
            items.put(rc.key(), item);
            if (parentItem != null) {
                parentItem.setExpanded(true);
            }
            if (rc.key().equals(key)) {
                tree.setSelection(item);
            }
        }
    }

    /** The key of the selected collection, or null (none, or the whole library). */
    public String selectedKey() {
        TreeItem[] sel = tree.getSelection();
        return sel.length == 1 && sel[0].getData() instanceof String k ? k : null;
    }

    /** Selects collection {@code key} (null: the whole library) and shows its references in the Library. */
    public void select(String key) {
        for (TreeItem item : all(tree.getItems())) {
            if (key == null ? item.getData() == null : key.equals(item.getData())) {
                tree.setSelection(item);
            }
        }
        show();
    }

    private static List<TreeItem> all(TreeItem[] items) {
        List<TreeItem> out = new java.util.ArrayList<>();
        for (TreeItem i : items) {
            out.add(i);
            out.addAll(all(i.getItems()));
        }
        return out;
    }

    private void show() {
        String key = selectedKey();
        Study s = study;
        if (key == null || s == null) {
            restrict(null, null);
            return;
        }
        String name = tree.getSelection()[0].getText().replaceFirst("\\s+\\(\\d+\\)$", "");
        UiJobs.run("Reading collection " + key, tree, monitor -> new CollectionStore(s, null).referencesUnder(key), keys -> {
            if (key.equals(selectedKey())) {
                restrict(name, keys);
                status.setText(keys.size() + " references in " + key + " and inside it");
            }
        }, e -> status.setText(e.getMessage()));
    }

    private void restrict(String name, Set<String> keys) {
        Workbench.view(getSite().getPage(), LibraryView.ID, LibraryView.class).ifPresent(v -> v.restrictTo(name, keys));
        if (keys == null) {
            status.setText("The whole library");
        }
    }

    private void create(boolean inside) {
        if (study == null) {
            status.setText("Open a study first.");
            return;
        }
        InputDialog d = new InputDialog(getSite().getShell(), "New Collection", "Name of the collection", "", null);
        if (d.open() == Window.OK) {
            create(d.getValue(), inside ? selectedKey() : null);
        }
    }

    /**
     * Creates a collection named {@code name} inside {@code parentKey} (null: at the top) in a job, then
     * selects it; a refusal shows in the status line.
     */
    public void create(String name, String parentKey) {
        Study s = study;
        if (s == null) {
            status.setText("Open a study first.");
            return;
        }
        UiJobs.run("Creating collection " + name, tree,
                monitor -> new CollectionStore(s, AuditActor.current()).create(name, parentKey, "Collections view"),
                rc -> refresh(rc.key(), true), e -> status.setText(e.getMessage()));
    }

    /** Adds (or removes) the references selected in the Library to (from) the selected collection. */
    public void change(boolean add) {
        String key = selectedKey();
        if (key == null) {
            status.setText("Select a collection first.");
            return;
        }
        List<String> refs = Workbench.view(getSite().getPage(), LibraryView.ID, LibraryView.class)
                .map(v -> v.selection().stream().map(LibraryRow::key).toList()).orElse(List.of());
        if (refs.isEmpty()) {
            status.setText("Select references in the Library first.");
            return;
        }
        change(key, refs, add);
    }

    /**
     * Adds (or removes) references {@code refs} to (from) collection {@code key} in a job; the status line
     * says what was done, or why it was refused.
     */
    public void change(String key, List<String> refs, boolean add) {
        Study s = study;
        if (s == null) {
            status.setText("Open a study first.");
            return;
        }
        UiJobs.run((add ? "Adding to " : "Removing from ") + key, tree, monitor -> {
            CollectionStore store = new CollectionStore(s, AuditActor.current());
            if (add) {
                store.add(key, refs, "Collections view");
            } else {
                store.remove(key, refs, "Collections view");
            }
            return refs.size();
        }, n -> {
            status.setText((add ? "Added " + n + " to " : "Removed " + n + " from ") + key);
            refresh(selectedKey(), true);
        }, e -> status.setText(e.getMessage()));
    }

    private void delete() {
        String key = selectedKey();
        Study s = study;
        if (key == null || s == null) {
            return;
        }
        UiJobs.run("Deleting collection " + key, tree, monitor -> {
            new CollectionStore(s, AuditActor.current()).delete(key, "Collections view");
            return key;
        }, deleted -> refresh(null, true), e -> status.setText(e.getMessage()));
    }

    public String status() {
        return status.getText();
    }

    @Override
    public void setFocus() {
        tree.setFocus();
    }

    @Override
    public void dispose() {
        Workbench.studies().removeListener(listener);
        super.dispose();
    }
}
