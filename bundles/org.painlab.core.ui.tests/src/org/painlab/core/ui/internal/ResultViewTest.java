package org.painlab.core.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.link.LinkTargets;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.core.ui.internal.results.ResultTables;
import org.painlab.core.ui.internal.results.ResultView;
import org.painlab.core.ui.internal.views.StudyExplorerView;
import org.painlab.core.ui.link.ItemLinksSection;

/** A stored result is listed under its study in the Study Explorer, and opening it shows its tables. */
class ResultViewTest {

    private static final Map<String, Object> BODY = Map.of("tables", List.of(Map.of(
            "title", "Table 2. Pain over time",
            "header", List.of(
                    Map.of("cells", List.of(Map.of("text", ""), Map.of("text", "VAS", "col_span", 2), Map.of("text", "P"))),
                    Map.of("cells", List.of(Map.of("text", "Visit"), Map.of("text", "S (n=40)"), Map.of("text", "P (n=37)"),
                            Map.of("text", "")))),
            "body", List.of(
                    Map.of("indent", 0, "cells", List.of(Map.of("text", "Admission"), Map.of("text", "7.1 ± 1.0"),
                            Map.of("text", "7.0 ± 1.1"), Map.of("text", "0.712"))),
                    Map.of("indent", 1, "cells", List.of(Map.of("text", "Day 3"), Map.of("text", "2.1 ± 0.8"),
                            Map.of("text", "3.0 ± 0.9"), Map.of("text", "<0.001")))),
            "footnotes", List.of("Welch's t test, two-sided."))));

    @Test
    void tablesOfAnyResultBecomeRowsOfText() {
        List<ResultTables.TextTable> tables = ResultTables.of(BODY);
        assertEquals(1, tables.size());
        ResultTables.TextTable t = tables.get(0);
        assertEquals(List.of("Visit", "VAS / S (n=40)", "VAS / P (n=37)", "P"), t.columns());
        assertEquals(List.of("  Day 3", "2.1 ± 0.8", "3.0 ± 0.9", "<0.001"), t.rows().get(1));
        assertEquals(List.of("Welch's t test, two-sided."), t.notes());
        assertEquals(List.of("a", "1", "2.5"), ResultTables.of(Map.of("tables", List.of(Map.of("title", "x",
                "header", List.of("name", "n", "mean"), "rows", List.of(List.of("a", 1.0, 2.5)))))).get(0).rows().get(0));
    }

    @Test
    void theExplorerListsResultsAndOpensOneWithItsTables() throws Exception {
        WorkbenchFixture.awaitStartup();
        Path dir = Files.createTempDirectory("painlab-results").resolve("study");
        StoredResult stored;
        try (Study s = Study.create(dir, "Results study", StudySchemas.contributed())) {
            stored = new ResultStore(s).add(new StoredResult(0, "org.painlab.stats.paperTables", "Tables of a paper (ITT)",
                    Map.of("population", "ITT"), "0f".repeat(32), Map.of("org.painlab.core", "0.1.0"), null, "dr.chen", BODY));
        }
        var studies = WorkbenchFixture.studies();
        Study study = studies.open(dir);
        studies.select(study, null);
        StudyExplorerView explorer = (StudyExplorerView) WorkbenchFixture.page().showView(StudyExplorerView.ID);
        org.eclipse.core.runtime.jobs.Job.getJobManager().join(org.painlab.core.ui.UiJobs.FAMILY, null);
        WorkbenchFixture.processEvents();
        explorer.viewer().expandAll();
        List<StudyExplorerView.ResultNode> nodes = new ArrayList<>();
        collect(explorer.viewer().getTree().getItems(), nodes);
        StudyExplorerView.ResultNode node = nodes.stream().filter(n -> n.study() == study).findFirst().orElse(null);
        assertNotNull(node, "the stored result is listed under its study");
        assertEquals(stored.id(), node.result().id());

        explorer.open(node);
        WorkbenchFixture.processEvents();
        ResultView view = (ResultView) WorkbenchFixture.page().findView(ResultView.ID);
        assertNotNull(view, "the Result view opened");
        assertEquals(stored.id(), view.result().id());
        // each table of the result is a workbench grid
        assertEquals(1, view.grids().size());
        var grid = view.grids().get(0);
        assertEquals(2, grid.shownRowCount());
        assertEquals("<0.001", grid.shown().rows().get(1).get(3));
        grid.setFilter(grid.columns().get(0).key(), "Day");
        org.eclipse.core.runtime.jobs.Job.getJobManager().join(org.painlab.core.ui.grid.DataGrid.JOB_FAMILY, null);
        WorkbenchFixture.processEvents();
        assertEquals(1, grid.shownRowCount(), "the filter row works on a result's table");
        grid.clearFilters();
        org.eclipse.core.runtime.jobs.Job.getJobManager().join(org.painlab.core.ui.grid.DataGrid.JOB_FAMILY, null);
        WorkbenchFixture.processEvents();

        var shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setSize(1280, 800);
        WorkbenchFixture.processUntil(() -> false, 800);
        assertTrue(grid.control().getSize().y >= grid.control().getPreferredHeight(),
                "a short table shows all its rows: " + grid.control().getSize().y + " px for " + grid.control().getPreferredHeight());
        Path png = Path.of(System.getProperty("painlab.screenshot", "target/workbench.png")).resolveSibling("result.png");
        org.painlab.core.ui.ScreenCapture.save(shell, png);
        assertTrue(Files.size(png) > 10_000, "screenshot " + png);
        studies.close(study);
    }

    @Test
    void theResultViewShowsTheResultsLinksAndBacklinksAndANewOneAtOnce() throws Exception {
        WorkbenchFixture.awaitStartup();
        Path dir = Files.createTempDirectory("painlab-result-links").resolve("study");
        StoredResult a;
        StoredResult b;
        StoredResult c;
        try (Study s = Study.create(dir, "Linked results", StudySchemas.contributed())) {
            ResultStore results = new ResultStore(s);
            a = results.add(result("Primary outcome (ITT)"));
            b = results.add(result("Per-protocol sensitivity analysis"));
            c = results.add(result("Subgroup by sex"));
            new LinkTargets().link(s, "result", Long.toString(b.id()), "result", Long.toString(a.id()), "dr.chen");
            // a link to a result since deleted, and one from an item whose plug-in is not installed here
            s.transaction(conn -> {
                try (java.sql.Statement st = conn.createStatement()) {
                    st.executeUpdate("INSERT INTO item_link(from_type, from_key, to_type, to_key, created_at) VALUES "
                            + "('result', '" + a.id() + "', 'result', '999', CURRENT_TIMESTAMP), "
                            + "('com.example.gadget', 'g1', 'result', '" + a.id() + "', CURRENT_TIMESTAMP)");
                }
                return null;
            });
        }
        var studies = WorkbenchFixture.studies();
        Study study = studies.open(dir);
        try {
            ResultView view = (ResultView) WorkbenchFixture.page().showView(ResultView.ID);
            ItemLinksSection links = view.getAdapter(ItemLinksSection.class);
            assertNotNull(links, "other plug-ins find the links section through getAdapter");
            view.show(study, a.id());
            WorkbenchFixture.processUntil(() -> links.items().size() == 3 && !links.loading(), 20_000);
            List<String> lines = links.lines();
            assertEquals(3, lines.size(), links.heading());
            assertEquals("linked from Result " + b.id() + ": Per-protocol sensitivity analysis", lines.get(0));
            assertEquals("links to result 999 (gone)", lines.get(1));
            assertTrue(lines.get(2).startsWith("linked from com.example.gadget g1 (unknown link target 'com.example.gadget'; installed: "),
                    lines.get(2));
            assertEquals("Links of result " + a.id() + ": 1 out, 2 in (backlinks)", links.heading());

            // a link stored elsewhere (another view, a job): one notice and the section reads its links again
            new LinkTargets().link(study, "result", Long.toString(a.id()), "result", Long.toString(c.id()), "dr.chen");
            studies.linksChanged(study);
            WorkbenchFixture.processUntil(() -> links.items().size() == 4 && !links.loading(), 20_000);
            assertEquals("links to Result " + c.id() + ": Subgroup by sex", links.lines().get(3));

            view.show(study, c.id());
            WorkbenchFixture.processUntil(() -> ("result:" + c.id()).equals(links.item()) && !links.loading(), 20_000);
            assertEquals(List.of("linked from Result " + a.id() + ": Primary outcome (ITT)"), links.lines());
            view.show(study, a.id());
            WorkbenchFixture.processUntil(() -> links.items().size() == 4 && !links.loading(), 20_000);
            var shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            shell.setSize(1280, 800);
            WorkbenchFixture.processUntil(() -> false, 500);
            Path png = Path.of(System.getProperty("painlab.screenshot", "target/workbench.png")).resolveSibling("result-links.png");
            org.painlab.core.ui.ScreenCapture.save(shell, png);
            assertTrue(Files.size(png) > 10_000, "screenshot " + png);
        } finally {
            studies.close(study);
        }
    }

    private static StoredResult result(String title) {
        return new StoredResult(0, "com.example.analysis", title, Map.of(), "0f".repeat(32), Map.of("org.painlab.core", "0.1.0"),
                null, "dr.chen", Map.of());
    }

    private static void collect(TreeItem[] items, List<StudyExplorerView.ResultNode> out) {
        for (TreeItem i : items) {
            if (i.getData() instanceof StudyExplorerView.ResultNode n) {
                out.add(n);
            }
            collect(i.getItems(), out);
        }
    }
}
