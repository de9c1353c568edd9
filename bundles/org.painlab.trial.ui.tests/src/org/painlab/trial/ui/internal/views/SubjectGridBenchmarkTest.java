package org.painlab.trial.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.StudyDemos;
import org.painlab.core.NewStudy;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.trial.store.GridColumn;
import org.painlab.trial.store.GridRow;
import org.painlab.trial.store.SubjectGrid;
import org.painlab.trial.store.TrialStore;

/**
 * Benchmark (not run by the test command; tagged "bench", run by releng/bench/subject-grid.sh):
 * the Subject Grid over 100,000 subjects with every column of the demo trial, on the NatTable
 * grid and on the raw SWT virtual table it replaced. Rows are the demo's 77 subjects repeated
 * with fresh ids and shifted scores, built in memory, so the figures are the grid's and not the
 * database's. Measured on the UI thread: time from the start of loading to the first paint
 * that shows rows, the longest single piece of UI-thread work (a "stall": one dispatched event
 * or one call the bench makes) while loading, while scrolling from top to bottom a page at a
 * time, while filtering arm = S and while sorting all rows by a score; the time from asking
 * for the filter or the sort to the first paint showing its rows; heap used with the grid
 * shown (after GC); and the time of a whole-window repaint of the NatTable grid, with the
 * grid's own body painter and with NatTable's TextPainter, alternating; the time of creating the
 * first grid and, at the end, a second one (what is left once the code has run). With
 * {@code -Dbench.trace=true} every piece of UI-thread work over a frame is printed with its
 * wall-clock start, to find it in a JFR recording of the same run.
 */
@Tag("bench")
class SubjectGridBenchmarkTest {
    @TempDir
    Path tmp;

    @Test
    void subjectGridOver100000Subjects() throws Exception {
        int n = Integer.getInteger("bench.subjects", 100_000);
        Path dir = Files.createDirectories(tmp).resolve("bench");
        new NewStudy(StudySchemas.contributed()).create(dir, "bench", StudyDemos.get("snrb-peld"), 7L, new NullProgressMonitor());
        Study study = Study.open(dir, StudySchemas.contributed());
        try {
            SubjectGrid source = new TrialStore(study).grid();
            List<GridColumn> columns = source.columns();
            List<GridRow> demo = new ArrayList<>();
            source.forEach(demo::add);
            List<GridRow> rows = synthesize(demo, n);
            System.gc();
            long heapRows = usedHeap();
            Result nat = natTable(columns, rows);
            System.gc();
            Result swt = swtTable(columns, rows);
            System.out.printf(Locale.ROOT, "BENCH subject grid: %,d subjects x %d columns (Java %s, %d cores)%n", n, columns.size(),
                    Runtime.version().feature(), Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "BENCH rows in memory: %d MB heap%n", heapRows / 1_000_000);
            for (Result r : List.of(nat, swt)) {
                System.out.printf(Locale.ROOT,
                        "BENCH %-22s first paint %6d ms | longest UI stall: loading %5d ms, scrolling %4d ms (%d pages), filtering %5d ms (%,d rows left), sorting %5d ms | shown after: filter %5d ms, sort %5d ms | heap with grid %4d MB%n",
                        r.name, r.firstPaintMs, r.loadStallMs, r.scrollStallMs, r.pages, r.filterStallMs, r.filtered, r.sortStallMs, r.filterShownMs,
                        r.sortShownMs, r.heapBytes / 1_000_000);
                System.out.printf(Locale.ROOT, "BENCH %-22s UI-thread CPU time in that longest stall: loading %d ms, scrolling %d ms, filtering %d ms, sorting %d ms%n",
                        r.name, r.cpuMs.get(0), r.cpuMs.get(1), r.cpuMs.get(2), r.cpuMs.get(4));
                if (r.repaint == null) {
                    continue;
                }
                System.out.printf(Locale.ROOT, "BENCH %-22s whole-window repaint (%d times): median %.1f ms, longest %.1f ms; UI-thread CPU median %.1f ms, longest %.1f ms%n",
                        r.name, Integer.getInteger("bench.repaints", 40), r.repaint.medianMs(), r.repaint.maxMs(), r.repaint.medianCpuMs(), r.repaint.maxCpuMs());
            }
            assertEquals(nat.filtered, swt.filtered, "both grids keep the same subjects for arm = S");
            assertTrue(nat.filtered > 0 && nat.filtered < n);
        } finally {
            study.close();
        }
    }

    private static List<GridRow> synthesize(List<GridRow> demo, int n) {
        List<GridRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            GridRow d = demo.get(i % demo.size());
            List<Object> values = new ArrayList<>(d.values());
            String id = String.format(Locale.ROOT, "B%06d", i + 1);
            values.set(0, id);
            double shift = (i / demo.size()) % 7 - 3;
            for (int c = 3; c < values.size(); c++) {
                if (values.get(c) instanceof Double v) {
                    values.set(c, Math.max(0, v + shift));
                }
            }
            rows.add(new GridRow(id, values));
        }
        return rows;
    }

    record Result(String name, long firstPaintMs, long loadStallMs, long scrollStallMs, int pages, long filterStallMs, int filtered,
            long filterShownMs, long sortStallMs, long sortShownMs, long heapBytes, List<Long> cpuMs, Repaint repaint) {
    }

    /**
     * Whole-window repaints of the shown page (what every filter, sort or jump costs): median and longest, wall and
     * UI-thread CPU. The control paints itself into an image (Control.print: its own paint listeners, as for the
     * screen), since GTK 3 paints on the screen only at its next frame, not when asked.
     */
    record Repaint(double medianMs, double maxMs, double medianCpuMs, double maxCpuMs) {
    }

    private static void setBodyPainter(org.eclipse.nebula.widgets.nattable.config.IConfigRegistry registry,
            org.eclipse.nebula.widgets.nattable.painter.cell.ICellPainter painter) {
        for (org.eclipse.nebula.widgets.nattable.style.DisplayMode mode : org.eclipse.nebula.widgets.nattable.style.DisplayMode.values()) {
            registry.registerConfigAttribute(org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes.CELL_PAINTER, painter, mode,
                    org.eclipse.nebula.widgets.nattable.grid.GridRegion.BODY);
        }
    }

    private static Repaint repaints(org.eclipse.swt.widgets.Control control, Stall stall) {
        int n = Integer.getInteger("bench.repaints", 40);
        double[] wall = new double[n];
        double[] cpu = new double[n];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        stall.drain();
        org.eclipse.swt.graphics.Point size = control.getSize();
        org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(control.getDisplay(), size.x, size.y);
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(image);
        try {
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                long c = threads.getCurrentThreadCpuTime();
                assertTrue(control.print(gc), "the control paints into an image");
                wall[i] = (System.nanoTime() - t) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            }
        } finally {
            gc.dispose();
            image.dispose();
        }
        stall.drain();
        stall.discard();
        java.util.Arrays.sort(wall);
        java.util.Arrays.sort(cpu);
        return new Repaint(wall[n / 2], wall[n - 1], cpu[n / 2], cpu[n - 1]);
    }

    /** Column the bench sorts by: the first that holds numbers in most rows (a baseline variable or a score). */
    private static int sortColumn(List<GridRow> rows) {
        int width = rows.get(0).values().size();
        for (int c = 1; c < width; c++) {
            int numbers = 0;
            for (int i = 0; i < Math.min(rows.size(), 77); i++) {
                if (rows.get(i).values().get(c) instanceof Number) {
                    numbers++;
                }
            }
            if (numbers * 2 > Math.min(rows.size(), 77)) {
                return c;
            }
        }
        throw new AssertionError("no column of numbers to sort by");
    }

    /** The smallest number in the sort column: the first row once sorted ascending (empty cells sort last). */
    private static double smallest(List<GridRow> rows) {
        int sortColumn = sortColumn(rows);
        double min = Double.POSITIVE_INFINITY;
        for (GridRow r : rows) {
            if (r.values().get(sortColumn) instanceof Number v) {
                min = Math.min(min, v.doubleValue());
            }
        }
        return min;
    }

    private static boolean isSmallest(Object value, double min) {
        return value instanceof Number v && v.doubleValue() == min;
    }

    private static void awaitJobs(Stall stall) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (Job.getJobManager().find(DataGrid.JOB_FAMILY).length > 0 && System.currentTimeMillis() < end) {
            stall.drain();
            Thread.sleep(1);
        }
    }

    private static Result natTable(List<GridColumn> columns, List<GridRow> rows) throws Exception {
        Display d = Display.getCurrent();
        Shell shell = shell(d);
        try {
            // as a user opening the grid after start-up: the workbench's warm-up is done (the job loading the grid's
            // classes, then its UI-thread part: images, a first grid rehearsed offscreen); the display is dispatched
            // meanwhile, as the workbench's event loop would, and the longest piece of UI-thread work is kept
            Stall warming = new Stall(d);
            long warmWall = System.nanoTime();
            Job[] warmUps = Job.getJobManager().find(org.painlab.core.ui.internal.grid.GridWarmUp.FAMILY);
            warming.until(() -> Job.getJobManager().find(org.painlab.core.ui.internal.grid.GridWarmUp.FAMILY).length == 0, 120_000);
            warming.drain();
            long warmStall = warming.reset();
            String rehearsal = warmUps.length == 0 ? "over before the bench began" : "not run";
            for (Job job : warmUps) {
                if (job instanceof org.painlab.core.ui.internal.grid.GridWarmUp w && w.rehearsal() != null) {
                    rehearsal = String.format(Locale.ROOT, "%s, longest step %.1f ms wall, %.1f ms CPU", w.rehearsal().completed() ? "completed" : "stopped",
                            w.rehearsal().longestStepWallNanos() / 1e6, w.rehearsal().longestStepCpuNanos() / 1e6)
                            + w.rehearsal().stepCpuNanos().stream().map(n -> String.format(Locale.ROOT, "%.1f", n / 1e6))
                                    .collect(java.util.stream.Collectors.joining(" ", " (CPU ms per step: ", ")"));
                }
            }
            System.out.printf(Locale.ROOT, "BENCH %-22s warm-up (%s=%s) waited for %d ms; longest UI-thread work meanwhile %d ms wall, %d ms CPU; rehearsal %s%n",
                    "NatTable (DataGrid)", org.painlab.core.ui.internal.grid.GridRehearsal.PROPERTY,
                    org.painlab.core.ui.internal.grid.GridRehearsal.enabled(), (System.nanoTime() - warmWall) / 1_000_000, warmStall,
                    warming.cpuMs.get(0), rehearsal);
            // and the display has been idle since: what the warm-up left for the UI thread (one small piece per event) is done
            for (int idle = 0; idle < 3; idle++) {
                while (d.readAndDispatch()) {
                    // dispatch what is pending
                }
                Thread.sleep(20);
            }
            // creating the grid and opening its window, before any row: the UI thread's share of a view's first showing
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            System.out.println("BENCH-MARK creating the grid");
            long createWall = System.nanoTime();
            long createCpu = threads.getCurrentThreadCpuTime();
            DataGrid<GridRow> grid = DataGrid.<GridRow>builder().name("Subjects").columns(SubjectGridView.SubjectGridColumns.of(columns))
                    .frozenColumns(2).build(shell);
            shell.open();
            System.out.printf(Locale.ROOT, "BENCH %-22s grid created and its window opened: %d ms, UI-thread CPU %d ms%n", "NatTable (DataGrid)",
                    (System.nanoTime() - createWall) / 1_000_000, (threads.getCurrentThreadCpuTime() - createCpu) / 1_000_000);
            Stall stall = new Stall(d);
            stall.run(() -> { });
            long[] painted = { -1 };
            // NatTable's own row count never waits for the load job (shownRowCount() would): rows
            // beyond the three header rows (groups, labels, filter) are subjects painted
            grid.control().addListener(SWT.Paint, e -> {
                if (painted[0] < 0 && grid.control().getRowCount() > 3) {
                    painted[0] = System.nanoTime();
                }
            });
            long t0 = System.nanoTime();
            grid.load("bench", () -> rows, null);
            stall.until(() -> painted[0] > 0, 60_000);
            long firstPaint = (painted[0] - t0) / 1_000_000;
            long loadStall = stall.reset();
            // the grid as the user sees it with all subjects loaded (looked at, not compared); GTK 3 puts a paint on
            // the screen at its next frame, so a capture right after the paint event showed the headers without rows:
            // a few frames first (dispatched and timed as the rest, then discarded with the capture's own work)
            for (int frame = 0; frame < 6; frame++) {
                stall.drain();
                Thread.sleep(17);
            }
            org.eclipse.swt.graphics.Rectangle area = grid.control().getClientArea();
            org.eclipse.swt.graphics.Point origin = grid.control().toDisplay(0, 0);
            org.painlab.core.ui.ScreenCapture.save(d, new org.eclipse.swt.graphics.Rectangle(origin.x, origin.y, area.width, area.height),
                    Path.of(System.getProperty("painlab.screenshot", "target/clinical.png")).resolveSibling("subject-grid-" + rows.size() + ".png"));
            stall.drain();
            stall.discard();

            ScrollBar bar = grid.control().getVerticalBar();
            int pages = 0;
            for (int y = bar.getMinimum(); y <= bar.getMaximum() - bar.getThumb(); y += Math.max(1, bar.getPageIncrement())) {
                int at = y;
                stall.run(() -> {
                    bar.setSelection(at);
                    bar.notifyListeners(SWT.Selection, new Event());
                    grid.control().update();
                });
                pages++;
            }
            stall.drain();
            long scrollStall = stall.reset();
            // the same repaints with the body painter of NatTable's modern theme (before the grid had its own),
            // alternating so that neither gains from the other's warm-up
            org.eclipse.nebula.widgets.nattable.config.IConfigRegistry registry = grid.control().getConfigRegistry();
            org.eclipse.nebula.widgets.nattable.painter.cell.ICellPainter ours = registry.getConfigAttribute(
                    org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes.CELL_PAINTER, org.eclipse.nebula.widgets.nattable.style.DisplayMode.NORMAL,
                    org.eclipse.nebula.widgets.nattable.grid.GridRegion.BODY);
            org.eclipse.nebula.widgets.nattable.painter.cell.ICellPainter theirs = new org.eclipse.nebula.widgets.nattable.painter.cell.BackgroundPainter(
                    new org.eclipse.nebula.widgets.nattable.painter.cell.decorator.PaddingDecorator(
                            new org.eclipse.nebula.widgets.nattable.painter.cell.TextPainter(false, false), 0, 5, 0, 5, false));
            Repaint repaint = null;
            Repaint nattablePainter = null;
            for (int round = 0; round < 2; round++) {
                setBodyPainter(registry, theirs);
                nattablePainter = repaints(grid.control(), stall);
                setBodyPainter(registry, ours);
                repaint = repaints(grid.control(), stall);
            }
            System.out.printf(Locale.ROOT, "BENCH %-22s whole-window repaint with NatTable's TextPainter instead (%d times): median %.1f ms, longest %.1f ms; UI-thread CPU median %.1f ms, longest %.1f ms%n",
                    "NatTable (DataGrid)", Integer.getInteger("bench.repaints", 40), nattablePainter.medianMs(), nattablePainter.maxMs(), nattablePainter.medianCpuMs(), nattablePainter.maxCpuMs());

            // with three rows selected: the grid's selection painter against NatTable's, alternating
            grid.selectRows(2, 3, 4);
            stall.drain();
            org.eclipse.nebula.widgets.nattable.selection.SelectionLayer selectionLayer = (org.eclipse.nebula.widgets.nattable.selection.SelectionLayer)
                    ((org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer) ((org.eclipse.nebula.widgets.nattable.freeze.CompositeFreezeLayer)
                            ((org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer) grid.control().getLayer()).getBodyLayer())
                            .getChildLayerByLayoutCoordinate(1, 1)).getScrollableLayer();
            org.eclipse.nebula.widgets.nattable.painter.layer.ILayerPainter gridSelection = selectionLayer.getLayerPainter();
            Repaint selectedOurs = null;
            Repaint selectedTheirs = null;
            for (int round = 0; round < 2; round++) {
                selectionLayer.setLayerPainter(new org.eclipse.nebula.widgets.nattable.selection.SelectionLayerPainter());
                selectedTheirs = repaints(grid.control(), stall);
                selectionLayer.setLayerPainter(gridSelection);
                selectedOurs = repaints(grid.control(), stall);
            }
            grid.selectRows();
            stall.drain();
            System.out.printf(Locale.ROOT, "BENCH %-22s whole-window repaint, 3 rows selected (%d times): median %.1f ms, longest %.1f ms; UI-thread CPU median %.1f ms, longest %.1f ms%n",
                    "NatTable (DataGrid)", Integer.getInteger("bench.repaints", 40), selectedOurs.medianMs(), selectedOurs.maxMs(), selectedOurs.medianCpuMs(), selectedOurs.maxCpuMs());
            System.out.printf(Locale.ROOT, "BENCH %-22s the same with NatTable's SelectionLayerPainter: median %.1f ms, longest %.1f ms; UI-thread CPU median %.1f ms, longest %.1f ms%n",
                    "NatTable (DataGrid)", selectedTheirs.medianMs(), selectedTheirs.maxMs(), selectedTheirs.medianCpuMs(), selectedTheirs.maxCpuMs());

            long expectedS = rows.stream().filter(r -> "S".equals(String.valueOf(r.values().get(1)))).count();
            long[] shown = { -1 };
            long[] asked = { 0 };
            int[] phase = { 0 };
            double min = smallest(rows);
            int sortColumn = sortColumn(rows);
            assertTrue(Double.isFinite(min), "the sort column holds numbers");
            // the first paint after asking that shows the outcome: the rows left, then the smallest score on top
            grid.control().addListener(SWT.Paint, e -> {
                if (shown[0] < 0 && (phase[0] == 1 && grid.shownRowCount() == expectedS
                        || phase[0] == 2 && grid.shownRowCount() == rows.size() && isSmallest(grid.shownRow(0).values().get(sortColumn), min))) {
                    shown[0] = System.nanoTime();
                }
            });
            phase[0] = 1;
            asked[0] = System.nanoTime();
            stall.run(() -> grid.setFilter("arm", "= S"));
            stall.until(() -> shown[0] > 0, 60_000);
            awaitJobs(stall);
            stall.run(() -> grid.control().update());
            stall.drain();
            long filterStall = stall.reset();
            long filterShown = (shown[0] - asked[0]) / 1_000_000;
            int filtered = grid.shownRowCount();

            stall.run(() -> grid.clearFilters());
            awaitJobs(stall);
            stall.until(() -> grid.shownRowCount() == rows.size(), 60_000);
            stall.drain();
            stall.reset();
            shown[0] = -1;
            phase[0] = 2;
            asked[0] = System.nanoTime();
            stall.run(() -> grid.sort(grid.columns().get(sortColumn).key(), true, false));
            stall.until(() -> shown[0] > 0, 60_000);
            awaitJobs(stall);
            stall.drain();
            long sortStall = stall.reset();
            long sortShown = (shown[0] - asked[0]) / 1_000_000;
            phase[0] = 0;
            System.gc();
            long heap = usedHeap();
            // a second grid in the same session: what creating one costs once the code is loaded, linked and compiled
            Shell second = shell(d);
            try {
                long wall = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                DataGrid.<GridRow>builder().name("Subjects").columns(SubjectGridView.SubjectGridColumns.of(columns)).frozenColumns(2).build(second);
                second.open();
                System.out.printf(Locale.ROOT, "BENCH %-22s a second grid created and its window opened: %d ms, UI-thread CPU %d ms%n", "NatTable (DataGrid)",
                        (System.nanoTime() - wall) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
            } finally {
                second.dispose();
            }
            return new Result("NatTable (DataGrid)", firstPaint, loadStall, scrollStall, pages, filterStall, filtered, filterShown, sortStall, sortShown, heap, stall.cpuMs, repaint);
        } finally {
            shell.dispose();
        }
    }

    /** The Subject Grid as it was before NatTable: a virtual SWT table over {@link GridModel}, loaded the same way. */
    private static Result swtTable(List<GridColumn> columns, List<GridRow> rows) throws Exception {
        Display d = Display.getCurrent();
        Shell shell = shell(d);
        try {
            Table table = new Table(shell, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
            table.setHeaderVisible(true);
            table.setLinesVisible(true);
            GridModel[] model = new GridModel[1];
            table.addListener(SWT.SetData, e -> {
                TableItem item = (TableItem) e.item;
                int index = table.indexOf(item);
                if (model[0] == null || index >= model[0].size()) {
                    return;
                }
                String[] cells = new String[model[0].columns().size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = model[0].text(index, i);
                }
                item.setText(cells);
            });
            shell.open();
            Stall stall = new Stall(d);
            long[] painted = { -1 };
            table.addListener(SWT.Paint, e -> {
                if (painted[0] < 0 && table.getItemCount() > 0) {
                    painted[0] = System.nanoTime();
                }
            });
            long t0 = System.nanoTime();
            // as the old view: rows read in a job, then columns, model and item count on the UI thread
            Job job = Job.create("bench", m -> {
                List<GridRow> loaded = new ArrayList<>(rows);
                d.asyncExec(() -> {
                    table.setRedraw(false);
                    try {
                        model[0] = new GridModel(columns, loaded);
                        for (int i = 0; i < columns.size(); i++) {
                            TableColumn col = new TableColumn(table, i < 3 ? SWT.LEFT : SWT.RIGHT);
                            col.setText(columns.get(i).label());
                            col.setWidth(i == 0 ? 90 : Math.max(70, Math.min(160, columns.get(i).label().length() * 8)));
                        }
                        table.setItemCount(model[0].size());
                    } finally {
                        table.setRedraw(true);
                    }
                });
            });
            job.schedule();
            stall.until(() -> painted[0] > 0, 120_000);
            long firstPaint = (painted[0] - t0) / 1_000_000;
            long loadStall = stall.reset();

            int visible = Math.max(1, table.getClientArea().height / table.getItemHeight());
            int pages = 0;
            for (int top = 0; top < table.getItemCount(); top += visible) {
                int at = top;
                stall.run(() -> {
                    table.setTopIndex(at);
                    table.update();
                });
                pages++;
            }
            stall.drain();
            long scrollStall = stall.reset();
            // no repaint figure: Control.print of a GTK table does not draw its rows, so it would time nothing
            Repaint repaint = null;

            long t = System.nanoTime();
            stall.run(() -> {
                model[0].filter("arm=s");
                table.clearAll();
                table.setItemCount(model[0].size());
                table.update();
            });
            long filterShown = (System.nanoTime() - t) / 1_000_000;
            stall.drain();
            long filterStall = stall.reset();
            int filtered = model[0].size();

            stall.run(() -> {
                model[0].filter("");
                table.clearAll();
                table.setItemCount(model[0].size());
                table.update();
            });
            stall.drain();
            stall.reset();
            int sortColumn = sortColumn(rows);
            t = System.nanoTime();
            // as the old view: a click on the header sorted on the UI thread, then repainted
            stall.run(() -> {
                model[0].sortBy(sortColumn);
                table.clearAll();
                table.update();
            });
            long sortShown = (System.nanoTime() - t) / 1_000_000;
            stall.drain();
            long sortStall = stall.reset();
            assertTrue(isSmallest(model[0].row(0).values().get(sortColumn), smallest(rows)), "the old table sorted too");
            System.gc();
            long heap = usedHeap();
            return new Result("SWT virtual Table (old)", firstPaint, loadStall, scrollStall, pages, filterStall, filtered, filterShown, sortStall, sortShown, heap, stall.cpuMs, repaint);
        } finally {
            shell.dispose();
        }
    }

    private static Shell shell(Display d) {
        Shell shell = new Shell(d);
        shell.setLayout(new FillLayout());
        shell.setSize(1400, 900);
        return shell;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Times every piece of UI-thread work the bench runs or dispatches and keeps the longest. */
    private static final class Stall {
        private final Display display;
        private long longest;
        private long longestCpu;
        private final java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        private volatile long sectionStart;
        private final Thread ui = Thread.currentThread();
        private final java.util.Map<String, Integer> samples = new java.util.concurrent.ConcurrentHashMap<>();
        private final boolean trace = Boolean.getBoolean("bench.trace");
        /** Per reset, the UI thread's CPU time in its longest piece of work: what a loaded machine does not inflate. */
        final List<Long> cpuMs = new ArrayList<>();

        Stall(Display display) {
            this.display = display;
            if (trace) {
                // with -Dbench.trace=true: where the UI thread is when a piece of work runs past 30 ms
                Thread sampler = new Thread(() -> {
                    while (!display.isDisposed()) {
                        long start = sectionStart;
                        if (start != 0 && System.nanoTime() - start > 30_000_000L) {
                            StackTraceElement[] st = ui.getStackTrace();
                            StringBuilder b = new StringBuilder();
                            for (int i = 0; i < Math.min(st.length, 14); i++) {
                                b.append("\n      ").append(st[i]);
                            }
                            samples.merge(b.toString(), 1, Integer::sum);
                        }
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "bench stall sampler");
                sampler.setDaemon(true);
                sampler.start();
            }
        }

        void run(Runnable work) {
            long t = System.nanoTime();
            long c = cpu.getCurrentThreadCpuTime();
            sectionStart = t;
            work.run();
            sectionStart = 0;
            note(t, c);
        }

        /** Keeps the longest; with -Dbench.trace=true also prints every piece of work over a frame, with its wall-clock start (to find it in a JFR recording). */
        private void note(long startNanos, long startCpu) {
            long wall = System.nanoTime() - startNanos;
            long used = cpu.getCurrentThreadCpuTime() - startCpu;
            longest = Math.max(longest, wall);
            longestCpu = Math.max(longestCpu, used);
            if (trace && wall > 16_700_000L) {
                java.time.Instant start = java.time.Instant.now().minusNanos(wall);
                System.out.printf(Locale.ROOT, "BENCH-SLOW %s +%.1f ms wall, %.1f ms CPU%n", start, wall / 1e6, used / 1e6);
            }
        }

        void drain() {
            boolean more = true;
            while (more) {
                long t = System.nanoTime();
                long c = cpu.getCurrentThreadCpuTime();
                sectionStart = t;
                more = display.readAndDispatch();
                sectionStart = 0;
                note(t, c);
            }
        }

        void until(BooleanSupplier done, long timeoutMillis) throws InterruptedException {
            long end = System.currentTimeMillis() + timeoutMillis;
            while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
                drain();
                Thread.sleep(1);
            }
            assertTrue(done.getAsBoolean(), "timed out");
        }

        /** Forgets the stalls since the last reset (work timed on its own). */
        void discard() {
            longest = 0;
            longestCpu = 0;
            samples.clear();
        }

        /** The longest stall since the last reset, in milliseconds. */
        long reset() {
            long ms = longest / 1_000_000;
            cpuMs.add(longestCpu / 1_000_000);
            longest = 0;
            longestCpu = 0;
            if (trace) {
                System.out.println("BENCH-SLOW ----- end of a step (longest " + ms + " ms)");
                samples.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(3)
                        .forEach(e -> System.out.println("BENCH-TRACE " + e.getValue() + " samples of 10 ms:" + e.getKey()));
                System.out.println("BENCH-TRACE ----- (" + ms + " ms)");
                samples.clear();
            }
            return ms;
        }
    }
}
