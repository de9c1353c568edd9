package org.painlab.core.ui.internal.grid;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.ConfigRegistry;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultColumnHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.DefaultGridLayer;
import org.eclipse.nebula.widgets.nattable.layer.ILayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.painlab.core.ui.grid.DataGrid;

/**
 * Shows a throw-away grid once, offscreen, while the workbench is idle, so that the first grid a
 * user opens does not run NatTable's and the grid's code for the first time while they wait.
 * A first grid cost about three times a second one to create and its first paint several times a
 * whole-window repaint (see the plugin developer guide, "First showing"): classes initialised,
 * invokedynamic call sites linked, and the per-cell painting code interpreted until the JIT had
 * compiled it. The rehearsal builds a grid with the same builder in a shell that is never made
 * visible (nothing flickers), gives it a few rows ({@link RehearsalTable}), paints it into an image
 * through its own layer painter (what a paint event runs) a few times, in pieces so that each step
 * stays within a frame, and disposes all of it. NatTable's widget and plain grid, its theme and
 * default style are run apart first, so that building the grid is a shorter step too.
 * <p>
 * One step per timer tick on the UI thread, with a gap between steps so that events and the JIT's
 * compiler threads go first. A step waits while the user is typing, clicking or moving the mouse,
 * and the rehearsal stops (disposing what it built) as soon as a real grid has been created: that
 * grid has paid the cost already. Switched off with {@code -Dpainlab.grid.rehearsal=false}, to
 * measure a first grid without it.
 */
public final class GridRehearsal {
    /** System property; {@code false} leaves the first run of the grid's code to the first grid. */
    public static final String PROPERTY = "painlab.grid.rehearsal";
    /** Display data: how many {@link DataGrid}s were created on the display (the rehearsal's own included). */
    private static final String GRIDS = GridRehearsal.class.getName() + ".grids";
    /** The bench's and a typical view's window: the first paint rehearsed covers as many cells as a real one. */
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 900;
    /** Whole paints (in quarters) after the first: enough calls of the per-cell code for the JIT's first tier. */
    private static final int PAINTS = 5;
    /** Between steps: events dispatched and compiler threads run meanwhile. */
    private static final int GAP_MS = 40;
    /** A step runs once the user has not typed, clicked or moved the mouse for this long. */
    private static final int QUIET_MS = 500;
    private static final int[] INPUT = { SWT.KeyDown, SWT.MouseDown, SWT.MouseMove, SWT.MouseWheel };

    private final Display display;
    private final Runnable finished;
    private final Deque<Runnable> steps = new ArrayDeque<>();
    private final Listener input = this::input;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long lastInput;
    private int gridsBefore;
    private Shell shell;
    private DataGrid<Object[]> grid;
    private Image image;
    private ILayer plainGrid;
    private boolean done;
    private boolean completed;
    private long longestStepCpu;
    private long longestStepWall;
    private final List<Long> stepCpu = new ArrayList<>();

    /**
     * @param display  the workbench's display
     * @param finished told on the UI thread once the rehearsal has ended (completed or stopped), may be null
     */
    public GridRehearsal(Display display, Runnable finished) {
        this.display = display;
        this.finished = finished;
    }

    /** Whether the rehearsal is switched on ({@value #PROPERTY} not {@code false}). */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY));
    }

    /** Notes a grid created on {@code display} (UI thread), so that a rehearsal under way stops. */
    public static void gridCreated(Display display) {
        display.setData(GRIDS, gridsCreated(display) + 1);
    }

    /** How many grids were created on {@code display} so far (UI thread). */
    public static int gridsCreated(Display display) {
        return display.getData(GRIDS) instanceof Integer n ? n : 0;
    }

    /** Starts the rehearsal: its steps run at idle, one per timer tick. Call on the UI thread. */
    public void start() {
        gridsBefore = gridsCreated(display);
        lastInput = System.nanoTime() - QUIET_MS * 1_000_000L;
        steps.add(this::prepare);
        steps.add(this::layers);
        steps.add(this::bareTable);
        steps.add(this::build);
        steps.add(this::fill);
        // the paints are planned once the grid is built and its headers' sizes are known
        steps.add(this::planPaints);
        for (int type : INPUT) {
            display.addFilter(type, input);
        }
        display.timerExec(GAP_MS, this::next);
    }

    /** Whether the rehearsal has ended, completed or stopped (everything it built disposed). */
    public boolean done() {
        return done;
    }

    /** Whether it ran all its steps (false: stopped by a real grid, the display going, or not yet done). */
    public boolean completed() {
        return completed;
    }

    /** The UI-thread CPU time of its longest step, in nanoseconds. */
    public long longestStepCpuNanos() {
        return longestStepCpu;
    }

    /** The wall time of its longest step, in nanoseconds. */
    public long longestStepWallNanos() {
        return longestStepWall;
    }

    /** The UI-thread CPU time of each step run so far, in nanoseconds, in order. */
    public List<Long> stepCpuNanos() {
        return List.copyOf(stepCpu);
    }

    /** The shell its grid was built in (never made visible), or null before; for tests. */
    Shell shell() {
        return shell;
    }

    /** The image it painted into, or null before; for tests. */
    Image image() {
        return image;
    }

    private void input(Event e) {
        lastInput = System.nanoTime();
    }

    private void next() {
        if (done || display.isDisposed()) {
            return;
        }
        if (gridsCreated(display) != gridsBefore + (grid == null ? 0 : 1)) {
            // a real grid came first and has run the code already
            finish(false);
            return;
        }
        long quietFor = (System.nanoTime() - lastInput) / 1_000_000L;
        if (quietFor < QUIET_MS) {
            display.timerExec((int) (QUIET_MS - quietFor), this::next);
            return;
        }
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        try {
            steps.removeFirst().run();
        } catch (RuntimeException e) {
            // a rehearsal is worth less than the workbench: give up, dispose what was built, leave the cost to the first grid
            Platform.getLog(GridRehearsal.class).warn("Grid rehearsal stopped: " + e, e);
            finish(false);
            return;
        }
        longestStepWall = Math.max(longestStepWall, System.nanoTime() - wall);
        long used = threads.getCurrentThreadCpuTime() - cpu;
        stepCpu.add(used);
        longestStepCpu = Math.max(longestStepCpu, used);
        if (steps.isEmpty()) {
            finish(true);
        } else {
            display.timerExec(GAP_MS, this::next);
        }
    }

    /**
     * The theme and NatTable's default style on a registry of their own (painters, colours, fonts
     * and images created and kept in NatTable's shared caches), and the shell, apart from the
     * grid's own creation so that neither step is as long as a first grid.
     */
    private void prepare() {
        ConfigRegistry registry = new ConfigRegistry();
        new DefaultNatTableStyleConfiguration().configureRegistry(registry);
        WorkbenchGridStyle.theme(false).configureRegistry(registry);
        new WorkbenchGridStyle().configureRegistry(registry);
        shell = new Shell(display, SWT.NO_TRIM);
        shell.setLayout(new FillLayout());
        shell.setBounds(0, 0, WIDTH, HEIGHT);
    }

    /**
     * NatTable's plain grid (body, column and row headers, corner: most of the layers a workbench grid
     * stacks), built without a widget, for {@link #bareTable()}.
     */
    private void layers() {
        IDataProvider cells = new DefaultColumnHeaderDataProvider(new String[] { "Subject", "Arm", "VAS" });
        plainGrid = new DefaultGridLayer(cells, cells);
    }

    /**
     * A NatTable widget over one plain grid, configured and disposed: the widget's own creation and
     * configuration run once apart from the grid's layers, so the grid's step is shorter.
     */
    private void bareTable() {
        NatTable table = new NatTable(shell, NatTable.DEFAULT_STYLE_OPTIONS | SWT.BORDER, plainGrid, false);
        plainGrid = null;
        table.setConfigRegistry(new ConfigRegistry());
        table.addConfiguration(new DefaultNatTableStyleConfiguration());
        table.configure();
        table.dispose();
    }

    /** A grid as an area builds one: text, numbers and dates, two levels of groups, frozen columns, a few rows. */
    private void build() {
        DataGrid.Builder<Object[]> builder = DataGrid.<Object[]>builder().name("Rehearsal").frozenColumns(2);
        builder.columns(RehearsalTable.columns());
        grid = builder.build(shell);
    }

    /** The grid sized as a window, and its rows. */
    private void fill() {
        NatTable table = grid.control();
        // the shell is never shown, so the window system gives it no size: the layers get the grid's from here
        table.setClientAreaProvider(() -> new Rectangle(0, 0, WIDTH, HEIGHT));
        shell.layout(true, true);
        grid.setRows(RehearsalTable.rows(grid.columns().size()));
        image = new Image(display, WIDTH, HEIGHT);
    }

    /**
     * The first paint in pieces, each the first run of some painters: a few body cells, a few row
     * headers, each header row (group names, labels, filter row) over a few columns, the corner;
     * then the window in quarters, then whole paints, the last ones with rows selected.
     */
    private void planPaints() {
        GridLayer layer = (GridLayer) grid.control().getLayer();
        int rowHeader = layer.getRowHeaderLayer().getWidth();
        ILayer header = layer.getColumnHeaderLayer();
        int headerHeight = header.getHeight();
        List<Rectangle> areas = new ArrayList<>();
        areas.add(new Rectangle(rowHeader, headerHeight, 160, 60));
        areas.add(new Rectangle(0, headerHeight, rowHeader, 60));
        for (int r = 0; r < header.getRowCount(); r++) {
            areas.add(new Rectangle(rowHeader, header.getStartYOfRowPosition(r), 300, header.getRowHeightByPosition(r)));
        }
        areas.add(new Rectangle(0, 0, rowHeader, headerHeight));
        // then the window in 16 tiles, and again in quarters: a whole window painted at once by code run only a
        // few times took 18-24 ms; the JIT compiles the per-cell code while these run
        tiles(areas, 4);
        for (int p = 0; p < PAINTS; p++) {
            tiles(areas, 2);
        }
        for (Rectangle area : areas) {
            steps.add(() -> paint(area));
        }
        // the selection's colours and borders are part of a grid's paint too
        steps.add(() -> grid.selectRows(3, 4));
        List<Rectangle> selected = new ArrayList<>();
        tiles(selected, 2);
        for (Rectangle area : selected) {
            steps.add(() -> paint(area));
        }
    }

    /** The window cut into {@code n} x {@code n} tiles. */
    private static void tiles(List<Rectangle> areas, int n) {
        for (int i = 0; i < n * n; i++) {
            areas.add(new Rectangle(i % n * WIDTH / n, i / n * HEIGHT / n, WIDTH / n, HEIGHT / n));
        }
    }

    private void paint(Rectangle area) {
        NatTable table = grid.control();
        GC gc = new GC(image);
        try {
            gc.setClipping(area);
            table.getLayerPainter().paintLayer(table, gc, 0, 0, area, table.getConfigRegistry());
        } finally {
            gc.dispose();
        }
    }

    private void finish(boolean all) {
        done = true;
        completed = all;
        steps.clear();
        if (!display.isDisposed()) {
            for (int type : INPUT) {
                display.removeFilter(type, input);
            }
        }
        if (shell != null && !shell.isDisposed()) {
            shell.dispose();
        }
        if (image != null && !image.isDisposed()) {
            image.dispose();
        }
        grid = null;
        plainGrid = null;
        if (finished != null) {
            finished.run();
        }
    }
}
