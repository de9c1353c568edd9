package org.painlab.stats.ui.internal.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.cite.CitableReference;
import org.painlab.core.cite.CitationProvider;
import org.painlab.core.cite.CitationProviders;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.plan.TableSection;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.chart.BoxPlotChart;
import org.painlab.core.chart.Chart;
import org.painlab.stats.chart.EffectKinds;
import org.painlab.stats.chart.ForestChart;
import org.painlab.stats.chart.ForestRow;
import org.painlab.core.ui.chart.ChartFiles;
import org.painlab.core.ui.chart.GcPainter;
import org.painlab.stats.chart.TrajectoryChart;
import org.painlab.stats.ui.internal.model.AnalysisSession;
import org.painlab.stats.ui.internal.model.ApplicableTests;
import org.painlab.stats.chart.OutcomeSummary;
import org.painlab.stats.ui.internal.model.ReportLine;
import org.painlab.stats.ui.internal.model.RowRef;

/**
 * The analysis of the selected study: the paper's tables with the test chosen for every
 * comparison and the reason next to its result, the population (ITT/PP), per-row and per-table
 * test overrides (context menu), export of the report (html, docx, csv, tex, json, R), and the
 * outcome charts (mean ± CI over time, box plot at a time point) and the forest plot of one kind
 * of effect size (its own tab) with PNG/SVG export. Tables are
 * computed in a job so the workbench stays responsive on large studies.
 */
public final class AnalysisView extends ViewPart {
    public static final String ID = "org.painlab.stats.ui.analysis";
    /** Job family of runs and exports, so tests can wait for them. */
    public static final Object RUN_FAMILY = new Object();
    /** Size of exported charts, in pixels. */
    public static final int EXPORT_WIDTH = 900;
    public static final int EXPORT_HEIGHT = 540;
    private static final String AUTOMATIC = "Automatic";

    private OpenStudies studies;
    private Combo population;
    private Combo outcome;
    private Combo timePoint;
    private Label simulated;
    private Text detail;
    private ReportGrid tree;
    private Canvas trajectoryCanvas;
    private Canvas boxCanvas;
    private Canvas forestCanvas;
    private ScrolledComposite forestScroll;
    private Combo effectKind;
    private CTabFolder chartTabs;
    private Map<String, List<ForestRow>> effects = Map.of();
    private ForestChart forest;
    private Study shown;
    private AnalysisSession session;
    private PaperReport report;
    private TrajectoryChart trajectory;
    private BoxPlotChart boxPlot;
    private int runs;
    private Job running;
    private String noReferences;
    private final OpenStudies.Listener listener = s -> {
        // subject selections also notify; only a different study needs a new analysis
        if (s.selected().orElse(null) != shown) {
            studyChanged();
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        studies = getSite().getService(OpenStudies.class);
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        c.setLayout(layout);
        createControls(c);
        SashForm split = new SashForm(c, SWT.VERTICAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite tables = new Composite(split, SWT.NONE);
        GridLayout tl = new GridLayout(1, false);
        tl.marginWidth = 0;
        tl.marginHeight = 0;
        tables.setLayout(tl);
        tree = new ReportGrid(tables, line -> showDetail(), (line, m) -> fillMenu(line == null ? null : line.ref(), m));
        tree.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        // the reason of the selected row in full, however narrow the tree's column is
        detail = new Text(tables, SWT.READ_ONLY | SWT.WRAP | SWT.BORDER);
        GridData dd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        dd.heightHint = 2 * detail.getLineHeight();
        detail.setLayoutData(dd);
        chartTabs = new CTabFolder(split, SWT.BORDER | SWT.BOTTOM);
        SashForm charts = new SashForm(chartTabs, SWT.HORIZONTAL);
        trajectoryCanvas = chartCanvas(charts, () -> trajectory);
        boxCanvas = chartCanvas(charts, () -> boxPlot);
        charts.setWeights(60, 40);
        CTabItem outcomeTab = new CTabItem(chartTabs, SWT.NONE);
        outcomeTab.setText("Outcome over time");
        outcomeTab.setControl(charts);
        CTabItem forestTab = new CTabItem(chartTabs, SWT.NONE);
        forestTab.setText("Forest plot (effect sizes)");
        forestTab.setControl(createForest(chartTabs));
        chartTabs.setSelection(outcomeTab);
        // the report is what is read: most of the height; the sash gives the charts more when wanted
        split.setWeights(72, 28);
        createToolbar();
        studies.addListener(listener);
        studyChanged();
    }

    private void createControls(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setLayout(new GridLayout(9, false));
        new Label(bar, SWT.NONE).setText("Population:");
        population = new Combo(bar, SWT.READ_ONLY);
        population.addListener(SWT.Selection, e -> {
            if (session != null && population.getSelectionIndex() >= 0) {
                session.population(population.getText());
                run();
            }
        });
        Button run = new Button(bar, SWT.PUSH);
        run.setText("Run");
        run.addListener(SWT.Selection, e -> run());
        new Label(bar, SWT.NONE).setText("   Outcome:");
        outcome = new Combo(bar, SWT.READ_ONLY);
        outcome.addListener(SWT.Selection, e -> {
            fillTimePoints();
            updateCharts();
        });
        new Label(bar, SWT.NONE).setText("Box plot at:");
        timePoint = new Combo(bar, SWT.READ_ONLY);
        timePoint.addListener(SWT.Selection, e -> updateCharts());
        Button references = new Button(bar, SWT.PUSH);
        references.setText("Cite References...");
        references.setToolTipText("Choose references of the study's library to cite in the report (methods, variables) and the style");
        references.addListener(SWT.Selection, e -> openReferences(true));
        simulated = new Label(bar, SWT.NONE);
        simulated.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        simulated.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    private Composite createForest(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout l = new GridLayout(2, false);
        l.marginHeight = 2;
        c.setLayout(l);
        new Label(c, SWT.NONE).setText("Effect:");
        // one kind at a time: differences and ratios, d and r do not share a scale
        effectKind = new Combo(c, SWT.READ_ONLY);
        effectKind.addListener(SWT.Selection, e -> updateForest());
        // a report has dozens of comparisons: scroll rather than squeeze their lines together
        forestScroll = new ScrolledComposite(c, SWT.V_SCROLL);
        forestScroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        forestScroll.setExpandHorizontal(true);
        forestScroll.setExpandVertical(true);
        forestCanvas = chartCanvas(forestScroll, () -> forest);
        forestScroll.setContent(forestCanvas);
        return c;
    }

    private Canvas chartCanvas(Composite parent, java.util.function.Supplier<Chart> chart) {
        Canvas canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        canvas.addPaintListener(e -> {
            Chart ch = chart.get();
            var size = canvas.getClientArea();
            if (ch == null) {
                e.gc.drawText("Run the analysis to see the charts.", 10, 10);
                return;
            }
            GcPainter p = new GcPainter(e.gc);
            try {
                ch.paint(p, size.width, size.height);
            } finally {
                p.dispose();
            }
        });
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
        return canvas;
    }

    private void createToolbar() {
        var tb = getViewSite().getActionBars().getToolBarManager();
        tb.add(new Action("Run") {
            @Override
            public void run() {
                AnalysisView.this.run();
            }
        });
        tb.add(new Action("Cancel") {
            @Override
            public void run() {
                cancelRun();
            }
        });
        tb.add(new Action("Export Report...") {
            @Override
            public void run() {
                exportReportDialog();
            }
        });
        tb.add(new Action("Export Charts as PNG...") {
            @Override
            public void run() {
                exportChartsDialog("png");
            }
        });
        tb.add(new Action("Export Charts as SVG...") {
            @Override
            public void run() {
                exportChartsDialog("svg");
            }
        });
        tb.add(new Action("Export Forest Plot as PNG...") {
            @Override
            public void run() {
                exportForestDialog("png");
            }
        });
        tb.add(new Action("Export Forest Plot as SVG...") {
            @Override
            public void run() {
                exportForestDialog("svg");
            }
        });
    }

    /** The row's menu in the report grid: its test, then the whole table's. */
    private void fillMenu(RowRef ref, IMenuManager m) {
        if (ref == null || session == null) {
            return;
        }
        if (ref.result() != null) {
            MenuManager use = new MenuManager("Use test");
            useTestActions(ref).forEach(a -> {
                if (AUTOMATIC.equals(a.getText())) {
                    use.add(new Separator());
                }
                use.add(a);
            });
            m.add(use);
        }
        MenuManager table = new MenuManager("Use test for whole table");
        tableTestActions(ref).forEach(a -> {
            if (AUTOMATIC.equals(a.getText())) {
                table.add(new Separator());
            }
            table.add(a);
        });
        m.add(table);
    }

    /**
     * The "Use test" choices of a row: the tests that fit its comparison, then Automatic; the one
     * in force is checked. Running one adds the override to the plan and re-runs.
     *
     * @param ref a row with a comparison
     * @return the actions
     */
    public List<IAction> useTestActions(RowRef ref) {
        ComparisonResult r = ref.result();
        String variable = r.selection().variable();
        String current = session.variableOverride(variable, r.comparison());
        List<IAction> out = new ArrayList<>();
        List<String> choices = new ArrayList<>(ApplicableTests.of(r));
        choices.add(null);
        for (String test : choices) {
            IAction a = new Action(test == null ? AUTOMATIC : test, IAction.AS_RADIO_BUTTON) {
                @Override
                public void run() {
                    session.overrideVariable(variable, r.comparison(), test);
                    AnalysisView.this.run();
                }
            };
            a.setChecked(Objects.equals(current, test));
            out.add(a);
        }
        return out;
    }

    /**
     * @param ref any row of a table
     * @return the choices for the whole table: tests fitting its between-group comparisons, then Automatic
     */
    public List<IAction> tableTestActions(RowRef ref) {
        TableSection section = TableSection.parse(ref.table().id());
        String current = session.tableOverride(section);
        List<IAction> out = new ArrayList<>();
        List<String> choices = new ArrayList<>(ApplicableTests.ofTable(ref.table()));
        choices.add(null);
        for (String test : choices) {
            IAction a = new Action(test == null ? AUTOMATIC : test, IAction.AS_RADIO_BUTTON) {
                @Override
                public void run() {
                    session.overrideTable(section, test);
                    AnalysisView.this.run();
                }
            };
            a.setChecked(Objects.equals(current, test));
            out.add(a);
        }
        return out;
    }

    private void studyChanged() {
        if (tree == null || tree.control().isDisposed()) {
            return;
        }
        shown = studies.selected().orElse(null);
        session = null;
        show(null);
        population.removeAll();
        outcome.removeAll();
        timePoint.removeAll();
        simulated.setText("");
        if (shown == null) {
            setContentDescription("No study selected");
            return;
        }
        run();
    }

    /** Computes the tables of the selected study in a job, with the population and overrides chosen. */
    public void run() {
        if (tree == null || tree.control().isDisposed()) {
            return;
        }
        Study study = shown;
        if (study == null) {
            setContentDescription("No study selected");
            return;
        }
        AnalysisSession known = session;
        int run = ++runs;
        var display = tree.control().getDisplay();
        setContentDescription("Analysing " + study.name() + "...");
        Job job = new Job("Analysing " + study.name()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                SubMonitor sub = SubMonitor.convert(monitor, "Analysing " + study.name(), 4);
                try {
                    sub.subTask("Reading the trial data");
                    AnalysisSession s = known != null ? known : AnalysisSession.load(study);
                    sub.worked(1);
                    if (sub.isCanceled()) {
                        throw new OperationCanceledException();
                    }
                    sub.subTask("Choosing tests and computing the tables");
                    // every run a user makes is stored with its provenance (an identical re-run is not stored twice)
                    java.time.Instant started = java.time.Instant.now();
                    AnalysisSession.Stored stored = s.runAndStore(study, AuditActor.current(), sub.split(3));
                    PaperReport r = stored.report();
                    boolean newResult = !stored.result().created().isBefore(started);
                    display.asyncExec(() -> {
                        if (newResult) {
                            studies.refresh(); // the Study Explorer lists the new result
                        }
                        // a later run or another study wins: show only the newest result
                        if (run == runs && shown == study && !tree.control().isDisposed()) {
                            session = s;
                            show(r);
                        }
                    });
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    display.asyncExec(() -> {
                        if (run == runs && !tree.control().isDisposed()) {
                            // nothing was stored; the tables shown before (if any) stay
                            setContentDescription(study.name() + ": analysis cancelled, nothing stored");
                        }
                    });
                    return Status.CANCEL_STATUS;
                } catch (Exception e) {
                    display.asyncExec(() -> {
                        if (run == runs && !tree.control().isDisposed()) {
                            setContentDescription(study.name() + ": " + e.getMessage());
                        }
                    });
                    return Status.error("Analysis of " + study.name() + " failed: " + e.getMessage(), e);
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == RUN_FAMILY;
            }
        };
        running = job;
        IWorkbenchSiteProgressService progress = getSite().getService(IWorkbenchSiteProgressService.class);
        if (progress != null) {
            progress.schedule(job); // busy cursor and italic title on the view while it runs
        } else {
            job.schedule();
        }
    }

    /**
     * Cancels the running analysis (also possible from the Progress view): the engine stops
     * between tables, nothing is stored, and the tables shown before stay.
     */
    public void cancelRun() {
        Job job = running;
        if (job != null && job.getState() != Job.NONE) {
            job.cancel();
            if (!tree.control().isDisposed() && shown != null) {
                setContentDescription(shown.name() + ": analysis cancelled, nothing stored");
            }
        }
    }

    private void show(PaperReport r) {
        report = r;
        tree.show(r);
        detail.setText(r == null ? "" : "Select a row to read why its test was chosen; right-click it to choose another.");
        if (r == null) {
            trajectory = null;
            boxPlot = null;
            trajectoryCanvas.redraw();
            boxCanvas.redraw();
            effects = Map.of();
            effectKind.removeAll();
            updateForest();
            return;
        }
        if (population.getItemCount() == 0) {
            session.data().populations().forEach(population::add);
        }
        population.setText(session.population());
        if (outcome.getItemCount() == 0) {
            List<String> vars = OutcomeSummary.timedContinuous(session.data());
            vars.forEach(outcome::add);
            // VAS is the primary outcome of the trial (BRIEF §1)
            outcome.select(Math.max(0, vars.indexOf("vas")));
            fillTimePoints();
        }
        simulated.setText(r.simulated() ? "SIMULATED DATA: not for publication" : "");
        simulated.getParent().layout();
        List<String> sizes = new ArrayList<>();
        for (int i = 0; i < r.arms().size(); i++) {
            sizes.add(r.arms().get(i) + " n=" + r.armSizes().get(i));
        }
        setContentDescription(shown.name() + ": " + r.tables().size() + " tables, " + r.results().size()
                + " comparisons, " + r.population() + " (" + String.join(", ", sizes) + ")"
                + (r.simulated() ? "  (SIMULATED DATA)" : ""));
        updateCharts();
        fillEffectKinds();
    }

    /** Offers the kinds of the new report, keeping the chosen one if it is still there. */
    private void fillEffectKinds() {
        String chosen = effectKind.getText();
        effects = EffectKinds.of(report);
        effectKind.removeAll();
        effects.keySet().forEach(effectKind::add);
        int i = effectKind.indexOf(chosen);
        // the difference in VAS, the primary outcome (BRIEF §1), is what a reader looks for first
        effectKind.select(i >= 0 ? i : Math.max(0, effectKind.indexOf("mean difference: vas")));
        effectKind.getParent().layout();
        updateForest();
    }

    private void updateForest() {
        forest = null;
        if (report != null && effectKind.getSelectionIndex() >= 0) {
            String kind = effectKind.getText();
            forest = new ForestChart("Effect sizes: " + kind + " (" + report.population() + ")", kind,
                    effects.get(kind), report.simulated(), session.plan().confLevel());
        }
        forestScroll.setMinSize(0, forest == null ? 0 : forest.preferredHeight());
        forestCanvas.redraw();
    }

    /** @return the effect kinds offered for the forest plot */
    public List<String> effectKinds() {
        return List.of(effectKind.getItems());
    }

    /** Chooses the forest plot's effect kind, as the combo would. @param kind one of {@link #effectKinds()} */
    public void showEffectKind(String kind) {
        effectKind.select(effectKind.indexOf(kind));
        updateForest();
    }

    /** Brings the forest plot's tab to the front. */
    public void showForestTab() {
        chartTabs.setSelection(1);
    }

    /** @return the forest plot shown, or null */
    public ForestChart forest() {
        return forest;
    }

    /**
     * Writes the forest plot of the chosen effect kind, tall enough for all its rows.
     *
     * @param out a .png or .svg file
     * @throws IOException if it cannot be written
     */
    public void exportForest(Path out) throws IOException {
        if (forest == null) {
            throw new IllegalStateException("run the analysis first");
        }
        ChartFiles.write(forest, EXPORT_WIDTH, Math.max(EXPORT_HEIGHT, forest.preferredHeight()), out,
                tree.control().getDisplay());
    }

    private void exportForestDialog(String ext) {
        if (forest == null) {
            return;
        }
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { "*." + ext });
        d.setFileName("forest-" + forest.kind().replaceAll("[^A-Za-z0-9]+", "-") + "." + ext);
        d.setOverwrite(true);
        String target = d.open();
        if (target != null) {
            try {
                exportForest(Path.of(target));
            } catch (IOException | RuntimeException e) {
                MessageDialog.openError(getSite().getShell(), "Export forest plot", target + ": " + e.getMessage());
            }
        }
    }

    private void showDetail() {
        ReportLine line = tree.selected();
        RowRef ref = line == null ? null : line.ref();
        ComparisonResult r = ref == null ? null : ref.result();
        if (r == null) {
            detail.setText(ref == null ? "" : ref.table().title() + ": right-click a row to choose its test, or the"
                    + " test of the whole table.");
            return;
        }
        String where = r.selection().variable() + (r.selection().timePoint() == null ? ""
                : " @ " + r.selection().timePoint()) + (r.selection().arm() == null ? "" : ", group " + r.selection().arm());
        String test = line.cell(ReportLine.TEST_ID);
        String p = r.hasP() ? (r.pValue() < 0.001 ? "<0.001" : String.format(java.util.Locale.ROOT, "%.4f", r.pValue())) : "";
        detail.setText(where + ", " + r.comparison().id() + ": " + (test.isEmpty() ? "no test" : test)
                + (p.isEmpty() ? "" : ", P = " + p) + ". Why: " + line.cell(ReportLine.WHY));
    }

    /** @return the text of the detail line (the selected row's test and reason) */
    public String detail() {
        return detail.getText();
    }

    private void fillTimePoints() {
        timePoint.removeAll();
        if (session == null || outcome.getSelectionIndex() < 0) {
            return;
        }
        OutcomeSummary s = new OutcomeSummary(session.data(), session.plan(), report);
        List<String> tps = s.timePoints(outcome.getText());
        for (String tp : tps) {
            timePoint.add(s.timePointLabel(tp));
        }
        timePoint.setData(tps);
        timePoint.select(tps.size() - 1);
        timePoint.getParent().layout();
    }

    @SuppressWarnings("unchecked")
    private void updateCharts() {
        trajectory = null;
        boxPlot = null;
        if (session != null && report != null && outcome.getSelectionIndex() >= 0) {
            OutcomeSummary s = new OutcomeSummary(session.data(), session.plan(), report);
            String variable = outcome.getText();
            trajectory = new TrajectoryChart(s, variable);
            List<String> tps = (List<String>) timePoint.getData();
            if (tps != null && timePoint.getSelectionIndex() >= 0) {
                boxPlot = new BoxPlotChart(s, variable, tps.get(timePoint.getSelectionIndex()));
            }
        }
        trajectoryCanvas.redraw();
        boxCanvas.redraw();
    }

    /**
     * Selects the outcome of the charts, as the combo would.
     *
     * @param variable a continuous timed variable
     * @param timePointIndex index of the box plot's time point, or -1 for the last
     */
    public void showOutcome(String variable, int timePointIndex) {
        outcome.select(outcome.indexOf(variable));
        fillTimePoints();
        if (timePointIndex >= 0) {
            timePoint.select(timePointIndex);
        }
        updateCharts();
    }

    /**
     * Writes the report of the current plan (synchronously; the toolbar action runs it in a job).
     *
     * @param out the file; its extension picks the format
     * @return the report written
     * @throws IOException if it cannot be written
     */
    public PaperReport exportReport(Path out) throws IOException {
        if (session == null) {
            throw new IllegalStateException("run the analysis first");
        }
        try {
            return session.export(shown, out);
        } catch (StudyException e) {
            // the references cannot be cited any more (a key deleted, the provider uninstalled): say which
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Opens the Cite References dialog on the study's library, read through core's citation contract;
     * OK stores the choice in the session and runs the analysis again. Without a citation provider it
     * says what to install instead.
     *
     * @param block whether to wait for the dialog to close (false for tests)
     * @return the dialog, or null when there is nothing to cite from (the reason is shown)
     */
    public CiteReferencesDialog openReferences(boolean block) {
        if (session == null || report == null || shown == null) {
            setContentDescription("Run the analysis first, then choose the references it cites.");
            return null;
        }
        CitationProvider provider;
        List<CitableReference> library;
        try {
            provider = new CitationProviders().provider().orElse(null);
            library = provider == null ? List.of() : provider.library(shown);
        } catch (StudyException e) {
            setContentDescription(shown.name() + ": cannot read the library: " + e.getMessage());
            return null;
        }
        if (provider == null) {
            noReferences = CitationProviders.NONE;
        } else if (library.isEmpty()) {
            noReferences = shown.name() + ": the study's library has no references yet (import them in the Literature perspective"
                    + " or with painlab lit import)";
        } else {
            noReferences = null;
        }
        if (noReferences != null) {
            setContentDescription(noReferences);
            if (block) {
                MessageDialog.openInformation(getSite().getShell(), "Cite References", noReferences);
            }
            return null;
        }
        List<String> variables = new ArrayList<>();
        for (var r : report.results()) {
            String v = r.selection() == null ? null : r.selection().variable();
            if (v != null && !variables.contains(v)) {
                variables.add(v);
            }
        }
        CiteReferencesDialog d = new CiteReferencesDialog(getSite().getShell(), library, provider.styles(), variables,
                session.citing(), chosen -> {
                    session.citing(chosen);
                    run();
                });
        d.setBlockOnOpen(block);
        d.open();
        return d;
    }

    /** @return why the last {@link #openReferences} had nothing to offer, or null */
    public String noReferences() {
        return noReferences;
    }

    /**
     * Writes both charts: the trajectory to {@code out}, the box plot next to it with "-box" added.
     *
     * @param out a .png or .svg file
     * @return the two files written
     * @throws IOException if they cannot be written
     */
    public List<Path> exportCharts(Path out) throws IOException {
        if (trajectory == null) {
            throw new IllegalStateException("run the analysis first");
        }
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path box = out.resolveSibling(name.substring(0, dot) + "-box" + name.substring(dot));
        var display = tree.control().getDisplay();
        ChartFiles.write(trajectory, EXPORT_WIDTH, EXPORT_HEIGHT, out, display);
        List<Path> written = new ArrayList<>(List.of(out));
        if (boxPlot != null) {
            ChartFiles.write(boxPlot, EXPORT_WIDTH * 2 / 3, EXPORT_HEIGHT, box, display);
            written.add(box);
        }
        return written;
    }

    private void exportReportDialog() {
        if (session == null) {
            return;
        }
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { "*.html", "*.docx", "*.csv", "*.tex", "*.json", "*.R" });
        d.setFilterNames(new String[] { "HTML", "Word (docx)", "CSV", "LaTeX", "JSON", "R script" });
        d.setFileName("tables.html");
        d.setOverwrite(true);
        String target = d.open();
        if (target == null) {
            return;
        }
        Path out = Path.of(target);
        var display = getSite().getShell().getDisplay();
        Job job = new Job("Exporting " + out.getFileName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    exportReport(out);
                    return Status.OK_STATUS;
                } catch (IOException | RuntimeException e) {
                    display.asyncExec(() -> MessageDialog.openError(getSite().getShell(), "Export report",
                            out + ": " + e.getMessage()));
                    return Status.error(e.getMessage(), e);
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == RUN_FAMILY;
            }
        };
        job.schedule();
    }

    private void exportChartsDialog(String ext) {
        if (trajectory == null) {
            return;
        }
        FileDialog d = new FileDialog(getSite().getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { "*." + ext });
        d.setFileName(trajectory.variable() + "." + ext);
        d.setOverwrite(true);
        String target = d.open();
        if (target != null) {
            try {
                exportCharts(Path.of(target));
            } catch (IOException | RuntimeException e) {
                MessageDialog.openError(getSite().getShell(), "Export charts", target + ": " + e.getMessage());
            }
        }
    }

    /** @return the grid of tables, for tests */
    public ReportGrid tree() {
        return tree;
    }

    /** @return the report shown, or null */
    public PaperReport report() {
        return report;
    }

    /** @return the session (data, plan, overrides) of the study shown, or null before the first run */
    public AnalysisSession session() {
        return session;
    }

    /** @return the trajectory chart shown, or null */
    public TrajectoryChart trajectory() {
        return trajectory;
    }

    /** @return the box plot shown, or null */
    public BoxPlotChart boxPlot() {
        return boxPlot;
    }

    /** @return the simulated-data label's text */
    public String simulatedLabel() {
        return simulated.getText();
    }

    /** @return the population choices */
    public String[] populations() {
        return population.getItems();
    }

    /** Chooses a population as the combo would, and re-runs. @param name e.g. "PP" */
    public void choosePopulation(String name) {
        population.select(population.indexOf(name));
        population.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    @Override
    public void setFocus() {
        tree.control().setFocus();
    }

    @Override
    public void dispose() {
        if (studies != null) {
            studies.removeListener(listener);
        }
        super.dispose();
    }
}
