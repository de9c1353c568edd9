package org.painlab.core.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.core.ui.internal.results.ResultView;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.UiJobs;
import org.painlab.core.ui.internal.actions.CloseStudyAction;
import org.painlab.core.ui.internal.actions.NewStudyAction;
import org.painlab.core.ui.internal.actions.OpenStudyAction;

/**
 * The open studies and what each holds. Selecting a study here selects it for the whole
 * workbench (every perspective), through {@link OpenStudies}.
 */
public final class StudyExplorerView extends ViewPart {
    public static final String ID = "org.painlab.core.ui.studyExplorer";

    /** A line under a study: one kind of content with its count. */
    record ContentNode(Study study, String key, String label, Object count) {
    }

    /** A stored analysis result, under the study's Results line; double-click opens it. */
    public record ResultNode(Study study, StoredResult result) {
    }

    private TreeViewer viewer;
    private OpenStudies studies;
    /** What the last job read: the children of each study and of each study's Results line. */
    private Map<Object, List<Object>> contents = Map.of();
    private final OpenStudies.Listener listener = s -> refresh();
    private boolean updating;

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(new ContentProvider(() -> contents));
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                if (element instanceof Study s) {
                    return s.name() + "  [" + s.folder().getFileName() + "]";
                }
                if (element instanceof ContentNode n) {
                    return n.label() + ": " + n.count();
                }
                if (element instanceof ResultNode r) {
                    return "#" + r.result().id() + " " + r.result().title() + "  (" + r.result().by() + ", "
                            + r.result().created().toString().substring(0, 16).replace('T', ' ') + ")";
                }
                return String.valueOf(element);
            }
        });
        // SWT.Selection is sent for the user's clicks only, never for refresh()'s own
        // setSelection (JFace's selection-changed event is, and GTK delivers it late).
        viewer.getTree().addListener(SWT.Selection, e -> {
            if (updating) {
                return;
            }
            Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
            Study s = first instanceof Study st ? st : first instanceof ContentNode n ? n.study()
                    : first instanceof ResultNode r ? r.study() : null;
            if (s != null && studies.selected().orElse(null) != s) {
                studies.select(s, null);
            }
        });
        viewer.addDoubleClickListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (first instanceof ResultNode r) {
                open(r);
            }
        });
        getSite().setSelectionProvider(viewer);
        MenuManager menu = new MenuManager();
        var window = getSite().getWorkbenchWindow();
        menu.add(new NewStudyAction(window));
        menu.add(new OpenStudyAction(window));
        menu.add(new CloseStudyAction(window));
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getViewSite().getActionBars().getToolBarManager().add(new OpenStudyAction(window));
        studies.addListener(listener);
        refresh();
    }

    /** Reads every open study's contents and results in a job, then shows them (tests join {@link UiJobs#FAMILY}). */
    private void refresh() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        List<Study> open = studies.studies();
        UiJobs.run("Reading the open studies", viewer.getControl(), monitor -> read(open), read -> {
            contents = read;
            updating = true;
            try {
                viewer.setInput(studies.studies());
                viewer.expandAll();
                studies.selected().ifPresent(s -> viewer.setSelection(new StructuredSelection(s), true));
            } finally {
                updating = false;
            }
        }, e -> ILog.of(getClass()).error("cannot read the open studies", e));
    }

    private static Map<Object, List<Object>> read(List<Study> open) {
        Map<Object, List<Object>> out = new java.util.HashMap<>();
        for (Study s : open) {
            List<Object> lines = new ArrayList<>();
            try {
                for (Map.Entry<String, Object> e : s.info().counts().entrySet()) {
                    Object v = e.getValue();
                    ContentNode n = new ContentNode(s, e.getKey(), label(e.getKey()),
                            v instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : v);
                    lines.add(n);
                    if (n.key().equals("results")) {
                        // newest first: the result a user just ran is at the top
                        List<Object> results = new ArrayList<>();
                        for (StoredResult r : new ResultStore(s).list().reversed()) {
                            results.add(new ResultNode(s, r));
                        }
                        out.put(n, results);
                    }
                }
            } catch (StudyException e) {
                lines.add(new ContentNode(s, "error", "error", e.getMessage()));
            }
            out.put(s, lines);
        }
        return out;
    }

    private static String label(String key) {
        String k = key.replace('_', ' ');
        return Character.toUpperCase(k.charAt(0)) + k.substring(1);
    }

    /**
     * Shows a stored result in the Result view.
     *
     * @param node the result
     */
    public void open(ResultNode node) {
        try {
            ResultView v = (ResultView) getSite().getPage().showView(ResultView.ID);
            v.show(node.study(), node.result());
        } catch (PartInitException e) {
            ILog.of(getClass()).error("cannot open the Result view", e);
        }
    }

    /** The tree viewer, for tests. */
    public TreeViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (studies != null) {
            studies.removeListener(listener);
        }
        super.dispose();
    }

    /** Children as read by the last job: the tree never reads the database itself. */
    private static final class ContentProvider extends ArrayContentProvider implements ITreeContentProvider {
        private final java.util.function.Supplier<Map<Object, List<Object>>> contents;

        ContentProvider(java.util.function.Supplier<Map<Object, List<Object>>> contents) {
            this.contents = contents;
        }

        @Override
        public Object[] getChildren(Object parent) {
            return contents.get().getOrDefault(parent, List.of()).toArray();
        }

        @Override
        public Object getParent(Object element) {
            return element instanceof ContentNode n ? n.study() : element instanceof ResultNode r ? r.study() : null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return !contents.get().getOrDefault(element, List.of()).isEmpty();
        }
    }
}
