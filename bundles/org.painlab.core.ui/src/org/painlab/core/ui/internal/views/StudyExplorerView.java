package org.painlab.core.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.ui.OpenStudies;
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
    record ContentNode(Study study, String label, Object count) {
    }

    private TreeViewer viewer;
    private OpenStudies studies;
    private final OpenStudies.Listener listener = s -> refresh();
    private boolean updating;

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(new ContentProvider());
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                if (element instanceof Study s) {
                    return s.name() + "  [" + s.folder().getFileName() + "]";
                }
                if (element instanceof ContentNode n) {
                    return n.label() + ": " + n.count();
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
            Study s = first instanceof Study st ? st : first instanceof ContentNode n ? n.study() : null;
            if (s != null && studies.selected().orElse(null) != s) {
                studies.select(s, null);
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

    private void refresh() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        updating = true;
        try {
            viewer.setInput(studies.studies());
            viewer.expandAll();
            studies.selected().ifPresent(s -> viewer.setSelection(new StructuredSelection(s), true));
        } finally {
            updating = false;
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

    private static final class ContentProvider extends ArrayContentProvider implements ITreeContentProvider {
        @Override
        public Object[] getChildren(Object parent) {
            if (!(parent instanceof Study s)) {
                return new Object[0];
            }
            List<ContentNode> out = new ArrayList<>();
            try {
                for (Map.Entry<String, Object> e : s.info().counts().entrySet()) {
                    Object v = e.getValue();
                    out.add(new ContentNode(s, label(e.getKey()), v instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : v));
                }
            } catch (StudyException e) {
                out.add(new ContentNode(s, "error", e.getMessage()));
            }
            return out.toArray();
        }

        private static String label(String key) {
            String k = key.replace('_', ' ');
            return Character.toUpperCase(k.charAt(0)) + k.substring(1);
        }

        @Override
        public Object getParent(Object element) {
            return element instanceof ContentNode n ? n.study() : null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof Study;
        }
    }
}
