package org.painlab.core.ui.internal.grid;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.util.GUIHelper;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.painlab.core.internal.OnDemandExtenders;
import org.painlab.core.ui.grid.ColumnSpec;

/**
 * Loads the grid's classes (all of NatTable's, the workbench grid layer's and the Eclipse Collections
 * classes listed in {@link #COLLECTIONS_LIST}) in a background job, so
 * that the first grid a user opens does not spend its first showing on the UI thread reading
 * and defining a few hundred classes (a quarter of a second on a busy machine, once per
 * workbench). Classes are loaded, not initialised: some of NatTable's static initialisers ask
 * the display for colours and must run on the UI thread, where the first grid runs them; only
 * the layer classes listed in {@link #INITIALISED}, whose initialisers create loggers, are
 * initialised here as well.
 * The grid layer's own data path (filtering, sorting, cell texts), which touches no widget, is
 * run once over a few rows, so its classes are initialised too. Two more pieces of first-grid
 * work leave the UI thread here (both measured there with JFR, see the plugin developer guide):
 * Eclipse Collections' factory classes are initialised (their initialisers look their
 * implementations up through the service loader and a dynamic import, which resolves bundle
 * wiring), and NatTable's header icons are extracted from its jar into the framework's storage
 * (JFace loads an image from a file, so the first sort and filter icons were copied out of the
 * jar on the UI thread while the grid was created). Scheduled once the workbench's first window
 * has painted ({@link #startAfterFirstPaint}); running it again only costs the look-ups.
 * <p>
 * With a display, the job then hands over to the UI thread: NatTable's images are loaded one per
 * dispatched event, and a first grid is rehearsed offscreen ({@link GridRehearsal}: built, painted,
 * disposed, in steps within a frame) unless it is switched off or a grid has been created already.
 * The job ends when that part has ended, so that its {@link #FAMILY} tells when the whole warm-up
 * is over (the job waits for it without using a core).
 */
public final class GridWarmUp extends Job {
    /** Family of the warm-up job, so tests and the bench can wait for it. */
    public static final Object FAMILY = new Object();
    /**
     * The Eclipse Collections classes (NatTable's primitive maps and sets) the first grid loads, as
     * recorded from the Subject Grid bench with {@code -Xlog:class+load}: one name per line.
     */
    private static final String COLLECTIONS_LIST = "warm-up-classes.txt";
    /**
     * NatTable classes every grid builds (its layers and what their constructors create), initialised
     * here too: their static initialisers only create loggers (checked for 2.5), and the first of them
     * starts slf4j, which looks its provider up through the OSGi service loader.
     */
    private static final List<String> INITIALISED = List.of("layer.DataLayer", "edit.command.UpdateDataCommandHandler",
            "reorder.ColumnReorderLayer", "hideshow.ColumnHideShowLayer", "selection.SelectionLayer", "selection.SelectionModel",
            "viewport.ViewportLayer", "freeze.FreezeLayer", "freeze.CompositeFreezeLayer", "grid.layer.ColumnHeaderLayer",
            "sort.SortHeaderLayer", "group.performance.ColumnGroupHeaderLayer", "group.performance.GroupModel",
            "filterrow.FilterRowHeaderComposite", "filterrow.FilterRowDataLayer", "filterrow.FilterRowDataProvider",
            "grid.layer.RowHeaderLayer", "grid.layer.CornerLayer", "grid.layer.DimensionallyDependentLayer", "grid.layer.GridLayer",
            "layer.cell.ColumnOverrideLabelAccumulator", "grid.data.DefaultColumnHeaderDataProvider",
            "grid.data.DefaultRowHeaderDataProvider", "grid.data.DefaultCornerDataProvider", "config.ConfigRegistry",
            "coordinate.PositionCoordinate");
    /**
     * NatTable's images that a grid's theme, sort header and filter row load (as found extracted in the
     * bench's configuration area); the 2x variants are not looked for at 100% zoom.
     */
    private static final List<String> IMAGES = List.of("down_0", "down_0_inv", "down_1", "down_1_inv", "down_2", "down_2_inv", "left",
            "remove_filter", "right", "right_down", "right_down_inv", "right_inv", "show_column", "up_0", "up_0_inv", "up_1", "up_1_inv",
            "up_2", "up_2_inv");
    private int images;
    /** Where NatTable's images are then loaded, one per dispatched event; null: not loaded. */
    private final Display display;
    private int loaded;
    private int failed;
    private int collections;
    private volatile GridRehearsal rehearsal;

    public GridWarmUp() {
        this(null);
    }

    /**
     * @param display where, once the job is done, NatTable's header images are loaded into JFace's
     *                image registry at idle, one image per dispatched event (a millisecond or two each), so
     *                the first grid finds them; null: not loaded
     */
    public GridWarmUp(Display display) {
        super("Preparing tables");
        this.display = display;
        setSystem(true);
        setPriority(Job.DECORATE);
    }

    /**
     * Schedules the warm-up once the display has dispatched the events pending now (the paint of
     * a window just opened): started earlier, it took a core from the workbench's own start-up on a
     * two-core machine while loading some 1,500 classes. Call on the UI thread.
     */
    public static void startAfterFirstPaint(Display display) {
        display.asyncExec(() -> {
            if (!display.isDisposed()) {
                start();
            }
        });
    }

    /**
     * Schedules the warm-up; call on the UI thread. NatTable's colour helper is initialised here
     * first, on the UI thread (it asks the display for system colours), so that nothing the job
     * loads can initialise it on the wrong thread.
     */
    public static GridWarmUp start() {
        if (GUIHelper.COLOR_GRAY == null) {
            throw new IllegalStateException("NatTable's colours are not available");
        }
        GridWarmUp job = new GridWarmUp(Display.getCurrent());
        job.schedule();
        return job;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    /** Classes loaded by the last run. */
    public int loadedClasses() {
        return loaded;
    }

    /** Eclipse Collections classes among {@link #loadedClasses()}. */
    public int collectionsClasses() {
        return collections;
    }

    /** NatTable images extracted from its jar (or found extracted) by the last run. */
    public int extractedImages() {
        return images;
    }

    /** Classes that could not be loaded in the last run (an optional dependency missing). */
    public int failedClasses() {
        return failed;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        loaded = 0;
        failed = 0;
        collections = 0;
        images = 0;
        Bundle natTable = FrameworkUtil.getBundle(NatTable.class);
        // before the first NatTable class that creates a logger: slf4j looks for its provider once
        OnDemandExtenders.startNeededByAll(List.of(natTable));
        load(natTable, "org/eclipse/nebula/widgets/nattable", monitor);
        initialise(NatTable.class.getClassLoader());
        loadCollections(natTable);
        extractImages(natTable);
        load(FrameworkUtil.getBundle(GridWarmUp.class), "org/painlab/core/ui/internal/grid", monitor);
        load(FrameworkUtil.getBundle(GridWarmUp.class), "org/painlab/core/ui/grid", monitor);
        if (monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        filterAndSortAFewRows();
        if (display != null && !display.isDisposed()) {
            CountDownLatch uiDone = new CountDownLatch(1);
            display.asyncExec(new ImagesAtIdle(display, IMAGES, () -> rehearse(uiDone)));
            awaitUi(uiDone, monitor);
        }
        return Status.OK_STATUS;
    }

    /**
     * Rehearses a first grid offscreen ({@link GridRehearsal}) unless switched off or a grid has been
     * created already (it has run the code); on the UI thread.
     */
    private void rehearse(CountDownLatch uiDone) {
        if (GridRehearsal.enabled() && GridRehearsal.gridsCreated(display) == 0) {
            rehearsal = new GridRehearsal(display, uiDone::countDown);
            rehearsal.start();
        } else {
            uiDone.countDown();
        }
    }

    /**
     * Keeps the job running until the UI-thread part is done, so that joining the job's family tells
     * a test or the bench that the whole warm-up is over; the wait costs no CPU.
     */
    private void awaitUi(CountDownLatch uiDone, IProgressMonitor monitor) {
        try {
            while (!uiDone.await(100, TimeUnit.MILLISECONDS)) {
                if (monitor.isCanceled() || display.isDisposed()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The rehearsal this run started on the UI thread, or null (not started, switched off, a grid came first). */
    public GridRehearsal rehearsal() {
        return rehearsal;
    }

    private void load(Bundle bundle, String root, IProgressMonitor monitor) {
        if (bundle == null) {
            return;
        }
        Enumeration<URL> entries = bundle.findEntries(root, "*.class", true);
        if (entries == null) {
            return;
        }
        while (entries.hasMoreElements() && !monitor.isCanceled()) {
            String path = entries.nextElement().getPath();
            String name = path.substring(path.indexOf(root), path.length() - ".class".length()).replace('/', '.');
            try {
                // loadClass defines the class without initialising it
                bundle.loadClass(name);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // a class needing an optional package the workbench does not have: the grid does not use it either
                failed++;
            }
        }
    }

    /** Loads the listed Eclipse Collections classes from the bundles that hold them (API and implementation). */
    private void loadCollections(Bundle natTable) {
        Bundle own = FrameworkUtil.getBundle(GridWarmUp.class);
        if (natTable == null || own == null || own.getBundleContext() == null) {
            return;
        }
        Map<String, Bundle> bySymbolicName = new HashMap<>();
        for (Bundle b : own.getBundleContext().getBundles()) {
            bySymbolicName.putIfAbsent(b.getSymbolicName(), b);
        }
        try (InputStream in = GridWarmUp.class.getResourceAsStream(COLLECTIONS_LIST)) {
            if (in == null) {
                return;
            }
            for (String name : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (name.isBlank()) {
                    continue;
                }
                Bundle holder = bySymbolicName.get(name.startsWith("org.eclipse.collections.api.") ? "org.eclipse.collections.api" : "org.eclipse.collections.impl");
                try {
                    if (holder == null) {
                        failed++;
                        continue;
                    }
                    Class<?> c = holder.loadClass(name.trim());
                    if (isFactoryHolder(c)) {
                        // Sets, IntSets, IntIntMaps...: their initialisers find the implementation (service loader,
                        // dynamic import); nothing in them touches the display
                        Class.forName(c.getName(), true, c.getClassLoader());
                    }
                    loaded++;
                    collections++;
                } catch (ClassNotFoundException | LinkageError e) {
                    failed++;
                }
            }
        } catch (IOException e) {
            // the list is part of this bundle; without it only the collections classes are left to the first grid
            failed++;
        }
    }

    /**
     * Loads NatTable's images on the UI thread (JFace's registry and SWT images belong there), one per
     * dispatched event so that any event waiting goes first.
     */
    private static final class ImagesAtIdle implements Runnable {
        private final Display display;
        private final java.util.Iterator<String> names;
        private final Runnable then;

        ImagesAtIdle(Display display, List<String> names, Runnable then) {
            this.display = display;
            this.names = names.iterator();
            this.then = then;
        }

        @Override
        public void run() {
            if (display.isDisposed()) {
                return;
            }
            if (names.hasNext()) {
                GUIHelper.getImage(names.next());
            }
            if (names.hasNext()) {
                display.asyncExec(this);
            } else {
                then.run();
            }
        }
    }

    private static boolean isFactoryHolder(Class<?> c) {
        return c.getPackageName().contains(".factory") && !c.isInterface() && !c.getSimpleName().endsWith("Factory")
                && !c.getSimpleName().endsWith("Utils");
    }

    /**
     * Extracts NatTable's header icons into the framework's storage: JFace's image descriptor reads an
     * image from a file, and the first read of a bundle entry as a file copies it out of the jar.
     */
    private void extractImages(Bundle natTable) {
        if (natTable == null) {
            return;
        }
        for (String image : IMAGES) {
            URL entry = natTable.getEntry("org/eclipse/nebula/widgets/nattable/images/" + image + ".png");
            if (entry == null) {
                failed++;
                continue;
            }
            try {
                FileLocator.toFileURL(entry);
                images++;
            } catch (IOException e) {
                // the grid then extracts it itself when it first shows the icon
                failed++;
            }
        }
    }

    private void initialise(ClassLoader natTable) {
        for (String name : INITIALISED) {
            try {
                Class.forName("org.eclipse.nebula.widgets.nattable." + name, true, natTable);
            } catch (ClassNotFoundException | LinkageError e) {
                failed++;
            }
        }
    }

    /** The grid's data path once: rows set, filtered and sorted as a grid does in its jobs, cells turned into text. */
    private static void filterAndSortAFewRows() {
        List<ColumnSpec<Object[]>> columns = List.of(ColumnSpec.text("id", "Subject", r -> r[0]),
                ColumnSpec.<Object[]>number("score", "Score", r -> r[1]).under("Week 4", "VAS"),
                ColumnSpec.<Object[]>text("day", "Day", r -> r[2]).under("Week 4", "VAS"));
        ShownRows<Object[]> shown = new ShownRows<>(columns, "Preparing tables", FAMILY);
        shown.setSort(List.of(new ShownRows.SortKey(1, false), new ShownRows.SortKey(0, true)));
        shown.setFilter(r -> CellFilter.parse(">1").test(r[1]) && CellFilter.parse("2026-01-01..2026-12-31").test(r[2]));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            rows.add(new Object[] { String.format(Locale.ROOT, "W%03d", i), i % 5 == 0 ? null : i * 0.5, java.time.LocalDate.of(2026, 1 + i % 12, 1) });
        }
        shown.setRows(rows);
        ShownRows.View view = shown.view();
        RowAccessor<Object[]> accessor = new RowAccessor<>(columns);
        for (int i = 0; i < view.size(); i++) {
            Object[] row = view.get(i);
            for (int c = 0; c < columns.size(); c++) {
                CellText.compare(CellText.of(accessor.getDataValue(row, c)), "");
            }
        }
    }
}
