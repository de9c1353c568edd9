package org.painlab.core.ui.internal.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.painlab.core.ui.ScreenCapture;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;

/**
 * The offscreen rehearsal of a first grid: nothing of it is ever shown, it leaves no widget or
 * image behind, a real grid stops it, and a grid created after it looks the same as one before.
 */
class GridRehearsalTest {
    record Patient(String id, String arm, Double vas, Double odi) {
    }

    /**
     * The workbench's own warm-up (started with the test workbench) rehearses too, unless a grid came
     * first: let it end, so that its grid does not stop the rehearsal under test.
     */
    @BeforeEach
    void warmUpOver() throws InterruptedException {
        waitFor(() -> Job.getJobManager().find(GridWarmUp.FAMILY).length == 0, 120_000);
        assertEquals(0, Job.getJobManager().find(GridWarmUp.FAMILY).length, "the workbench's warm-up ended");
    }

    @Test
    void rehearsesInShortStepsNeverShowsAnythingAndDisposesAll() throws Exception {
        Display display = Display.getCurrent();
        int shellsBefore = display.getShells().length;
        boolean[] told = { false };
        GridRehearsal rehearsal = new GridRehearsal(display, () -> told[0] = true);
        // anything of the rehearsal made visible (a shell opened, a control shown) would flicker on screen
        List<Widget> shown = new ArrayList<>();
        Listener show = e -> {
            Shell own = rehearsal.shell();
            if (own != null && (e.widget == own || e.widget instanceof Control c && c.getShell() == own)) {
                shown.add(e.widget);
            }
        };
        display.addFilter(SWT.Show, show);
        try {
            rehearsal.start();
            waitFor(() -> rehearsal.shell() != null, 20_000);
            assertEquals(shellsBefore + 1, display.getShells().length, "its one shell while it runs");
            assertFalse(rehearsal.shell().isVisible(), "its shell is never visible");
            waitFor(rehearsal::done, 60_000);
        } finally {
            display.removeFilter(SWT.Show, show);
        }
        assertTrue(told[0], "told when done");
        assertTrue(rehearsal.completed(), "ran all its steps (no grid was created meanwhile)");
        assertTrue(rehearsal.stepCpuNanos().size() > 20, "steps: " + rehearsal.stepCpuNanos().size());
        assertTrue(rehearsal.longestStepCpuNanos() > 0 && rehearsal.longestStepWallNanos() >= rehearsal.longestStepCpuNanos() / 2,
                "timed: " + rehearsal.longestStepCpuNanos() + " ns CPU, " + rehearsal.longestStepWallNanos() + " ns wall");
        assertTrue(rehearsal.shell().isDisposed(), "its shell (and the grid in it) disposed");
        assertTrue(rehearsal.image().isDisposed(), "the image it painted into disposed");
        assertEquals(shellsBefore, display.getShells().length, "no shell left behind");
        assertEquals(List.of(), shown, "the rehearsal's widgets shown");
    }

    @Test
    void aRealGridStopsTheRehearsal() throws Exception {
        Display display = Display.getCurrent();
        int gridsBefore = GridRehearsal.gridsCreated(display);
        GridRehearsal rehearsal = new GridRehearsal(display, null);
        rehearsal.start();
        // prepare, NatTable's plain grid, its widget, the rehearsal's grid: then a real grid comes
        waitFor(() -> rehearsal.stepCpuNanos().size() >= 4, 20_000);
        assertEquals(gridsBefore + 1, GridRehearsal.gridsCreated(display), "the rehearsal's own grid counted");
        Shell shell = new Shell(display);
        try {
            shell.setLayout(new FillLayout());
            build(shell);
            assertEquals(gridsBefore + 2, GridRehearsal.gridsCreated(display));
            int stepsSoFar = rehearsal.stepCpuNanos().size();
            waitFor(rehearsal::done, 20_000);
            assertTrue(rehearsal.done());
            assertFalse(rehearsal.completed(), "stopped once a real grid was created");
            assertEquals(stepsSoFar, rehearsal.stepCpuNanos().size(), "no step after the real grid");
            assertTrue(rehearsal.shell().isDisposed(), "what it built is disposed");
            assertTrue(rehearsal.image() == null || rehearsal.image().isDisposed());
        } finally {
            shell.dispose();
        }
    }

    @Test
    void aGridAfterTheRehearsalLooksAsOneBefore() throws Exception {
        Display display = Display.getCurrent();
        ImageData before = paintedGrid(display, "grid-before-rehearsal.png");
        GridRehearsal rehearsal = new GridRehearsal(display, null);
        rehearsal.start();
        waitFor(rehearsal::done, 60_000);
        assertTrue(rehearsal.completed());
        ImageData after = paintedGrid(display, "grid-after-rehearsal.png");
        assertEquals(before.width, after.width);
        assertEquals(before.height, after.height);
        int differing = 0;
        int dark = 0;
        for (int y = 0; y < before.height; y++) {
            for (int x = 0; x < before.width; x++) {
                int p = before.getPixel(x, y);
                if (p != after.getPixel(x, y)) {
                    differing++;
                }
                org.eclipse.swt.graphics.RGB rgb = before.palette.getRGB(p);
                if (rgb.red + rgb.green + rgb.blue < 300) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 500, "the grid was drawn: " + dark + " dark pixels");
        assertEquals(0, differing, "pixels that differ between a grid before and after the rehearsal");
    }

    @Test
    void warmUpEndsWithItsUiPartAndRehearsesOnlyBeforeAnyGrid() throws Exception {
        Display display = Display.getCurrent();
        // tests before this one created grids: the first grid is past, so nothing is rehearsed
        Shell shell = new Shell(display);
        try {
            build(shell);
        } finally {
            shell.dispose();
        }
        GridWarmUp warmUp = new GridWarmUp(display);
        warmUp.schedule();
        // the job ends only once its UI-thread part (NatTable's images, one per event) is done
        waitFor(() -> Job.getJobManager().find(GridWarmUp.FAMILY).length == 0 && warmUp.getResult() != null, 60_000);
        assertNotNull(warmUp.getResult(), "the warm-up ended while the display was dispatched");
        assertTrue(warmUp.getResult().isOK(), "warm-up: " + warmUp.getResult());
        assertNull(warmUp.rehearsal(), "no rehearsal once a grid has been created");
    }

    @Test
    void switchedOffByItsSystemProperty() {
        String old = System.getProperty(GridRehearsal.PROPERTY);
        try {
            System.setProperty(GridRehearsal.PROPERTY, "false");
            assertFalse(GridRehearsal.enabled());
            System.setProperty(GridRehearsal.PROPERTY, "true");
            assertTrue(GridRehearsal.enabled());
            System.clearProperty(GridRehearsal.PROPERTY);
            assertTrue(GridRehearsal.enabled(), "on unless switched off");
        } finally {
            if (old == null) {
                System.clearProperty(GridRehearsal.PROPERTY);
            } else {
                System.setProperty(GridRehearsal.PROPERTY, old);
            }
        }
    }

    /** A grid with fixed rows in a window of its own, as on screen; the window is closed again. */
    private static ImageData paintedGrid(Display display, String file) throws Exception {
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setBounds(40, 40, 700, 360);
        try {
            DataGrid<Patient> grid = build(shell);
            shell.open();
            List<Patient> rows = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                rows.add(new Patient(String.format("P%03d", i), i % 2 == 0 ? "S" : "P", i % 3 == 0 ? null : i * 1.25, 10.0 + i));
            }
            grid.setRows(rows);
            grid.selectRows(1, 2);
            NatTable table = grid.control();
            waitFor(() -> false, 300);
            table.redraw();
            table.update();
            waitFor(() -> false, 300);
            Rectangle area = table.getClientArea();
            Point origin = table.toDisplay(0, 0);
            return ScreenCapture.save(display, new Rectangle(origin.x, origin.y, area.width, area.height),
                    Path.of(System.getProperty("java.io.tmpdir"), file));
        } finally {
            shell.dispose();
        }
    }

    private static DataGrid<Patient> build(Shell shell) {
        DataGrid<Patient> grid = DataGrid.<Patient>builder().name("Patients")
                .column(ColumnSpec.text("id", "Subject", Patient::id))
                .column(ColumnSpec.text("arm", "Arm", Patient::arm))
                .column(ColumnSpec.<Patient>number("vas", "VAS", Patient::vas).under("Week 4", "Pain"))
                .column(ColumnSpec.<Patient>number("odi", "ODI", Patient::odi).under("Week 4", "Disability"))
                .frozenColumns(1).build(shell);
        assertNotNull(grid.control());
        return grid;
    }

    private static void waitFor(BooleanSupplier done, long millis) throws InterruptedException {
        Display d = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            while (d.readAndDispatch()) {
                // drain
            }
            Thread.sleep(5);
        }
    }
}
