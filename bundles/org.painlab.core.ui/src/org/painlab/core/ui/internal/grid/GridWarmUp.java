package org.painlab.core.ui.internal.grid;

import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.util.GUIHelper;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.painlab.core.ui.grid.ColumnSpec;

/**
 * Loads the grid's classes (NatTable's and the workbench grid layer's) in a background job, so
 * that the first grid a user opens does not spend its first showing on the UI thread reading
 * and defining a few hundred classes (a quarter of a second on a busy machine, once per
 * workbench). Classes are only loaded, not initialised: some of NatTable's static initialisers
 * ask the display for colours and must run on the UI thread, where the first grid runs them.
 * The grid layer's own data path (filtering, sorting, cell texts), which touches no widget, is
 * run once over a few rows, so its classes are initialised too. Scheduled when the workbench
 * starts; running it again only costs the look-ups.
 */
public final class GridWarmUp extends Job {
    /** Family of the warm-up job, so tests and the bench can wait for it. */
    public static final Object FAMILY = new Object();
    /** NatTable packages the workbench grid never uses (editing, trees, formulas, printing...): not loaded. */
    private static final List<String> UNUSED = List.of("/edit/", "/tree/", "/hierarchical/", "/formula/", "/summaryrow/", "/blink/",
            "/fillhandle/", "/columnCategories/", "/columnRename/", "/print/", "/search/", "/datachange/", "/style/editor/",
            "/filterrow/combobox/", "/group/command/", "/group/config/", "/group/gui/", "/group/painter/", "/group/action/",
            "/ui/rename/", "/export/", "/data/validate/", "/layer/stack/", "/extension/", "/widget/", "/dataset/", "/persistence/gui/",
            "/columnChooser/gui/", "/ui/scaling/", "/group/model/", "/group/event/", "/group/ColumnGroup", "/group/RowGroup");
    private int loaded;
    private int failed;

    public GridWarmUp() {
        super("Preparing tables");
        setSystem(true);
        setPriority(Job.DECORATE);
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
        GridWarmUp job = new GridWarmUp();
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

    /** Classes that could not be loaded in the last run (an optional dependency missing). */
    public int failedClasses() {
        return failed;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        loaded = 0;
        failed = 0;
        load(FrameworkUtil.getBundle(NatTable.class), "org/eclipse/nebula/widgets/nattable", monitor);
        load(FrameworkUtil.getBundle(GridWarmUp.class), "org/painlab/core/ui/internal/grid", monitor);
        load(FrameworkUtil.getBundle(GridWarmUp.class), "org/painlab/core/ui/grid", monitor);
        if (monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        filterAndSortAFewRows();
        return Status.OK_STATUS;
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
            if (UNUSED.stream().anyMatch(path::contains)) {
                continue;
            }
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
