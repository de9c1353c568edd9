package org.painlab.stats.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.jface.action.IAction;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.result.ResultStore;
import org.painlab.stats.plan.Comparison;
import org.painlab.core.data.VariableKind;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.chart.OutcomeSummary.MeanCi;
import org.painlab.stats.ui.internal.model.RowRef;
import org.painlab.stats.ui.internal.views.AnalysisView;
import org.painlab.stats.ui.internal.views.CiteReferencesDialog;
import org.painlab.stats.ui.internal.model.AnalysisSession;
import org.painlab.stats.ui.internal.views.ReportGrid;
import org.painlab.stats.ui.internal.model.ReportLine;
import org.painlab.core.ui.grid.DataGrid;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.ActionContributionItem;
import org.painlab.core.ui.ScreenCapture;

/** The Analysis view on the simulated demo trial, driven as a user would. */
class AnalysisViewTest {
    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            AnalysisFixture.studies().close(study);
        }
    }

    /** Opens the demo, shows the view and waits for its analysis (the view runs on a new study by itself). */
    private AnalysisView analysed(String name) throws Exception {
        IWorkbenchPage page = AnalysisFixture.clinical();
        study = AnalysisFixture.openDemo(tmp, name);
        AnalysisView view = (AnalysisView) page.showView(AnalysisView.ID);
        PaperReport before = view.report();
        view.run();
        awaitNewReport(view, before);
        return view;
    }

    private static PaperReport awaitNewReport(AnalysisView view, PaperReport before) throws Exception {
        AnalysisFixture.waitForJobs(AnalysisView.RUN_FAMILY);
        AnalysisFixture.processUntil(() -> view.report() != null && view.report() != before, 60_000);
        assertNotNull(view.report(), "the run produced a report");
        assertNotEquals(before, view.report(), "a new report is shown");
        return view.report();
    }

    /** VAS compared between groups at its last time point. */
    private static Predicate<RowRef> vasBetweenAtLast(AnalysisView view) {
        List<String> tps = view.session().data().variable("vas").timePoints();
        String last = tps.get(tps.size() - 1);
        return r -> r.row() != null && r.result() != null && r.result().comparison() == Comparison.BETWEEN
                && "vas".equals(r.result().selection().variable()) && last.equals(r.result().selection().timePoint());
    }

    @Test
    void runShowsTheTablesWithTestsAndReasons() throws Exception {
        AnalysisView view = analysed("run");
        ReportGrid tree = view.tree();
        assertEquals(5, tree.shownLines().stream().map(ReportLine::table).distinct().count(),
                "tables: " + view.report().tables().stream().map(t -> t.id()).toList());
        assertEquals(5, view.report().tables().size());
        ReportLine vas = tree.find(vasBetweenAtLast(view));
        assertNotNull(vas, "a VAS row at the last time point");
        String test = vas.cell(ReportLine.TEST_ID);
        String reason = vas.cell(ReportLine.WHY);
        DataGrid<ReportLine> grid = tree.grid();
        // the paper's layout: arms, then the comparison, then the test choice, under spanning headers
        assertEquals(List.of("Arms", "Between arms", "Test choice"), grid.columnGroups().get(0));
        DataGrid.ShownTableView shown = grid.shown();
        assertEquals(List.of("Table", "Variable", "Time point / level"), shown.headers().subList(0, 3), shown.headers().toString());
        assertTrue(shown.headers().contains("Between arms P") && shown.headers().contains("Test choice Why this test"),
                shown.headers().toString());
        assertTrue(shown.headers().get(3).startsWith("Arms Group "), shown.headers().toString());
        // the row header names the variable and the time point of the row
        assertTrue(vas.variable().toLowerCase(java.util.Locale.ROOT).contains("vas"), vas.toString());
        assertEquals(vas.ref().row().cells().get(0).plainText(), vas.level());
        int index = tree.shownLines().indexOf(vas);
        List<String> cells = shown.rows().get(index);
        assertEquals(vas.variable(), cells.get(1));
        assertEquals(reason, cells.get(cells.size() - 1), "the reason in the grid's last column");
        assertEquals(vas.cell("p"), cells.get(shown.headers().indexOf("Between arms P")));
        assertFalse(test.isBlank(), "a test is shown");
        assertTrue(List.of("t-student", "t-welch", "mann-whitney").contains(test), test);
        assertFalse(reason.isBlank(), "the reason is shown next to the result");
        assertTrue(reason.contains("Shapiro"), reason);
        assertFalse(vas.cell("p").isBlank(), "a P value is shown");
        assertTrue(view.simulatedLabel().contains("SIMULATED"), "the demo is simulated and says so");
        assertTrue(List.of(view.populations()).containsAll(List.of("ITT", "PP")), List.of(view.populations()).toString());
        // every body row with a comparison carries its reason
        assertTrue(view.report().results().stream().allMatch(r -> !r.choice().reason().isBlank()));
    }

    @Test
    void overridesChangeTheTestAndSaySo() throws Exception {
        AnalysisView view = analysed("override");
        ReportGrid tree = view.tree();
        RowRef ref = tree.find(vasBetweenAtLast(view)).ref();
        String forced = "mann-whitney".equals(ref.result().choice().testId()) ? "t-welch" : "mann-whitney";
        List<IAction> actions = view.useTestActions(ref);
        assertEquals(List.of("t-student", "t-welch", "mann-whitney", LargeSampleZTest.ID, "Automatic"),
                actions.stream().map(IAction::getText).toList(), "built-ins first, then contributed tests, then Automatic");
        assertTrue(actions.get(actions.size() - 1).isChecked(), "Automatic is in force before any override");
        // as a user does it: the row's context menu in the grid, "Use test", the forced test
        MenuManager menu = tree.grid().menuFor(tree.find(vasBetweenAtLast(view)));
        MenuManager use = subMenu(menu, "Use test");
        assertNotNull(use, "the row's menu offers its test: " + List.of(menu.getItems()));
        assertNotNull(subMenu(menu, "Use test for whole table"), "and the table's");
        IAction choice = null;
        for (IContributionItem item : use.getItems()) {
            if (item instanceof ActionContributionItem a && a.getAction().getText().equals(forced)) {
                choice = a.getAction();
            }
        }
        assertNotNull(choice, forced + " in " + List.of(use.getItems()));
        PaperReport before = view.report();
        choice.run();
        menu.dispose();
        awaitNewReport(view, before);
        ReportLine vas = tree.find(vasBetweenAtLast(view));
        assertEquals(forced, vas.cell(ReportLine.TEST_ID));
        assertTrue(vas.cell(ReportLine.WHY).contains("override"), vas.cell(ReportLine.WHY));
        assertTrue(view.useTestActions(vas.ref()).stream().anyMatch(a -> a.isChecked()
                && a.getText().equals(forced)), "the forced test is checked in the menu");

        // back to automatic, then the whole pain table forced to one test
        before = view.report();
        List<IAction> again = view.useTestActions(vas.ref());
        again.get(again.size() - 1).run();
        awaitNewReport(view, before);
        vas = tree.find(vasBetweenAtLast(view));
        assertFalse(vas.cell(ReportLine.WHY).contains("override"), vas.cell(ReportLine.WHY));
        RowRef row = vas.ref();
        List<IAction> table = view.tableTestActions(row);
        assertTrue(table.stream().map(IAction::getText).toList().contains("t-welch"));
        before = view.report();
        table.stream().filter(a -> a.getText().equals("t-welch")).findFirst().orElseThrow().run();
        awaitNewReport(view, before);
        vas = tree.find(vasBetweenAtLast(view));
        assertEquals("t-welch", vas.cell(ReportLine.TEST_ID));
        assertTrue(vas.cell(ReportLine.WHY).contains("override"), vas.cell(ReportLine.WHY));
    }

    @Test
    void aContributedTestIsOfferedWhereItFitsAndRuns() throws Exception {
        AnalysisView view = analysed("contributed");
        ReportGrid tree = view.tree();
        RowRef ref = tree.find(vasBetweenAtLast(view)).ref();
        List<IAction> actions = view.useTestActions(ref);
        assertTrue(actions.stream().anyMatch(a -> a.getText().equals(LargeSampleZTest.ID)),
                "the fragment's test (appliesTo two-groups-continuous) is offered on a two-arm continuous row");
        assertTrue(view.tableTestActions(ref).stream().anyMatch(a -> a.getText().equals(LargeSampleZTest.ID)),
                "and for the whole table");
        screenshotMenu(view, actions, "analysis-override-menu.png");

        ReportLine within = tree.find(r -> r.row() != null && r.result() != null && r.result().comparison() == Comparison.WITHIN);
        if (within != null) {
            assertFalse(view.useTestActions(within.ref()).stream().anyMatch(a -> a.getText().equals(LargeSampleZTest.ID)),
                    "not offered where it does not fit (paired comparison)");
        }
        ReportLine counts = tree.find(r -> r.row() != null && r.result() != null && r.result().comparison() == Comparison.BETWEEN
                && r.result().selection().kind() == VariableKind.BINARY);
        assertNotNull(counts, "a binary variable compared between arms");
        assertEquals(List.of("chi-square", "fisher", "Automatic"),
                view.useTestActions(counts.ref()).stream().map(IAction::getText).toList());

        PaperReport before = view.report();
        actions.stream().filter(a -> a.getText().equals(LargeSampleZTest.ID)).findFirst().orElseThrow().run();
        awaitNewReport(view, before);
        ReportLine vas = tree.find(vasBetweenAtLast(view));
        RowRef row = vas.ref();
        assertEquals(LargeSampleZTest.ID, vas.cell(ReportLine.TEST_ID));
        assertTrue(vas.cell(ReportLine.WHY).contains("override"), vas.cell(ReportLine.WHY));
        assertNotNull(row.result().result(), "the contributed test ran: " + row.result().error());
        assertEquals(LargeSampleZTest.ID, row.result().result().method());
        double p = row.result().pValue();
        assertTrue(p > 0 && p <= 1, "a P value: " + p);
        assertFalse(vas.cell("p").isBlank(), "the P value is shown");
    }

    /** Pops up the row's "Use test" choices as the context menu shows them, and saves a picture of the screen. */
    private static void screenshotMenu(AnalysisView view, List<IAction> actions, String name) throws Exception {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setSize(1500, 950);
        AnalysisFixture.processUntil(() -> false, 500);
        org.eclipse.jface.action.MenuManager use = new org.eclipse.jface.action.MenuManager();
        for (IAction a : actions) {
            if (a.getText().equals("Automatic")) {
                use.add(new org.eclipse.jface.action.Separator());
            }
            use.add(a);
        }
        org.eclipse.swt.widgets.Menu menu = use.createContextMenu(view.tree().control());
        Rectangle tree = view.tree().control().getDisplay().map(view.tree().control(), null, view.tree().control().getBounds());
        menu.setLocation(tree.x + 300, tree.y + 200);
        menu.setVisible(true);
        try {
            AnalysisFixture.processUntil(() -> false, 900);
            Path out = Path.of(System.getProperty("painlab.screenshot", "target/analysis.png")).toAbsolutePath().resolveSibling(name);
            ScreenCapture.save(shell.getDisplay(), shell.getDisplay().getBounds(), out);
            assertTrue(Files.size(out) > 10_000);
        } finally {
            menu.setVisible(false);
            use.dispose();
        }
    }

    @Test
    void exportOfTheGridIsWhatIsShown() throws Exception {
        AnalysisView view = analysed("grid-export");
        DataGrid<ReportLine> grid = view.tree().grid();
        int all = grid.shownRowCount();
        grid.setFilter(ReportLine.WHY, "Shapiro");
        Job.getJobManager().join(DataGrid.JOB_FAMILY, null);
        AnalysisFixture.processUntil(() -> grid.shownRowCount() < all, 10_000);
        int some = grid.shownRowCount();
        assertTrue(some > 0 && some < all, some + " of " + all + " rows give Shapiro-Wilk as the reason");
        Path csv = tmp.resolve("report-grid.csv");
        grid.export(csv);
        DataGrid.ShownTableView shown = grid.shown();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(some + 1, lines.size(), "a header line and the shown rows");
        assertEquals(csvLine(shown.headers()), lines.get(0));
        for (int i = 0; i < some; i++) {
            assertEquals(csvLine(shown.rows().get(i)), lines.get(i + 1), "row " + i);
            assertTrue(shown.rows().get(i).get(shown.rows().get(i).size() - 1).contains("Shapiro"));
        }
        grid.clearFilters();
        Job.getJobManager().join(DataGrid.JOB_FAMILY, null);
        AnalysisFixture.processUntil(() -> grid.shownRowCount() == all, 10_000);
        assertEquals(all, grid.shownRowCount());
    }

    /** @return the sub-menu of {@code menu} with that text, or null */
    private static MenuManager subMenu(MenuManager menu, String text) {
        for (IContributionItem item : menu.getItems()) {
            if (item instanceof MenuManager m && text.equals(m.getMenuText())) {
                return m;
            }
        }
        return null;
    }

    /** A line of RFC 4180 CSV as the grid writes it (formula-like text neutralised). */
    private static String csvLine(List<String> cells) {
        List<String> out = new java.util.ArrayList<>();
        for (String c : cells) {
            String v = c;
            boolean number;
            try {
                Double.parseDouble(c);
                number = true;
            } catch (NumberFormatException e) {
                number = false;
            }
            if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0 && !number) {
                v = "'" + c;
            }
            out.add(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return String.join(",", out);
    }

    @Test
    void populationSwitchReruns() throws Exception {
        AnalysisView view = analysed("population");
        PaperReport before = view.report();
        view.choosePopulation("PP");
        PaperReport pp = awaitNewReport(view, before);
        assertEquals("PP", pp.population());
        assertTrue(pp.tables().get(0).title().contains("(PP)"), pp.tables().get(0).title());
    }

    @Test
    void aCancelledRunStoresNothingAndKeepsTheTablesShown() throws Exception {
        AnalysisView view = analysed("cancel");
        PaperReport before = view.report();
        int stored = new ResultStore(study).list().size();
        // held back so the cancel lands before the run starts, whatever the machine's load;
        // cancelling inside the engine's loop is checked by PaperTablesCancelTest
        Job.getJobManager().suspend();
        try {
            view.choosePopulation("PP");
            view.cancelRun();
        } finally {
            Job.getJobManager().resume();
        }
        AnalysisFixture.waitForJobs(AnalysisView.RUN_FAMILY);
        AnalysisFixture.processUntil(() -> false, 300);
        assertEquals(stored, new ResultStore(study).list().size(), "a cancelled run stores nothing");
        assertEquals(before, view.report(), "the tables shown before stay");
        assertTrue(view.getContentDescription().contains("cancelled"), view.getContentDescription());
        ScreenCapture.save(view.getSite().getShell(), Path.of(System.getProperty("painlab.screenshot", "target/analysis.png"))
                .resolveSibling("analysis-cancelled.png"));
        PaperReport again = awaitNewReport(runAgain(view), before);
        assertEquals("PP", again.population(), "a run after the cancel works");
        assertEquals(stored + 1, new ResultStore(study).list().size());
    }

    private static AnalysisView runAgain(AnalysisView view) {
        view.run();
        return view;
    }

    @Test
    void exportsReportAndCharts() throws Exception {
        AnalysisView view = analysed("export");
        Path html = tmp.resolve("tables.html");
        view.exportReport(html);
        String text = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(text.contains("<table"), "an HTML table");
        assertTrue(text.contains("SIMULATED"), "the banner of simulated data");
        Path csv = tmp.resolve("tables.csv");
        view.exportReport(csv);
        assertTrue(Files.size(csv) > 500);

        assertNotNull(view.trajectory(), "VAS trajectory shown by default");
        assertEquals("vas", view.trajectory().variable());
        MeanCi m = view.trajectory().point(0, 0);
        assertTrue(m.n() > 10 && m.low() < m.mean() && m.mean() < m.high(), m.toString());

        List<Path> svg = view.exportCharts(tmp.resolve("vas.svg"));
        assertEquals(2, svg.size(), "trajectory and box plot");
        for (Path p : svg) {
            String s = Files.readString(p, StandardCharsets.UTF_8);
            assertTrue(s.startsWith("<?xml") && s.contains("<svg") && s.trim().endsWith("</svg>"), p.toString());
            assertTrue(s.contains("Group S") || s.contains("Group P"), "arm names in " + p);
        }
        assertTrue(Files.readString(svg.get(0)).contains("<polyline"), "lines per arm");
        assertTrue(Files.readString(svg.get(1)).contains("<rect"), "boxes");

        List<Path> png = view.exportCharts(tmp.resolve("vas.png"));
        for (Path p : png) {
            assertTrue(Files.size(p) > 5_000, p + " has " + Files.size(p) + " bytes");
            ImageData d = new ImageLoader().load(p.toString())[0];
            assertEquals(AnalysisView.EXPORT_HEIGHT, d.height);
        }
        // keep copies next to the screenshot for a human to look at
        Path target = Path.of(System.getProperty("painlab.screenshot", "target/analysis.png")).toAbsolutePath().getParent();
        Files.createDirectories(target);
        for (Path p : List.of(svg.get(0), svg.get(1), png.get(0), png.get(1))) {
            Files.copy(p, target.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void forestPlotOfEffectSizesExportsPngAndSvg() throws Exception {
        AnalysisView view = analysed("forest");
        assertTrue(view.effectKinds().contains("mean difference: vas"), view.effectKinds().toString());
        assertTrue(view.effectKinds().contains("Cohen's d"), "standardised kinds span the variables");
        assertNotNull(view.forest(), "a forest plot is shown after the run");
        assertEquals("mean difference: vas", view.forest().kind(), "the default: VAS, the primary outcome");
        assertTrue(view.forest().rows().stream().allMatch(r -> r.label().startsWith("vas")),
                "one variable's units only: " + view.forest().rows());
        assertEquals(0, view.forest().nullValue(), 0);
        assertFalse(view.forest().rows().isEmpty(), "rows of the chosen kind");
        Path target = Path.of(System.getProperty("painlab.screenshot", "target/analysis.png")).toAbsolutePath().getParent();
        Files.createDirectories(target);
        for (String kind : view.effectKinds()) {
            view.showEffectKind(kind);
            assertEquals(kind, view.forest().kind());
            String file = "forest-" + kind.replaceAll("[^A-Za-z0-9]+", "-");
            Path svg = tmp.resolve(file + ".svg");
            view.exportForest(svg);
            String s = Files.readString(svg, StandardCharsets.UTF_8);
            assertTrue(s.startsWith("<?xml") && s.contains("<svg") && s.trim().endsWith("</svg>"), svg.toString());
            assertTrue(s.contains(view.forest().rows().get(0).label().replace("&", "&amp;").replace("<", "&lt;")
                    .replace(">", "&gt;")) || s.contains("…"), "labels in " + svg);
            assertTrue(s.contains("stroke-dasharray"), "the null line");
            Path png = tmp.resolve(file + ".png");
            view.exportForest(png);
            assertTrue(Files.size(png) > 5_000, png + " has " + Files.size(png) + " bytes");
            ImageData d = new ImageLoader().load(png.toString())[0];
            assertEquals(AnalysisView.EXPORT_WIDTH, d.width);
            assertTrue(d.height >= AnalysisView.EXPORT_HEIGHT, "height " + d.height);
            // keep copies next to the screenshot for a human to look at
            Files.copy(svg, target.resolve(svg.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(png, target.resolve(png.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (view.effectKinds().stream().anyMatch(k -> k.contains("ratio"))) {
            view.showEffectKind(view.effectKinds().stream().filter(k -> k.contains("ratio")).findFirst().orElseThrow());
            assertEquals(1, view.forest().nullValue(), 0, "ratios compare with 1");
        }
    }

    @Test
    void analysisPerspectiveScreenshot() throws Exception {
        AnalysisView view = analysed("screenshot");
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setSize(1500, 1000);
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().activate(view);
        AnalysisFixture.processUntil(() -> false, 800);
        ReportLine vas = view.tree().find(vasBetweenAtLast(view));
        view.tree().select(vas);
        AnalysisFixture.processUntil(() -> false, 700);
        assertTrue(view.detail().contains("Why:") && view.detail().contains(vas.cell(ReportLine.WHY)), view.detail());
        Path out = Path.of(System.getProperty("painlab.screenshot", "target/analysis.png"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        capture(shell, out);
        assertTrue(Files.size(out) > 10_000);
        // at 1500 px the whole report's width is in the window, and the grid has most of the view's height
        var table = view.tree().grid().control();
        var gridLayer = (org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer) table.getLayer();
        var viewport = (org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer) ((org.eclipse.nebula.widgets.nattable.freeze.CompositeFreezeLayer) gridLayer
                .getBodyLayer()).getChildLayerByLayoutCoordinate(1, 1);
        int needed = gridLayer.getRowHeaderLayer().getWidth() + viewport.getScrollableLayer().getWidth();
        assertTrue(needed <= table.getClientArea().width, "no sideways scrolling: " + needed + " px in " + table.getClientArea().width + " for " + view.tree().grid().shown().headers());
        int shownLines = view.tree().shownLines().size();
        assertTrue(viewport.getRowCount() >= Math.min(shownLines, 12), viewport.getRowCount() + " of " + shownLines + " rows in sight");
        var tables = view.tree().control().getParent();
        assertTrue(tables.getSize().y >= 0.65 * tables.getParent().getSize().y, "the report has most of the height: " + tables.getSize().y + " of "
                + tables.getParent().getSize().y);
        // the forest plot's tab, in a second picture
        view.showForestTab();
        AnalysisFixture.processUntil(() -> false, 700);
        Path forest = out.resolveSibling("analysis-forest.png");
        capture(shell, forest);
        assertTrue(Files.size(forest) > 10_000);
    }

    private static void capture(Shell shell, Path out) throws java.io.IOException {
        ScreenCapture.save(shell, out);
    }
    @Test
    void citeReferencesListsTheLibraryAndTheReportCitesThem() throws Exception {
        AnalysisView view = analysed("cite");
        assertNull(view.openReferences(false), "the demo study has no library yet");
        assertTrue(view.noReferences().contains("no references yet"), view.noReferences());
        Files.writeString(study.filesFolder().resolve("library.tsv"), """
                huskisson1974\tHuskisson EC. Measurement of pain. Lancet. 1974;2(7889):1127-31.
                altman1999\tAltman DG, Bland JM. Treatment allocation in controlled trials: why randomise? BMJ. 1999;318:1209.
                price1983\tPrice DD, McGrath PA, Rafii A, Buckingham B. The validation of visual analogue scales as ratio scale measures for chronic and experimental pain. Pain. 1983;17:45-56.
                """);
        CiteReferencesDialog d = view.openReferences(false);
        assertNotNull(d, view.noReferences());
        assertEquals(List.of("huskisson1974", "altman1999", "price1983"), d.listed());
        d.choosePlace(CiteReferencesDialog.METHODS);
        d.check("altman1999", true);
        d.choosePlace("vas");
        d.check("huskisson1974", true);
        d.check("price1983", true);
        Shell dialogShell = d.getShell();
        dialogShell.setSize(760, 480);
        AnalysisFixture.processUntil(() -> false, 500);
        Path out = Path.of(System.getProperty("painlab.screenshot", "target/analysis.png")).toAbsolutePath()
                .resolveSibling("analysis-cite-references.png");
        capture(dialogShell, out);
        assertTrue(Files.size(out) > 5_000);
        PaperReport before = view.report();
        d.okPressed();
        PaperReport cited = awaitNewReport(view, before);
        assertEquals("(1)", cited.references().methods());
        assertEquals("(2,3)", cited.references().variables().get("vas"));
        assertEquals(List.of("altman1999", "huskisson1974", "price1983"), cited.references().keys());
        List<org.painlab.core.result.StoredResult> results = new ResultStore(study).list();
        assertEquals("altman1999", results.get(results.size() - 1).parameters().get("cite"),
                "the stored result keeps what it cites");
        Path html = tmp.resolve("cited.html");
        view.exportReport(html);
        String page = Files.readString(html);
        assertTrue(page.contains("Statistical methods as described in (1).") && page.contains("<h2>References</h2>")
                && page.contains("3. Price DD"), page);

        CiteReferencesDialog again = view.openReferences(false);
        again.choosePlace("vas");
        assertEquals(new AnalysisSession.Citing(List.of("altman1999"), java.util.Map.of("vas", List.of("huskisson1974", "price1983")),
                "vancouver"), again.choice(), "the dialog opens on what the report cites");
        again.close();
    }
}
