package org.painlab.core.ui.internal.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipFile;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.ui.ScreenCapture;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;

/** The shared grid in a window of its own, driven as a user would: filter, sort, copy, export, layout. */
class DataGridTest {
    /** A row as an area would have it. */
    record Patient(String id, String arm, Double vas0, Double odi0, Double vas4, Double odi4) {
    }

    @TempDir
    Path tmp;
    private Shell shell;
    private DataGrid<Patient> grid;
    private final AtomicReference<List<Patient>> selected = new AtomicReference<>(List.of());

    @BeforeEach
    void open() throws Exception {
        shell = new Shell(Display.getCurrent());
        shell.setLayout(new FillLayout());
        shell.setSize(900, 400);
        grid = build();
        shell.open();
        List<Patient> rows = new ArrayList<>();
        String[] arms = { "S", "P" };
        for (int i = 1; i <= 40; i++) {
            rows.add(new Patient(String.format("P%03d", i), arms[i % 2], (double) (i % 10), i % 7 == 0 ? null : 20.0 + i,
                    (double) (i % 5), 10.0 + i / 2));
        }
        rows.add(new Patient("=HYPERLINK(\"x\")", "S", 1.0, 1.0, 1.0, 1.0));
        grid.load("test rows", () -> rows, null);
        waitFor(() -> grid.shownRowCount() == 41);
    }

    private DataGrid<Patient> build() {
        return DataGrid.<Patient>builder().name("Patients")
                .column(ColumnSpec.text("id", "Subject", Patient::id))
                .column(ColumnSpec.text("arm", "Arm", Patient::arm))
                .column(ColumnSpec.<Patient>number("vas0", "VAS", Patient::vas0).under("Baseline", "Pain"))
                .column(ColumnSpec.<Patient>number("odi0", "ODI", Patient::odi0).under("Baseline", "Disability"))
                .column(ColumnSpec.<Patient>number("vas4", "VAS", Patient::vas4).under("Week 4", "Pain"))
                .column(ColumnSpec.<Patient>number("odi4", "ODI", Patient::odi4).under("Week 4", "Disability"))
                .frozenColumns(2).onSelection(selected::set).build(shell);
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void spanningGroupHeadersOnTwoLevels() throws Exception {
        assertEquals(List.of(List.of("Baseline", "Week 4"), List.of("Pain", "Disability", "Pain", "Disability")), grid.columnGroups());
        waitFor(() -> false, 500);
        Path png = Path.of(System.getProperty("painlab.screenshot", "target/workbench.png")).resolveSibling("grid.png");
        ScreenCapture.save(shell, png);
        assertTrue(Files.size(png) > 5_000);
    }

    @Test
    void filterRowMatchesTextNumbersAndRangesTogether() throws Exception {
        grid.setFilter("arm", "= S");
        settle();
        assertEquals(21, grid.shownRowCount());
        assertTrue(grid.shown().rows().stream().allMatch(r -> r.get(1).equals("S")));
        grid.setFilter("vas0", "3..5");
        settle();
        List<List<String>> rows = grid.shown().rows();
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> r.get(1).equals("S") && Double.parseDouble(r.get(2)) >= 3 && Double.parseDouble(r.get(2)) <= 5), rows.toString());
        grid.clearFilters();
        settle();
        assertEquals(41, grid.shownRowCount());
    }

    @Test
    void multiColumnSortKeepsTheFirstKeyFirst() throws Exception {
        grid.sort("arm", true, false);
        grid.sort("odi0", false, true);
        settle();
        List<List<String>> rows = grid.shown().rows();
        assertEquals("P", rows.get(0).get(1));
        assertEquals("S", rows.get(rows.size() - 1).get(1));
        List<String> odiInP = rows.stream().filter(r -> r.get(1).equals("P")).map(r -> r.get(3)).toList();
        List<String> empties = odiInP.stream().filter(String::isEmpty).toList();
        assertEquals(empties, odiInP.subList(0, empties.size()), "empty cells sort last ascending, so first descending: " + odiInP);
        List<Double> values = odiInP.subList(empties.size(), odiInP.size()).stream().map(Double::valueOf).toList();
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i - 1) >= values.get(i), "ODI descending within arm P: " + values);
        }
    }

    @Test
    void namedRowsAreExportedAndTheRowMenuActsOnTheRowItWasOpenedFor() throws Exception {
        shell.dispose();
        shell = new Shell(Display.getCurrent());
        shell.setLayout(new FillLayout());
        List<String> acted = new ArrayList<>();
        DataGrid<Patient> named = DataGrid.<Patient>builder().name("Named")
                .column(ColumnSpec.<Patient>number("vas0", "VAS", Patient::vas0).under("Baseline"))
                .rowHeaders(List.of("Subject", "Arm"), p -> List.of(p.id(), p.arm())).rowHeaderWidths(90, 40)
                .rowAction("Open", p -> acted.add("open " + p.id()))
                .rowMenu((p, menu) -> {
                    org.eclipse.jface.action.MenuManager sub = new org.eclipse.jface.action.MenuManager("Mark " + p.id());
                    sub.add(new org.eclipse.jface.action.Action("as seen") {
                        @Override
                        public void run() {
                            acted.add("seen " + p.id());
                        }
                    });
                    menu.add(sub);
                }).build(shell);
        shell.open();
        named.setRows(List.of(new Patient("P001", "S", 3.0, null, null, null), new Patient("P002", "P", 5.0, null, null, null)));
        waitFor(() -> named.shownRowCount() == 2);
        assertEquals(List.of("Subject", "Arm", "Baseline VAS"), named.shown().headers());
        // the corner names the row header columns on the row of the column labels (under the group row)
        assertEquals("Subject", String.valueOf(named.control().getDataValueByPosition(0, 1)));
        assertEquals("Arm", String.valueOf(named.control().getDataValueByPosition(1, 1)));
        assertEquals("", String.valueOf(named.control().getDataValueByPosition(0, 0)), "not on the group row");
        assertEquals("", String.valueOf(named.control().getDataValueByPosition(0, 2)), "nor on the filter row");
        waitFor(() -> false, 300);
        ScreenCapture.save(shell, Path.of(System.getProperty("painlab.screenshot", "target/workbench.png")).resolveSibling("grid-named.png"));
        assertEquals(List.of("P002", "P", "5"), named.shown().rows().get(1));
        Path csv = tmp.resolve("named.csv");
        named.export(csv);
        assertEquals(List.of("Subject,Arm,Baseline VAS", "P001,S,3", "P002,P,5"), Files.readAllLines(csv, StandardCharsets.UTF_8));

        org.eclipse.jface.action.MenuManager menu = named.menuFor(named.shownRow(1));
        List<String> entries = java.util.Arrays.stream(menu.getItems()).filter(i -> !i.isSeparator())
                .map(i -> i instanceof org.eclipse.jface.action.ActionContributionItem a ? a.getAction().getText()
                        : ((org.eclipse.jface.action.MenuManager) i).getMenuText()).toList();
        assertEquals(List.of("Open", "Mark P002", "Copy\tCtrl+C", "Export what is shown..."), entries);
        ((org.eclipse.jface.action.ActionContributionItem) menu.getItems()[0]).getAction().run();
        org.eclipse.jface.action.MenuManager sub = (org.eclipse.jface.action.MenuManager) menu.getItems()[1];
        ((org.eclipse.jface.action.ActionContributionItem) sub.getItems()[0]).getAction().run();
        menu.dispose();
        assertEquals(List.of("open P002", "seen P002"), acted);
    }

    @Test
    void selectionIsReportedAndCopiedAsTabSeparatedText() throws Exception {
        grid.sort("id", true, false);
        settle();
        grid.selectRows(0, 1);
        settle();
        assertEquals(List.of("=HYPERLINK(\"x\")", "P001"), selected.get().stream().map(Patient::id).toList());
        String text = grid.selectedText();
        String[] lines = text.split("\\R");
        assertEquals(2, lines.length, text);
        assertEquals("P001\tP\t1\t21\t1\t10", lines[1]);
        grid.copySelection();
        Clipboard cb = new Clipboard(Display.getCurrent());
        try {
            assertEquals(text, cb.getContents(TextTransfer.getInstance()));
        } finally {
            cb.dispose();
        }
    }

    @Test
    void exportWritesExactlyWhatIsShown() throws Exception {
        grid.setFilter("arm", "= S");
        grid.sort("vas0", false, false);
        grid.hideColumn("odi4");
        grid.moveColumn("vas4", 2);
        settle();
        var shown = grid.shown();
        assertEquals(List.of("Subject", "Arm", "Week 4 Pain VAS", "Baseline Pain VAS", "Baseline Disability ODI"), shown.headers());
        Path csv = tmp.resolve("shown.csv");
        grid.export(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(shown.rows().size() + 1, lines.size());
        assertEquals(String.join(",", shown.headers()), lines.get(0));
        for (int i = 0; i < shown.rows().size(); i++) {
            List<String> row = shown.rows().get(i);
            String expected = String.join(",", row.stream().map(c -> c.startsWith("=") ? "\"'" + c.replace("\"", "\"\"") + "\"" : c).toList());
            assertEquals(expected, lines.get(i + 1), "row " + i);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("\"'=HYPERLINK")), "formula neutralised: " + lines);

        Path xlsx = tmp.resolve("shown.xlsx");
        grid.export(xlsx);
        try (ZipFile zip = new ZipFile(xlsx.toFile()); InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
            String sheet = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(shown.rows().size() + 1, sheet.split("<row ").length - 1);
            assertTrue(sheet.contains("<t xml:space=\"preserve\">Week 4 Pain VAS</t>"), sheet);
            assertFalse(sheet.contains("<f>"), "no formulas");
            String first = shown.rows().get(0).get(0);
            assertTrue(sheet.indexOf(first) < sheet.indexOf(shown.rows().get(1).get(0)), "sorted order kept");
        }
    }

    @Test
    void layoutIsRememberedPerFile() throws Exception {
        Path state = tmp.resolve("state/grid.properties");
        grid.rememberStateIn(state);
        grid.hideColumn("odi0");
        grid.moveColumn("vas4", 2);
        grid.saveState();
        assertTrue(Files.isRegularFile(state));
        shell.dispose();
        shell = new Shell(Display.getCurrent());
        shell.setLayout(new FillLayout());
        grid = build();
        grid.rememberStateIn(state);
        assertEquals(List.of("id", "arm", "vas4", "vas0", "odi4"), grid.shownColumns().stream().map(ColumnSpec::key).toList());
        grid.rememberStateIn(tmp.resolve("state/another-study.properties"));
        assertEquals(List.of("id", "arm", "vas0", "odi0", "vas4", "odi4"), grid.shownColumns().stream().map(ColumnSpec::key).toList(),
                "a study without a saved layout starts from the default one");
    }

    @Test
    void filterAndSortOf20000RowsRunOffTheUiThread() throws Exception {
        shell.dispose();
        shell = new Shell(Display.getCurrent());
        shell.setLayout(new FillLayout());
        shell.setSize(700, 400);
        Thread ui = Thread.currentThread();
        java.util.Set<Thread> readers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger onUi = new java.util.concurrent.atomic.AtomicInteger();
        // a hidden column is never painted: whoever reads it is sorting or filtering
        ColumnSpec<Patient> probe = ColumnSpec.number("probe", "Probe", p -> {
            readers.add(Thread.currentThread());
            if (Thread.currentThread() == ui) {
                onUi.incrementAndGet();
            }
            return p.vas0();
        });
        DataGrid<Patient> big = DataGrid.<Patient>builder().name("Big").column(ColumnSpec.text("id", "Subject", Patient::id))
                .column(ColumnSpec.text("arm", "Arm", Patient::arm)).column(probe).frozenColumns(1).build(shell);
        shell.open();
        big.hideColumn("probe");
        List<Patient> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(new Patient(String.format("B%05d", i), i % 3 == 0 ? "S" : "P", (double) ((i * 7919) % 101), null, null, null));
        }
        big.load("big rows", () -> rows, null);
        waitFor(() -> big.shownRowCount() == 20_000);

        big.sort("probe", false, false);
        big.sort("id", true, true);
        settle();
        assertEquals(100.0, big.shownRow(0).vas0());
        assertEquals(0.0, big.shownRow(19_999).vas0());
        assertTrue(big.shownRow(0).id().compareTo(big.shownRow(1).id()) < 0, "ties ordered by the second key");
        big.setFilter("probe", ">=50");
        big.setFilter("arm", "= S");
        settle();
        long expected = rows.stream().filter(p -> p.vas0() >= 50 && p.arm().equals("S")).count();
        assertEquals(expected, big.shownRowCount());
        for (int i = 1; i < big.shownRowCount(); i++) {
            assertTrue(big.shownRow(i - 1).vas0() >= big.shownRow(i).vas0(), "still sorted after filtering, row " + i);
        }
        assertFalse(readers.isEmpty(), "the probe column was read for sorting and filtering");
        assertEquals(0, onUi.get(), "sorting and filtering read no cell on the UI thread; read by " + readers);
        assertFalse(readers.contains(ui));
    }

    @Test
    void frozenColumnsStayWhenAFarColumnIsShown() throws Exception {
        shell.dispose();
        shell = new Shell(Display.getCurrent());
        shell.setLayout(new FillLayout());
        shell.setSize(700, 400);
        DataGrid.Builder<Patient> b = DataGrid.<Patient>builder().name("Wide").column(ColumnSpec.text("id", "Subject", Patient::id))
                .column(ColumnSpec.text("arm", "Arm", Patient::arm));
        for (int v = 0; v < 30; v++) {
            b.column(ColumnSpec.<Patient>number("vas" + v, "VAS", Patient::vas0).under("Visit " + v));
        }
        DataGrid<Patient> wide = b.frozenColumns(2).build(shell);
        shell.open();
        wide.setRows(List.of(new Patient("P001", "S", 3.0, null, null, null), new Patient("P002", "P", 5.0, null, null, null)));
        waitFor(() -> false, 300);
        org.eclipse.nebula.widgets.nattable.NatTable table = wide.control();
        int last = wide.shownColumns().size() - 1;
        var body = (org.eclipse.nebula.widgets.nattable.freeze.CompositeFreezeLayer) ((org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer) table
                .getLayer()).getBodyLayer();
        assertTrue(body.isFrozen(), "the first two columns are frozen once rows are shown");
        assertEquals(2, body.getChildLayerByLayoutCoordinate(0, 0).getColumnCount());
        table.doCommand(new org.eclipse.nebula.widgets.nattable.viewport.command.ShowColumnInViewportCommand(last));
        waitFor(() -> false, 500);
        ScreenCapture.save(shell, Path.of(System.getProperty("painlab.screenshot", "target/workbench.png")).resolveSibling("grid-frozen-far.png"));
        // NatTable positions: the row header first, then the frozen columns, then the scrolled ones
        assertEquals(0, table.getColumnIndexByPosition(1), "Subject still painted first");
        assertEquals(1, table.getColumnIndexByPosition(2), "Arm still painted second");
        assertEquals("P001", String.valueOf(table.getDataValueByPosition(1, 3)));
        int shownLast = table.getColumnIndexByPosition(table.getColumnCount() - 1);
        assertTrue(shownLast == last || table.getColumnIndexByPosition(table.getColumnCount() - 2) == last,
                "the far column is in view: " + shownLast);
        assertTrue(table.getColumnIndexByPosition(3) > 2, "the columns after the frozen ones scrolled");
        int x = table.getStartXOfColumnPosition(1);
        assertTrue(x > 0 && x < 80, "Subject starts right after the row header: " + x);
    }

    @Test
    void everyCellIsFoundInItsRegionAsTheHeadersChange() throws Exception {
        org.eclipse.nebula.widgets.nattable.NatTable table = grid.control();
        assertTrue(table.getLayer() instanceof WorkbenchGridLayer);
        waitFor(() -> false, 300);
        // two group levels, the labels and the filter row above the body; the row numbers left of it
        checkRegions(table, 4);
        grid.hideColumn("vas0");
        grid.setFilter("arm", "= P");
        settle();
        waitFor(() -> false, 300);
        assertEquals(20, grid.shownRowCount());
        checkRegions(table, 4);
        // hiding a whole top-level group leaves its level in place: still four header rows
        grid.hideColumn("odi0");
        grid.clearFilters();
        settle();
        waitFor(() -> false, 300);
        checkRegions(table, 4);
    }

    /** Each position of the NatTable reads from the region a plain NatTable grid would give it, body cells from the row shown there. */
    private void checkRegions(org.eclipse.nebula.widgets.nattable.NatTable table, int headerRows) {
        List<ColumnSpec<Patient>> shownColumns = grid.shownColumns();
        assertTrue(table.getRowCount() > headerRows && table.getRowCount() - headerRows <= grid.shownRowCount(), "rows: " + table.getRowCount());
        assertEquals(1 + shownColumns.size(), table.getColumnCount());
        for (int r = 0; r < table.getRowCount(); r++) {
            for (int c = 0; c < table.getColumnCount(); c++) {
                org.eclipse.nebula.widgets.nattable.layer.cell.ILayerCell cell = table.getCellByPosition(c, r);
                org.eclipse.nebula.widgets.nattable.layer.LabelStack labels = cell.getConfigLabels();
                String at = "(" + c + ", " + r + "): " + labels;
                if (r < headerRows && c == 0) {
                    assertTrue(labels.hasLabel(org.eclipse.nebula.widgets.nattable.grid.GridRegion.CORNER), at);
                } else if (r < headerRows) {
                    assertFalse(labels.hasLabel(org.eclipse.nebula.widgets.nattable.grid.GridRegion.BODY), at);
                    assertFalse(labels.hasLabel(org.eclipse.nebula.widgets.nattable.grid.GridRegion.ROW_HEADER), at);
                    if (r == headerRows - 2) {
                        assertEquals(shownColumns.get(c - 1).label(), cell.getDataValue(), at);
                    }
                } else if (c == 0) {
                    assertTrue(labels.hasLabel(org.eclipse.nebula.widgets.nattable.grid.GridRegion.ROW_HEADER), at);
                } else {
                    assertTrue(labels.hasLabel(org.eclipse.nebula.widgets.nattable.grid.GridRegion.BODY), at);
                    assertEquals(shownColumns.get(c - 1).value().apply(grid.shownRow(r - headerRows)), cell.getDataValue(), at);
                }
            }
        }
        assertEquals(null, table.getCellByPosition(table.getColumnCount(), 0));
        assertEquals(null, table.getCellByPosition(0, table.getRowCount()));
    }

    @Test
    void warmUpLoadsTheGridClassesOffTheUiThreadAndGridsStillWork() throws Exception {
        GridWarmUp warmUp = new GridWarmUp();
        warmUp.schedule();
        warmUp.join(60_000, null);
        assertTrue(warmUp.getResult() != null && warmUp.getResult().isOK(), "warm-up finished: " + warmUp.getResult());
        assertTrue(warmUp.loadedClasses() > 1000, "classes loaded: " + warmUp.loadedClasses());
        assertTrue(warmUp.collectionsClasses() > 100, "Eclipse Collections classes loaded: " + warmUp.collectionsClasses());
        assertTrue(warmUp.failedClasses() * 20 < warmUp.loadedClasses(), "classes failing: " + warmUp.failedClasses());
        // the header icons are extracted from NatTable's jar off the UI thread (the first grid used to copy them out on it)
        assertEquals(19, warmUp.extractedImages(), "NatTable images extracted");
        // a grid built after it paints and filters as before
        DataGrid<Patient> second = build();
        shell.layout(true, true);
        second.setRows(List.of(new Patient("Q001", "S", 1.0, 2.0, 3.0, 4.0), new Patient("Q002", "P", 5.0, 6.0, 7.0, 8.0)));
        second.setFilter("arm", "= P");
        settle();
        assertEquals(1, second.shownRowCount());
        assertEquals("Q002", second.shown().rows().get(0).get(0));
    }

    private static void settle() throws InterruptedException {
        Job.getJobManager().join(DataGrid.JOB_FAMILY, null);
        waitFor(() -> false, 300);
    }

    private static void waitFor(BooleanSupplier done) throws InterruptedException {
        waitFor(done, 20_000);
        assertTrue(done.getAsBoolean(), "timed out");
    }

    private static void waitFor(BooleanSupplier done, long millis) throws InterruptedException {
        Display d = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            while (d.readAndDispatch()) {
                // drain
            }
            Thread.sleep(10);
        }
    }
}
