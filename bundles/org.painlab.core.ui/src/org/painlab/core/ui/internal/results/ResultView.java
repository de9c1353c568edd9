package org.painlab.core.ui.internal.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.io.AtomicFiles;
import org.painlab.core.io.JsonText;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.UiJobs;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.core.ui.link.ItemLinksSection;

/**
 * One stored analysis result: its provenance (analysis, parameters, inputs hash, bundle
 * versions, who, when), its links and backlinks (notes about it, volumes it graded: link target
 * {@code result}) and its tables. Toolbar: re-run to check it reproduces, export as JSON.
 */
public final class ResultView extends ViewPart {
    public static final String ID = "org.painlab.core.ui.result";

    private Composite root;
    private ScrolledComposite scroller;
    private Composite content;
    private Text provenance;
    private Label status;
    private ItemLinksSection links;
    private Font bold;
    private Study study;
    private StoredResult result;
    private final List<DataGrid<List<String>>> grids = new ArrayList<>();

    @Override
    public void createPartControl(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        provenance = new Text(root, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP);
        provenance.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        status = new Label(root, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        links = new ItemLinksSection(root, getSite().getService(OpenStudies.class));
        links.control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        scroller = new ScrolledComposite(root, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        FontData fd = parent.getFont().getFontData()[0];
        bold = new Font(parent.getDisplay(), fd.getName(), fd.getHeight() + 1, SWT.BOLD);
        var toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(new Action("Check (re-run)") {
            @Override
            public void run() {
                check();
            }
        });
        toolbar.add(new Action("Export JSON...") {
            @Override
            public void run() {
                exportJson();
            }
        });
        show(null, null);
    }

    /**
     * Shows a stored result of a study.
     *
     * @param s the study
     * @param r the result, or null to clear the view
     */
    public void show(Study s, StoredResult r) {
        this.study = s;
        this.result = r;
        if (content != null) {
            content.dispose();
        }
        grids.clear();
        content = new Composite(scroller, SWT.NONE);
        content.setLayout(new GridLayout(1, false));
        status.setText("");
        if (r == null) {
            setPartName("Result");
            provenance.setText("Open a result from the Study Explorer (double-click it under Results).");
            links.clear("A result's links and backlinks (notes about it, items it refers to) show here.");
        } else {
            setPartName("Result " + r.id());
            provenance.setText(describe(r));
            links.show(s, "result", Long.toString(r.id()));
            List<ResultTables.TextTable> tables = ResultTables.of(r.body());
            if (tables.isEmpty()) {
                Text json = new Text(content, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP);
                json.setText(JsonText.write(r.body()));
                json.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            }
            for (ResultTables.TextTable t : tables) {
                addTable(t);
            }
        }
        scroller.setContent(content);
        scroller.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        root.layout(true, true);
    }

    private void addTable(ResultTables.TextTable t) {
        Label title = new Label(content, SWT.NONE);
        title.setText(t.title());
        title.setFont(bold);
        // a workbench grid: a result can have thousands of rows (features of every volume), and
        // its rows can be filtered, sorted, copied and exported like any other table
        DataGrid.Builder<List<String>> builder = DataGrid.<List<String>>builder().name(t.title());
        for (int i = 0; i < t.columns().size(); i++) {
            int column = i;
            builder.column(ColumnSpec.text("c" + i, t.columns().get(i), row -> column < row.size() ? row.get(column) : null));
        }
        DataGrid<List<String>> grid = builder.build(content);
        grid.setRows(t.rows());
        grids.add(grid);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        // every row in sight up to 400 pixels (headers, filter row and rows as the grid lays them out), then it scrolls
        gd.heightHint = Math.min(400, grid.control().getPreferredHeight() + 4);
        // the grid scrolls sideways itself: the page must not take its full width as its minimum
        gd.widthHint = 300;
        grid.control().setLayoutData(gd);
        if (!t.notes().isEmpty()) {
            Label notes = new Label(content, SWT.WRAP);
            notes.setText(String.join("\n", t.notes()));
            notes.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        }
    }

    private static String describe(StoredResult r) {
        return r.title() + "\nAnalysis " + r.analysisId() + ", stored " + r.created() + " by " + r.by()
                + "\nParameters " + parameters(r.parameters()) + "; inputs SHA-256 " + r.inputsHash()
                + "\nCode " + r.versions();
    }

    private static String parameters(Map<String, String> p) {
        if (p.isEmpty()) {
            return "(defaults)";
        }
        StringBuilder b = new StringBuilder();
        p.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append(", ");
            }
            // a plan is a whole JSON document: say how long instead of flooding the header
            b.append(k).append('=').append(v == null ? "" : v.length() <= 60 ? v : "(" + v.length() + " characters of JSON)");
        });
        return b.toString();
    }

    private void check() {
        Study s = study;
        StoredResult r = result;
        if (s == null || r == null) {
            return;
        }
        status.setText("Re-running " + r.analysisId() + "...");
        var display = root.getDisplay();
        Job job = new Job("Checking result " + r.id()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                String text;
                try {
                    AnalysisRunner.Check c = new AnalysisRunner().check(s, r.id(), monitor);
                    text = c.reproduced() ? "Re-run reproduces this result (same inputs, same numbers)."
                            : c.sameInputs() ? "Re-run gives DIFFERENT numbers on the same inputs."
                                    : "The inputs changed since this result was stored.";
                } catch (StudyException e) {
                    text = "Re-run failed: " + e.getMessage();
                }
                String shown = text;
                display.asyncExec(() -> {
                    if (!status.isDisposed() && result == r) {
                        status.setText(shown);
                        root.layout(true, true);
                    }
                });
                return Status.OK_STATUS;
            }
        };
        job.setUser(true);
        job.schedule();
    }

    private void exportJson() {
        StoredResult r = result;
        if (r == null) {
            return;
        }
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFileName("result-" + r.id() + ".json");
        d.setOverwrite(true);
        String file = d.open();
        if (file == null) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>(r.provenance());
        m.put("body", r.body());
        try {
            AtomicFiles.writeFile(Path.of(file), tmp -> Files.writeString(tmp, JsonText.write(m), StandardCharsets.UTF_8));
        } catch (IOException e) {
            MessageDialog.openError(getSite().getShell(), "Export", file + ": " + e.getMessage());
        }
    }

    /**
     * Opens a result by id: it is read in a job and shown when read (a result can hold large tables).
     *
     * @param s the study
     * @param id the result id
     * @return the job reading it
     */
    public Job show(Study s, long id) {
        status.setText("Reading result " + id + "...");
        return UiJobs.run("Reading result " + id + " of " + s.name(), root, monitor -> new ResultStore(s).get(id),
                r -> {
                    show(s, r.orElse(null));
                    if (r.isEmpty()) {
                        status.setText("No result " + id + " in " + s.name());
                    }
                }, e -> status.setText("Result " + id + " cannot be read: " + e.getMessage()));
    }

    /** @return the result shown, or null */
    public StoredResult result() {
        return result;
    }

    /** @return the grids of the result's tables, in order, for tests */
    public List<DataGrid<List<String>>> grids() {
        return List.copyOf(grids);
    }

    /** @return the links and backlinks of the result shown */
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

    /** @return the view's controls, for tests */
    public Control control() {
        return root;
    }

    @Override
    public void setFocus() {
        root.setFocus();
    }

    @Override
    public void dispose() {
        if (bold != null) {
            bold.dispose();
        }
        super.dispose();
    }
}
