package org.painlab.mechanism.ui.internal.views;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.link.ItemLinksSection;
import org.painlab.mechanism.ModelLibrary;
import org.painlab.mechanism.ParameterLinks;
import org.painlab.mechanism.ui.internal.model.LoadedModel;
import org.painlab.mechanism.ui.internal.model.ModelCatalog;

/**
 * The models of the perspective: the installed ones (contributed to {@code org.painlab.mechanism.models})
 * and SBML files the user opened, each as a tree of compartments, species, parameters (value, units and the
 * source in its notes), reactions, rules and events. Selecting any row selects its model for the other
 * Mechanism views; selecting a parameter shows its links and backlinks in the selected study under the tree
 * (link target {@code parameter}: notes citing where its value comes from, results about it).
 */
public final class ModelOutlineView extends ViewPart {
    public static final String ID = "org.painlab.mechanism.ui.outline";
    /** Family of the jobs that read models. */
    public static final Object JOB_FAMILY = new Object();
    private final ModelCatalog catalog = new ModelCatalog();
    private final List<OutlineNode> roots = new ArrayList<>();
    private TreeViewer viewer;
    private Label status;
    private OpenStudies studies;
    private final OpenStudies.Listener studyListener = s -> parameterSelected();
    private ItemLinksSection links;
    /** The study and key whose links are shown, so a selection event that changes neither reads nothing. */
    private String linksShownFor = "";
    private Study linksStudy;

    @Override
    public void createPartControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        status = new Label(c, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText("Reading the installed models...");
        // the tree and the selected parameter's links share the height; the user moves the sash between them
        SashForm sash = new SashForm(c, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer = new TreeViewer(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        column("Name", 230, OutlineNode::label);
        column("Value", 200, OutlineNode::value);
        column("Units", 90, OutlineNode::units);
        column("Source / note", 600, OutlineNode::note);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object e) {
                return ((OutlineNode) e).children().toArray();
            }

            @Override
            public Object getParent(Object e) {
                return parentOf(roots, e);
            }

            @Override
            public boolean hasChildren(Object e) {
                return !((OutlineNode) e).children().isEmpty();
            }
        });
        // rows are compared by identity: two models may have rows that read alike
        viewer.setComparer(new org.eclipse.jface.viewers.IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return a == b;
            }

            @Override
            public int hashCode(Object e) {
                return System.identityHashCode(e);
            }
        });
        viewer.setInput(roots);
        getSite().setSelectionProvider(viewer);
        studies = getSite().getService(OpenStudies.class);
        links = new ItemLinksSection(sash, studies);
        sash.setWeights(55, 45);
        viewer.addSelectionChangedListener(e -> parameterSelected());
        studies.addListener(studyListener);
        parameterSelected();
        loadInstalled();
    }

    /** Shows the links of the selected parameter row in the selected study, or says why there are none. */
    private void parameterSelected() {
        if (links == null || links.control().isDisposed()) {
            return;
        }
        OutlineNode n = viewer.getSelection() instanceof IStructuredSelection ss && ss.getFirstElement() instanceof OutlineNode o ? o : null;
        Study study = studies.selected().orElse(null);
        String why = null;
        String key = null;
        if (n == null || n.parameter() == null || n.model() == null) {
            why = "Select a parameter to see its links and backlinks (notes on where its value comes from).";
        } else if (study == null) {
            why = "Open a study in the Study Explorer: links to parameter " + n.parameter() + " are kept in a study.";
        } else if (n.model().builtIn()) {
            key = ParameterLinks.key(n.model().source(), n.parameter());
        } else {
            key = ParameterLinks.fileKey(study.folder(), Path.of(n.model().source()), n.parameter()).orElse(null);
            if (key == null) {
                why = "The model file is outside the study folder: copy it into " + study.folder()
                        + " and open it from there to link to its parameters.";
            }
        }
        String shownFor = key == null ? why : key;
        if (shownFor.equals(linksShownFor) && study == linksStudy) {
            return;
        }
        linksShownFor = shownFor;
        linksStudy = study;
        if (key == null) {
            links.clear(why);
        } else {
            links.show(study, ParameterLinks.TARGET, key);
        }
    }

    /** The selected parameter's links and backlinks. */
    public ItemLinksSection links() {
        return links;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == ItemLinksSection.class) {
            return adapter.cast(links);
        }
        return super.getAdapter(adapter);
    }

    @Override
    public void dispose() {
        if (studies != null) {
            studies.removeListener(studyListener);
        }
        super.dispose();
    }

    private static OutlineNode parentOf(List<OutlineNode> nodes, Object child) {
        for (OutlineNode n : nodes) {
            if (n.children().stream().anyMatch(c -> c == child)) {
                return n;
            }
            OutlineNode deeper = parentOf(n.children(), child);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    private void column(String title, int width, java.util.function.Function<OutlineNode, String> text) {
        TreeViewerColumn col = new TreeViewerColumn(viewer, SWT.LEFT);
        col.getColumn().setText(title);
        col.getColumn().setWidth(width);
        col.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object e) {
                return text.apply((OutlineNode) e);
            }

            @Override
            public String getToolTipText(Object e) {
                OutlineNode n = (OutlineNode) e;
                return n.note().isEmpty() ? null : n.note();
            }
        });
    }

    private void loadInstalled() {
        Display display = viewer.getControl().getDisplay();
        Job job = new Job("Reading the installed mechanism models") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                List<ModelLibrary.Entry> entries = catalog.installed();
                monitor.beginTask(getName(), entries.size());
                List<OutlineNode> read = new ArrayList<>();
                List<String> problems = new ArrayList<>();
                for (ModelLibrary.Entry e : entries) {
                    if (monitor.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                    try {
                        read.add(OutlineTree.of(catalog.open(e)));
                    } catch (Exception x) {
                        problems.add(e.id() + ": " + x.getMessage());
                        ILog.of(ModelOutlineView.class).warn("model " + e.id() + " (" + e.contributor() + "): " + x.getMessage(), x);
                    }
                    monitor.worked(1);
                }
                display.asyncExec(() -> added(read, read.size() + " installed model" + (read.size() == 1 ? "" : "s")
                        + (problems.isEmpty() ? "" : "; not readable: " + String.join("; ", problems))
                        + ". File > Open Model... opens an SBML file.", false));
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.schedule();
    }

    /**
     * Reads an SBML file (in a job) and adds it to the outline, selected.
     *
     * @return the job
     */
    public Job open(Path file) {
        Display display = viewer.getControl().getDisplay();
        Job job = new Job("Reading " + file.getFileName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    LoadedModel lm = catalog.open(file);
                    display.asyncExec(() -> added(List.of(OutlineTree.of(lm)), "Opened " + file, true));
                    return Status.OK_STATUS;
                } catch (Exception e) {
                    display.asyncExec(() -> {
                        if (!status.isDisposed()) {
                            status.setText(e.getMessage());
                        }
                    });
                    return Status.OK_STATUS;
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.schedule();
        return job;
    }

    private void added(List<OutlineNode> nodes, String message, boolean selectLast) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        boolean first = roots.isEmpty();
        for (OutlineNode n : nodes) {
            roots.removeIf(r -> r.model().source().equals(n.model().source()));
            roots.add(n);
        }
        viewer.refresh();
        status.setText(message);
        if ((selectLast || first) && !nodes.isEmpty()) {
            OutlineNode n = selectLast ? nodes.get(nodes.size() - 1) : nodes.get(0);
            viewer.setExpandedState(n, true);
            viewer.setSelection(new StructuredSelection(n), true);
        }
    }

    /** The models shown, in order. */
    public List<OutlineNode> roots() {
        return List.copyOf(roots);
    }

    /** The message above the tree. */
    public String status() {
        return status.getText();
    }

    /** Selects the model whose source (library id or path) is {@code source}; false when not shown. */
    public boolean select(String source) {
        Optional<OutlineNode> n = roots.stream().filter(r -> r.model().source().equals(source)).findFirst();
        n.ifPresent(r -> {
            viewer.setExpandedState(r, true);
            viewer.setSelection(new StructuredSelection(r), true);
        });
        return n.isPresent();
    }

    /** Selects a row (tests, links), expanding its parents. */
    public void reveal(OutlineNode node) {
        viewer.setSelection(new StructuredSelection(node), true);
    }

    /** The model of the selected row, if any. */
    public Optional<LoadedModel> current() {
        return selected(viewer.getSelection());
    }

    /** The model a selection of outline rows points at. */
    static Optional<LoadedModel> selected(org.eclipse.jface.viewers.ISelection s) {
        if (s instanceof IStructuredSelection ss && ss.getFirstElement() instanceof OutlineNode n && n.model() != null) {
            return Optional.of(n.model());
        }
        return Optional.empty();
    }

    TreeViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
