package org.painlab.core.ui.grid;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.columnChooser.command.DisplayColumnChooserCommandHandler;
import org.eclipse.nebula.widgets.nattable.config.AbstractUiBindingConfiguration;
import org.eclipse.nebula.widgets.nattable.config.ConfigRegistry;
import org.eclipse.nebula.widgets.nattable.config.DefaultNatTableStyleConfiguration;
import org.eclipse.nebula.widgets.nattable.data.IDataProvider;
import org.eclipse.nebula.widgets.nattable.filterrow.FilterRowHeaderComposite;
import org.eclipse.nebula.widgets.nattable.filterrow.IFilterStrategy;
import org.eclipse.nebula.widgets.nattable.freeze.CompositeFreezeLayer;
import org.eclipse.nebula.widgets.nattable.freeze.FreezeLayer;
import org.eclipse.nebula.widgets.nattable.freeze.FreezeHelper;
import org.eclipse.nebula.widgets.nattable.grid.GridRegion;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultColumnHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultCornerDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.data.DefaultRowHeaderDataProvider;
import org.eclipse.nebula.widgets.nattable.grid.layer.ColumnHeaderLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.CornerLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.DimensionallyDependentLayer;
import org.eclipse.nebula.widgets.nattable.layer.ILayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer;
import org.eclipse.nebula.widgets.nattable.grid.layer.RowHeaderLayer;
import org.eclipse.nebula.widgets.nattable.group.performance.ColumnGroupHeaderLayer;
import org.eclipse.nebula.widgets.nattable.group.performance.GroupModel;
import org.eclipse.nebula.widgets.nattable.hideshow.ColumnHideShowLayer;
import org.eclipse.nebula.widgets.nattable.hideshow.command.ShowAllColumnsCommand;
import org.eclipse.nebula.widgets.nattable.layer.DataLayer;
import org.eclipse.nebula.widgets.nattable.layer.cell.ColumnOverrideLabelAccumulator;
import org.eclipse.nebula.widgets.nattable.layer.event.RowStructuralRefreshEvent;
import org.eclipse.nebula.widgets.nattable.coordinate.PositionCoordinate;
import org.eclipse.nebula.widgets.nattable.reorder.ColumnReorderLayer;
import org.eclipse.nebula.widgets.nattable.selection.RowSelectionProvider;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.selection.command.SelectRowsCommand;
import org.eclipse.nebula.widgets.nattable.sort.SortDirectionEnum;
import org.eclipse.nebula.widgets.nattable.sort.SortHeaderLayer;
import org.eclipse.nebula.widgets.nattable.sort.action.SortColumnAction;
import org.eclipse.nebula.widgets.nattable.sort.config.SingleClickSortConfiguration;
import org.eclipse.nebula.widgets.nattable.ui.binding.UiBindingRegistry;
import org.eclipse.nebula.widgets.nattable.ui.matcher.KeyEventMatcher;
import org.eclipse.nebula.widgets.nattable.ui.matcher.MouseEventMatcher;
import org.eclipse.nebula.widgets.nattable.tooltip.NatTableContentTooltip;
import org.eclipse.nebula.widgets.nattable.ui.NatEventData;
import org.eclipse.nebula.widgets.nattable.ui.menu.PopupMenuAction;
import org.eclipse.nebula.widgets.nattable.ui.menu.PopupMenuBuilder;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.painlab.core.internal.OnDemandExtenders;
import org.painlab.core.Study;
import org.painlab.core.ui.internal.grid.CellFilter;
import org.painlab.core.ui.internal.grid.CellText;
import org.painlab.core.ui.internal.grid.CsvTableWriter;
import org.painlab.core.ui.internal.grid.GridRehearsal;
import org.painlab.core.ui.internal.grid.GridSortModel;
import org.painlab.core.ui.internal.grid.RowAccessor;
import org.painlab.core.ui.internal.grid.ShownRows;
import org.painlab.core.ui.internal.grid.ShownRowsProvider;
import org.painlab.core.ui.internal.grid.ShownTable;
import org.painlab.core.ui.internal.grid.GridSelectionPainter;
import org.painlab.core.ui.internal.grid.WorkbenchGridLayer;
import org.painlab.core.ui.internal.grid.WorkbenchGridStyle;
import org.painlab.core.ui.internal.grid.XlsxTableWriter;


/**
 * A read-only grid of rows with the workbench's one behaviour, for any area's large
 * tables (Subject Grid, Audit Trail, Analysis report, and third-party views): built on
 * Eclipse Nebula NatTable.
 * <ul>
 * <li>spanning column group headers ({@link ColumnSpec#groups()}), frozen leading columns;</li>
 * <li>a filter row under the headers: text contains, {@code = S}, {@code != S},
 * {@code >3}, {@code <=3}, {@code 1..5};</li>
 * <li>sorting by a click on a header, more columns added to the sort with Ctrl+click
 * (or Alt+click); missing values last (first in a descending sort);</li>
 * <li>a header menu to hide, show and choose columns; columns reorder by dragging; the
 * layout (order, hidden, widths, sort, filters) is remembered in a file per study and grid
 * ({@link #rememberStateIn(Path)}, {@link #stateFile(Study, String)});</li>
 * <li>row selection reported to a listener, Ctrl+C copies the selected cells as
 * tab-separated text, and export to CSV or XLSX of exactly what is shown: the filtered,
 * sorted rows and the visible columns in their shown order;</li>
 * <li>rows loaded in a {@link Job} ({@link #load(String, Callable, Consumer)}): the UI thread
 * never waits for the data source. Filtering and sorting run in a job too: the UI thread only
 * records what the user asked for, and gets back a finished order of the shown rows, swapped
 * in at once with one refresh, so 100,000 rows never block it.</li>
 * </ul>
 * Create with {@link #builder()}; use from the UI thread unless a method says otherwise.
 *
 * @param <R> the row type
 * @since 0.1
 * @noextend This class is not intended to be subclassed by clients.
 */
public final class DataGrid<R> {
    /** Family of the grid's load, filter and export jobs, so callers and tests can join them. */
    public static final Object JOB_FAMILY = new Object();
    private static final String STATE_PREFIX = "grid";

    private final List<ColumnSpec<R>> columns;
    private final ShownRows<R> shownRows;
    private final ShownRowsProvider<R> bodyData;
    private final DataLayer bodyDataLayer;
    private final Display display;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final CompositeFreezeLayer body;
    private final FreezeLayer freeze;
    private final ViewportLayer viewport;
    private final int frozenColumns;
    private final SelectionLayer selectionLayer;
    private final ColumnGroupHeaderLayer groupHeader;
    private final FilterRowHeaderComposite<R> filterRow;
    private final GridSortModel sortModel;
    private final ColumnReorderLayer reorder;
    private final NatTable natTable;
    private final String name;
    private Path stateFile;
    private final Map<String, Consumer<R>> rowActions;
    private final BiConsumer<? super R, IMenuManager> rowMenu;
    private final List<String> rowHeaderTitles;
    private final Function<? super R, List<String>> rowHeader;
    private MenuManager openMenu;

    private DataGrid(Builder<R> b, Composite parent) {
        this.columns = List.copyOf(b.columns);
        this.name = b.name;
        this.rowActions = new LinkedHashMap<>(b.rowActions);
        this.rowMenu = b.rowMenu;
        this.rowHeaderTitles = b.rowHeaderTitles;
        this.rowHeader = b.rowHeader;
        ConfigRegistry config = new ConfigRegistry();
        this.display = parent.getDisplay();
        // a rehearsal of the first grid still under way has nothing left to spare this one
        GridRehearsal.gridCreated(display);
        shownRows = new ShownRows<>(columns, "Filtering and sorting " + name, JOB_FAMILY);
        RowAccessor<R> accessor = new RowAccessor<>(columns);
        bodyData = new ShownRowsProvider<>(shownRows, accessor);

        bodyDataLayer = new DataLayer(bodyData);
        ColumnOverrideLabelAccumulator labels = new ColumnOverrideLabelAccumulator(bodyDataLayer);
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec<R> c = columns.get(i);
            if (c.numeric()) {
                labels.registerColumnOverrides(i, WorkbenchGridStyle.NUMBER);
            }
            bodyDataLayer.setColumnWidthByPosition(i, b.widths.getOrDefault(c.key(), defaultWidth(c)));
        }
        bodyDataLayer.setConfigLabelAccumulator(labels);
        reorder = new ColumnReorderLayer(bodyDataLayer);
        ColumnHideShowLayer hideShow = new ColumnHideShowLayer(reorder);
        selectionLayer = new SelectionLayer(hideShow);
        selectionLayer.setLayerPainter(new GridSelectionPainter(selectionLayer));
        viewport = new ViewportLayer(selectionLayer);
        freeze = new FreezeLayer(selectionLayer);
        body = new CompositeFreezeLayer(freeze, viewport, selectionLayer);
        frozenColumns = b.frozenColumns;

        String[] headers = columns.stream().map(ColumnSpec::label).toArray(String[]::new);
        Map<String, String> headerLabels = new LinkedHashMap<>();
        for (ColumnSpec<R> c : columns) {
            headerLabels.put(c.key(), c.label());
        }
        IDataProvider headerData = new DefaultColumnHeaderDataProvider(headers);
        DataLayer headerDataLayer = new DataLayer(headerData);
        ColumnHeaderLayer header = new ColumnHeaderLayer(headerDataLayer, body, selectionLayer);
        sortModel = new GridSortModel(shownRows);
        SortHeaderLayer<R> sortHeader = new SortHeaderLayer<>(header, sortModel, false);
        groupHeader = new ColumnGroupHeaderLayer(sortHeader, selectionLayer);
        addGroups();
        filterRow = new FilterRowHeaderComposite<>(new Strategy(), groupHeader, headerData, config);

        IDataProvider rowHeaderData = b.rowHeader == null ? new DefaultRowHeaderDataProvider(bodyData)
                : new RowHeaderData(b.rowHeaderTitles.size(), b.rowHeader);
        DataLayer rowHeaderDataLayer = new DataLayer(rowHeaderData, b.rowHeader == null ? 50 : 130, 20);
        for (int i = 0; i < b.rowHeaderWidths.length && i < b.rowHeaderTitles.size(); i++) {
            rowHeaderDataLayer.setColumnWidthByPosition(i, b.rowHeaderWidths[i]);
        }
        RowHeaderLayer rowHeader = new RowHeaderLayer(rowHeaderDataLayer, body, selectionLayer);
        ILayer corner;
        if (b.rowHeader == null) {
            corner = new CornerLayer(new DataLayer(new DefaultCornerDataProvider(headerData, rowHeaderData)), rowHeader, filterRow);
        } else {
            // one cell per row header column (NatTable's corner is one cell): the titles over their columns
            DataLayer cornerData = new DataLayer(new CornerData(b.rowHeaderTitles, rowHeaderData));
            corner = new DimensionallyDependentLayer(cornerData, rowHeader, filterRow) {
                @Override
                public Object getDataValueByPosition(int columnPosition, int rowPosition) {
                    // header rows share their row index, so the row is told by its position here
                    // the labels' row: under the group rows, above the filter row
                    int titleRow = groupHeader.getRowCount() - 1;
                    return rowPosition == titleRow ? super.getDataValueByPosition(columnPosition, rowPosition) : "";
                }
            };
        }
        GridLayer grid = new WorkbenchGridLayer(body, filterRow, rowHeader, corner);
        grid.registerCommandHandler(new DisplayColumnChooserCommandHandler(hideShow, header, headerDataLayer, groupHeader, false));

        natTable = new NatTable(parent, NatTable.DEFAULT_STYLE_OPTIONS | SWT.BORDER, grid, false);
        natTable.setConfigRegistry(config);
        natTable.addConfiguration(new DefaultNatTableStyleConfiguration());
        natTable.addConfiguration(new SingleClickSortConfiguration());
        natTable.addConfiguration(new WorkbenchGridStyle());
        natTable.addConfiguration(new HeaderMenus());
        natTable.addConfiguration(new Bindings());
        natTable.configure();
        natTable.setTheme(WorkbenchGridStyle.theme(b.rowHeader != null));
        // long texts (a reason, a note) stay readable in a narrow column
        new NatTableContentTooltip(natTable, GridRegion.BODY, GridRegion.ROW_HEADER);
        keepFrozen();
        if (b.fillColumn != null) {
            int fill = indexOf(b.fillColumn);
            int least = b.widths.getOrDefault(b.fillColumn, defaultWidth(columns.get(fill)));
            natTable.addListener(SWT.Resize, e -> fillWidth(fill, least));
        }
        if (b.selectionListener != null) {
            RowSelectionProvider<R> provider = new RowSelectionProvider<>(selectionLayer, bodyData, false);
            Consumer<List<R>> listener = b.selectionListener;
            provider.addSelectionChangedListener(e -> {
                List<R> rows = new ArrayList<>();
                for (Object o : ((IStructuredSelection) e.getSelection()).toList()) {
                    @SuppressWarnings("unchecked")
                    R r = (R) o;
                    if (r != null) {
                        rows.add(r);
                    }
                }
                listener.accept(rows);
            });
        }
        natTable.addDisposeListener(e -> saveState());
        shownRows.onShown(this::rowsChanged);
    }

    /** A new order of shown rows was swapped in (on any thread): one refresh on the UI thread. */
    private void rowsChanged() {
        if (Display.getCurrent() == display) {
            refreshRows();
        } else if (refreshQueued.compareAndSet(false, true) && !display.isDisposed()) {
            display.asyncExec(this::refreshRows);
        }
    }

    private void refreshRows() {
        refreshQueued.set(false);
        if (!natTable.isDisposed()) {
            bodyDataLayer.fireLayerEvent(new RowStructuralRefreshEvent(bodyDataLayer));
            keepFrozen();
        }
    }

    /** Gives column {@code index} the width the other shown columns leave, but at least {@code least}. */
    private void fillWidth(int index, int least) {
        int position = selectionLayer.getColumnPositionByIndex(index);
        if (position < 0 || natTable.isDisposed()) {
            return;
        }
        int rowHeader = ((GridLayer) natTable.getLayer()).getRowHeaderLayer().getWidth();
        int others = selectionLayer.getWidth() - selectionLayer.getColumnWidthByPosition(position);
        // one pixel less than the window: the last column's right border stays in sight
        int width = Math.max(least, natTable.getClientArea().width - rowHeader - others - 1);
        if (width != bodyDataLayer.getColumnWidthByPosition(index)) {
            bodyDataLayer.setColumnWidthByPosition(index, width);
        }
    }

    /**
     * Freezes the leading columns if they are not frozen: NatTable takes no freeze while the
     * grid has no rows (a new grid, an empty study), and a reset or a saved layout may undo it,
     * which would let the subject scroll away with the rest.
     */
    private void keepFrozen() {
        if (frozenColumns > 0 && !body.isFrozen() && selectionLayer.getRowCount() > 0 && selectionLayer.getColumnCount() > frozenColumns) {
            // directly, not by a FreezeColumnCommand sent from the NatTable: that one never reached the freeze layer
            FreezeHelper.freeze(freeze, viewport, new PositionCoordinate(freeze, 0, -1), new PositionCoordinate(freeze, frozenColumns - 1, -1));
        }
    }

    private static int defaultWidth(ColumnSpec<?> c) {
        return Math.max(c.numeric() ? 60 : 80, Math.min(220, c.label().length() * 8 + 24));
    }

    /** One group per run of neighbouring columns with the same group path, on each level. */
    private void addGroups() {
        int depth = columns.stream().mapToInt(c -> c.groups().size()).max().orElse(0);
        for (int l = 1; l < depth; l++) {
            groupHeader.addGroupingLevel();
        }
        for (int i = 0; i < depth; i++) {
            int level = depth - 1 - i;
            int start = 0;
            while (start < columns.size()) {
                List<String> path = prefix(columns.get(start), i);
                int end = start + 1;
                while (end < columns.size() && path != null && path.equals(prefix(columns.get(end), i))) {
                    end++;
                }
                if (path != null) {
                    groupHeader.addGroup(level, path.get(i), start, end - start);
                }
                start = end;
            }
        }
    }

    private static List<String> prefix(ColumnSpec<?> c, int depth) {
        return c.groups().size() > depth ? c.groups().subList(0, depth + 1) : null;
    }

    /** Starts a grid definition. */
    public static <R> Builder<R> builder() {
        return new Builder<>();
    }

    /** The NatTable, to lay it out or add view-specific behaviour. */
    public NatTable control() {
        return natTable;
    }

    /** The columns as defined, in definition order. */
    public List<ColumnSpec<R>> columns() {
        return columns;
    }

    /**
     * Replaces the rows. May be called from any thread; the filter and sort in effect apply to
     * the new rows, computed in the calling thread, so a large row set belongs in a job (the
     * grid's own {@link #load} calls this from its job). The grid repaints on its own.
     */
    public void setRows(List<? extends R> rows) {
        shownRows.setRows(rows);
    }

    /**
     * Loads the rows in a job: {@code source} runs off the UI thread, then the rows replace
     * the grid's.
     *
     * @param jobName what the progress view says while loading
     * @param source  reads the rows (a database query, a file)
     * @param done    told on the UI thread with the rows once they are shown, or with the
     *                failure; may be null
     * @return the scheduled job
     */
    public Job load(String jobName, Callable<List<? extends R>> source, Consumer<LoadResult<R>> done) {
        Job job = new Job(jobName) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                List<? extends R> rows;
                try {
                    rows = source.call();
                } catch (Exception e) {
                    report(new LoadResult<>(List.of(), e));
                    return Status.error(jobName + ": " + e.getMessage(), e);
                }
                setRows(rows);
                report(new LoadResult<>(List.copyOf(rows), null));
                return Status.OK_STATUS;
            }

            private void report(LoadResult<R> result) {
                if (done != null && !display.isDisposed()) {
                    display.asyncExec(() -> {
                        if (!natTable.isDisposed()) {
                            done.accept(result);
                        }
                    });
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.setPriority(Job.SHORT);
        job.schedule();
        return job;
    }

    /**
     * What a {@link DataGrid#load} delivered.
     *
     * @param <R>     the row type
     * @param rows    the rows loaded (empty on failure)
     * @param failure why loading failed, or null
     * @since 0.1
     */
    public record LoadResult<R>(List<R> rows, Exception failure) {
    }

    /**
     * Number of rows shown (after filtering). A filter or sort just asked for shows when its
     * job is done: join {@link #JOB_FAMILY} first to read its outcome.
     */
    public int shownRowCount() {
        return shownRows.view().size();
    }

    /** Number of rows loaded (before filtering). */
    public int rowCount() {
        return shownRows.view().loaded();
    }

    /** The row shown at {@code index} (after filtering and sorting), or null outside. */
    public R shownRow(int index) {
        return shownRows.view().get(index);
    }

    /** The visible columns in their shown order. */
    public List<ColumnSpec<R>> shownColumns() {
        List<ColumnSpec<R>> shown = new ArrayList<>();
        for (int p = 0; p < selectionLayer.getColumnCount(); p++) {
            shown.add(columns.get(selectionLayer.getColumnIndexByPosition(p)));
        }
        return shown;
    }

    /** What the grid shows now: visible columns in shown order, filtered and sorted rows. */
    public ShownTableView shown() {
        return new ShownTableView(snapshot().get());
    }

    /**
     * What is shown now, fixed on the UI thread (the view and the columns, both cheap); the
     * cells are read when the returned supplier is called, on any thread.
     */
    private java.util.function.Supplier<ShownTable> snapshot() {
        List<ColumnSpec<R>> cols = shownColumns();
        ShownRows.View view = shownRows.view();
        return () -> table(cols, view);
    }

    private ShownTable table(List<ColumnSpec<R>> cols, ShownRows.View view) {
        List<String> headers = new ArrayList<>(rowHeaderTitles);
        cols.stream().map(DataGrid::fullHeader).forEach(headers::add);
        List<Boolean> numeric = new ArrayList<>(Collections.nCopies(rowHeaderTitles.size(), false));
        cols.stream().map(ColumnSpec::numeric).forEach(numeric::add);
        List<List<Object>> rows = new ArrayList<>(view.size());
        for (int i = 0; i < view.size(); i++) {
            R r = view.get(i);
            List<Object> cells = new ArrayList<>(rowHeaderTitles.size() + cols.size());
            if (rowHeader != null) {
                List<String> names = rowHeader.apply(r);
                for (int h = 0; h < rowHeaderTitles.size(); h++) {
                    cells.add(h < names.size() ? names.get(h) : "");
                }
            }
            for (ColumnSpec<R> c : cols) {
                cells.add(c.value().apply(r));
            }
            rows.add(Collections.unmodifiableList(cells));
        }
        return new ShownTable(headers, numeric, rows);
    }

    private static String fullHeader(ColumnSpec<?> c) {
        if (c.groups().isEmpty()) {
            return c.label();
        }
        return String.join(" ", c.groups()) + " " + c.label();
    }

    /**
     * What a grid shows, as text: headers (group path and label) and the shown cells.
     *
     * @since 0.1
     */
    public static final class ShownTableView {
        private final ShownTable table;

        ShownTableView(ShownTable table) {
            this.table = table;
        }

        /** One header per shown column: its group headers and its label. */
        public List<String> headers() {
            return table.headers();
        }

        /** The shown rows, each cell as the text on screen. */
        public List<List<String>> rows() {
            return table.text();
        }
    }

    /**
     * Sets the filter of a column as a user would type it in the filter row. The rows are
     * matched in a job; {@link #JOB_FAMILY} joins it.
     */
    public void setFilter(String columnKey, String expression) {
        int index = indexOf(columnKey);
        filterRow.getFilterRowDataLayer().getFilterRowDataProvider().setDataValue(index, 0, expression == null || expression.isBlank() ? null : expression);
        natTable.refresh(false);
    }

    /** Clears every filter. */
    public void clearFilters() {
        filterRow.getFilterRowDataLayer().getFilterRowDataProvider().clearAllFilters();
        natTable.refresh(false);
    }

    /**
     * Sorts by a column as a click on its header would; {@code accumulate} adds it to the
     * columns already sorted (a Ctrl+click). The header shows the sort at once; the rows are
     * sorted in a job and shown when it is done ({@link #JOB_FAMILY} joins it).
     */
    public void sort(String columnKey, boolean ascending, boolean accumulate) {
        sortModel.sort(indexOf(columnKey), ascending ? SortDirectionEnum.ASC : SortDirectionEnum.DESC, accumulate);
        natTable.refresh(false);
    }

    /** Hides a column as the header menu would. */
    public void hideColumn(String columnKey) {
        int position = selectionLayer.getColumnPositionByIndex(indexOf(columnKey));
        if (position >= 0) {
            natTable.doCommand(new org.eclipse.nebula.widgets.nattable.hideshow.command.MultiColumnHideCommand(selectionLayer, position));
        }
    }

    /** Moves a column to {@code toPosition} among the shown columns, as dragging its header would. */
    public void moveColumn(String columnKey, int toPosition) {
        int from = selectionLayer.getColumnPositionByIndex(indexOf(columnKey));
        if (from >= 0) {
            natTable.doCommand(new org.eclipse.nebula.widgets.nattable.reorder.command.ColumnReorderCommand(selectionLayer, from,
                    toPosition > from ? toPosition + 1 : toPosition));
        }
    }

    /** The group header names on each level, outermost level first, in shown order. */
    public List<List<String>> columnGroups() {
        List<List<String>> levels = new ArrayList<>();
        for (int l = groupHeader.getLevelCount() - 1; l >= 0; l--) {
            GroupModel model = groupHeader.getGroupModel(l);
            List<String> names = new ArrayList<>();
            GroupModel.Group previous = null;
            for (int p = 0; p < selectionLayer.getColumnCount(); p++) {
                GroupModel.Group g = model.getGroupByPosition(p);
                if (g != null && g != previous) {
                    names.add(g.getName());
                }
                previous = g;
            }
            levels.add(List.copyOf(names));
        }
        return levels;
    }

    /** Selects shown rows, as clicking their row headers would (fires the selection listener). */
    public void selectRows(int... shownIndexes) {
        if (shownIndexes.length == 0) {
            selectionLayer.clear();
            return;
        }
        natTable.doCommand(new SelectRowsCommand(selectionLayer, 0, shownIndexes, false, true, shownIndexes[0]));
    }

    /** The selected cells as tab-separated text, one line per row, in shown order (what Ctrl+C copies). */
    public String selectedText() {
        PositionCoordinate[] cells = selectionLayer.getSelectedCellPositions();
        Map<Integer, Map<Integer, Object>> byRow = new TreeMap<>();
        TreeSet<Integer> cols = new TreeSet<>();
        for (PositionCoordinate c : cells) {
            byRow.computeIfAbsent(c.getRowPosition(), k -> new HashMap<>()).put(c.getColumnPosition(),
                    selectionLayer.getDataValueByPosition(c.getColumnPosition(), c.getRowPosition()));
            cols.add(c.getColumnPosition());
        }
        StringBuilder text = new StringBuilder();
        for (Map<Integer, Object> row : byRow.values()) {
            List<String> line = new ArrayList<>();
            for (int col : cols) {
                line.add(CellText.of(row.get(col)).replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
            }
            text.append(String.join("\t", line)).append(System.lineSeparator());
        }
        return text.toString();
    }

    /** Puts {@link #selectedText()} on the clipboard (Ctrl+C). */
    public void copySelection() {
        String text = selectedText();
        if (text.isEmpty()) {
            return;
        }
        Clipboard clipboard = new Clipboard(natTable.getDisplay());
        try {
            clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }

    /**
     * Writes exactly what is shown to {@code target}: XLSX when the name ends in
     * {@code .xlsx}, otherwise CSV (formula-like text neutralised). Call from the UI thread;
     * what is shown is fixed at once and the file written by the caller's thread (the export
     * menu entry does this in a job).
     */
    public void export(Path target) throws IOException {
        write(snapshot().get(), target);
    }

    private void write(ShownTable table, Path target) throws IOException {
        if (target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            XlsxTableWriter.write(table, name, target);
        } else {
            CsvTableWriter.write(table, target);
        }
    }

    /**
     * Asks for a file and exports what is shown to it in a job.
     *
     * @param suggestedName file name offered, without extension
     */
    public void exportWithDialog(Shell shell, String suggestedName) {
        FileDialog d = new FileDialog(shell, SWT.SAVE);
        d.setText("Export what is shown");
        d.setFilterExtensions(new String[] { "*.csv", "*.xlsx" });
        d.setFilterNames(new String[] { "CSV (comma-separated)", "Excel workbook (XLSX)" });
        d.setFileName(suggestedName + ".csv");
        d.setOverwrite(true);
        String chosen = d.open();
        if (chosen == null) {
            return;
        }
        Path target = Path.of(chosen);
        if (!target.getFileName().toString().contains(".")) {
            target = target.resolveSibling(target.getFileName() + (d.getFilterIndex() == 1 ? ".xlsx" : ".csv"));
        }
        java.util.function.Supplier<ShownTable> table = snapshot();
        Path file = target;
        Job job = new Job("Exporting " + file.getFileName()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    write(table.get(), file);
                    return Status.OK_STATUS;
                } catch (IOException e) {
                    return Status.error("Could not export to " + file + ": " + e.getMessage(), e);
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job.setUser(true);
        job.schedule();
    }

    /**
     * Remembers the grid's layout (column order, hidden columns, widths, sort, filters,
     * frozen columns) in {@code file}: the layout saved there is applied now, and saved back
     * when the grid is disposed, when another file is chosen, or on {@link #saveState()}.
     * Pass null to stop remembering.
     */
    public void rememberStateIn(Path file) {
        if (Objects.equals(file, stateFile)) {
            return;
        }
        saveState();
        stateFile = file;
        resetLayout();
        if (file != null && Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
                natTable.loadState(STATE_PREFIX, p);
            } catch (IOException | RuntimeException e) {
                // a damaged layout file only costs the user their layout: start from the default
                Platform.getLog(DataGrid.class).warn("Ignoring unreadable grid layout " + file + ": " + e.getMessage());
            }
        }
        keepFrozen();
    }

    /**
     * Back to the layout the grid was built with: every column shown in definition order, no
     * sort, no filter (what another study starts from when it has no saved layout).
     */
    public void resetLayout() {
        clearFilters();
        sortModel.clear();
        natTable.doCommand(new ShowAllColumnsCommand());
        reorder.resetReorder();
        natTable.refresh(false);
        keepFrozen();
    }

    /** Saves the layout to the file given to {@link #rememberStateIn(Path)}, if any. */
    public void saveState() {
        if (stateFile == null || natTable.isDisposed()) {
            return;
        }
        Properties p = new Properties();
        natTable.saveState(STATE_PREFIX, p);
        try {
            Files.createDirectories(stateFile.getParent());
            Path tmp = Files.createTempFile(stateFile.getParent(), ".grid-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "PainLab grid layout");
            }
            Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Platform.getLog(DataGrid.class).warn("Could not save grid layout " + stateFile + ": " + e.getMessage());
        }
    }

    /**
     * Where a grid's layout for a study is kept: in the workbench's state area (not in the
     * study folder, which holds only the study), one file per study folder and grid id.
     *
     * @param gridId a stable id of the grid, e.g. the view id
     */
    public static Path stateFile(Study study, String gridId) {
        Bundle bundle = FrameworkUtil.getBundle(DataGrid.class);
        Path root = Platform.getStateLocation(bundle).toPath().resolve("grids");
        String folder = study.folder().toAbsolutePath().normalize().toString();
        String key = Integer.toHexString(folder.hashCode()) + "-" + study.folder().getFileName();
        return root.resolve(key.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + gridId.replaceAll("[^A-Za-z0-9._-]", "_") + ".properties");
    }

    private int indexOf(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + key);
    }

    /** Turns the filter row's expressions into one test of a row; the rows are matched in {@link ShownRows}' job. */
    private final class Strategy implements IFilterStrategy<R> {
        @Override
        public void applyFilter(Map<Integer, Object> filters) {
            Map<Integer, Predicate<Object>> tests = new LinkedHashMap<>();
            for (Map.Entry<Integer, Object> f : filters.entrySet()) {
                if (f.getValue() != null && !f.getValue().toString().isBlank()) {
                    tests.put(f.getKey(), CellFilter.parse(f.getValue().toString()));
                }
            }
            if (tests.isEmpty()) {
                shownRows.setFilter(null);
                return;
            }
            shownRows.setFilter(r -> {
                for (Map.Entry<Integer, Predicate<Object>> t : tests.entrySet()) {
                    if (!t.getValue().test(columns.get(t.getKey()).value().apply(r))) {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    /** Row header cells from the builder's function, for grids whose rows have names. */
    private final class RowHeaderData implements IDataProvider {
        private final int columnCount;
        private final Function<? super R, List<String>> header;

        RowHeaderData(int columnCount, Function<? super R, List<String>> header) {
            this.columnCount = columnCount;
            this.header = header;
        }

        @Override
        public Object getDataValue(int columnIndex, int rowIndex) {
            R row = bodyData.getRowObject(rowIndex);
            if (row == null) {
                return "";
            }
            List<String> cells = header.apply(row);
            return columnIndex < cells.size() ? cells.get(columnIndex) : "";
        }

        @Override
        public void setDataValue(int columnIndex, int rowIndex, Object newValue) {
            // read-only
        }

        @Override
        public int getColumnCount() {
            return columnCount;
        }

        @Override
        public int getRowCount() {
            return bodyData.getRowCount();
        }
    }

    /** The corner above named row headers shows their titles on the row of the column labels. */
    private static final class CornerData implements IDataProvider {
        private final List<String> titles;
        private final IDataProvider rowHeader;

        CornerData(List<String> titles, IDataProvider rowHeader) {
            this.titles = titles;
            this.rowHeader = rowHeader;
        }

        @Override
        public Object getDataValue(int columnIndex, int rowIndex) {
            // every header row comes with the same row index: the corner layer picks the row
            return columnIndex < titles.size() ? titles.get(columnIndex) : "";
        }

        @Override
        public void setDataValue(int columnIndex, int rowIndex, Object newValue) {
            // read-only
        }

        @Override
        public int getColumnCount() {
            return rowHeader.getColumnCount();
        }

        @Override
        public int getRowCount() {
            // asked with the header rows' own indexes (all small): answer for any of them, the layer picks the row
            return 16;
        }
    }

    /**
     * What the body's context menu offers for {@code row}: the row actions, then what the
     * builder's {@link Builder#rowMenu row menu} adds, then Copy and Export. The caller owns
     * (and disposes) the manager; tests use it to run an entry as a user would.
     *
     * @param row the row under the mouse, or null (below the last row)
     */
    public MenuManager menuFor(R row) {
        MenuManager m = new MenuManager();
        if (row != null) {
            for (Map.Entry<String, Consumer<R>> a : rowActions.entrySet()) {
                m.add(new Action(a.getKey()) {
                    @Override
                    public void run() {
                        a.getValue().accept(row);
                    }
                });
            }
            if (rowMenu != null) {
                rowMenu.accept(row, m);
            }
        }
        if (!m.isEmpty()) {
            m.add(new Separator());
        }
        m.add(new Action("Copy\tCtrl+C") {
            @Override
            public void run() {
                copySelection();
            }
        });
        m.add(new Action("Export what is shown...") {
            @Override
            public void run() {
                exportWithDialog(natTable.getShell(), name);
            }
        });
        return m;
    }

    /** Right-click on a row: select it (unless it is part of the selection) and show its menu. */
    private void showMenu(NatTable table, MouseEvent event) {
        NatEventData data = NatEventData.createInstanceFromEvent(event);
        int position = data.getRowPosition();
        int index = table.getRowIndexByPosition(position);
        R row = index < 0 ? null : bodyData.getRowObject(index);
        if (row != null && !selectionLayer.isRowPositionSelected(index)) {
            natTable.doCommand(new SelectRowsCommand(table, data.getColumnPosition(), position, false, false));
        }
        if (openMenu != null) {
            openMenu.dispose();
        }
        openMenu = menuFor(row);
        Menu menu = openMenu.createContextMenu(natTable);
        menu.setLocation(natTable.toDisplay(event.x, event.y));
        menu.setVisible(true);
    }

    /**
     * The column header's and the corner's menus (hide, show, choose columns, fit width, clear
     * filters), built at their first right-click: NatTable's header menu configuration builds
     * its menus with the grid, a few milliseconds of the grid's creation on the UI thread for
     * menus most grids never open.
     */
    private final class HeaderMenus extends AbstractUiBindingConfiguration {
        private PopupMenuAction columnHeader;
        private PopupMenuAction corner;

        @Override
        public void configureUiBindings(UiBindingRegistry registry) {
            registry.registerMouseDownBinding(new MouseEventMatcher(SWT.NONE, GridRegion.COLUMN_HEADER, MouseEventMatcher.RIGHT_BUTTON), (table, event) -> {
                if (columnHeader == null) {
                    columnHeader = new PopupMenuAction(new PopupMenuBuilder(table).withHideColumnMenuItem("Hide column")
                            .withShowAllColumnsMenuItem("Show all columns").withColumnChooserMenuItem("Choose columns...")
                            .withAutoResizeSelectedColumnsMenuItem("Fit width").withSeparator().withClearAllFilters("Clear all filters").build());
                }
                columnHeader.run(table, event);
            });
            registry.registerMouseDownBinding(new MouseEventMatcher(SWT.NONE, GridRegion.CORNER, MouseEventMatcher.RIGHT_BUTTON), (table, event) -> {
                if (corner == null) {
                    corner = new PopupMenuAction(new PopupMenuBuilder(table).withShowAllColumnsMenuItem("Show all columns")
                            .withClearAllFilters("Clear all filters").build());
                }
                corner.run(table, event);
            });
        }
    }

    /** Ctrl+C copies; Ctrl+click adds to the sort; right-click opens the row's menu ({@link #menuFor}). */
    private final class Bindings extends AbstractUiBindingConfiguration {
        @Override
        public void configureUiBindings(UiBindingRegistry registry) {
            registry.registerFirstKeyBinding(new KeyEventMatcher(SWT.MOD1, 'c'), (table, event) -> copySelection());
            // Ctrl+click adds a column to the sort as in spreadsheets (NatTable's own Alt+click stays)
            registry.registerFirstSingleClickBinding(MouseEventMatcher.columnHeaderLeftClick(SWT.MOD1), new SortColumnAction(true));
            registry.registerMouseDownBinding(new MouseEventMatcher(SWT.NONE, GridRegion.BODY, MouseEventMatcher.RIGHT_BUTTON),
                    DataGrid.this::showMenu);
            natTable.addDisposeListener(e -> {
                if (openMenu != null) {
                    openMenu.dispose();
                }
            });
        }
    }

    /**
     * Defines a {@link DataGrid}.
     *
     * @param <R> the row type
     * @since 0.1
     * @noextend This class is not intended to be subclassed by clients.
     */
    public static final class Builder<R> {
        private final List<ColumnSpec<R>> columns = new ArrayList<>();
        private final Map<String, Integer> widths = new HashMap<>();
        private final Map<String, Consumer<R>> rowActions = new LinkedHashMap<>();
        private int frozenColumns;
        private Consumer<List<R>> selectionListener;
        private List<String> rowHeaderTitles = List.of();
        private Function<? super R, List<String>> rowHeader;
        private int[] rowHeaderWidths = {};
        private BiConsumer<? super R, IMenuManager> rowMenu;
        private String name = "Table";
        private String fillColumn;

        private Builder() {
        }

        /** Adds a column. */
        public Builder<R> column(ColumnSpec<R> column) {
            if (columns.stream().anyMatch(c -> c.key().equals(column.key()))) {
                throw new IllegalArgumentException("duplicate column key " + column.key());
            }
            columns.add(column);
            return this;
        }

        /** Adds columns in order. */
        public Builder<R> columns(List<ColumnSpec<R>> list) {
            list.forEach(this::column);
            return this;
        }

        /** Sets the initial width of a column in pixels. */
        public Builder<R> width(String columnKey, int pixels) {
            widths.put(columnKey, pixels);
            return this;
        }

        /** Keeps the first {@code n} columns in place while scrolling sideways. */
        public Builder<R> frozenColumns(int n) {
            frozenColumns = n;
            return this;
        }

        /** Tells {@code listener} the selected rows whenever the row selection changes. */
        public Builder<R> onSelection(Consumer<List<R>> listener) {
            selectionListener = listener;
            return this;
        }

        /** Adds an entry to the body's context menu acting on the row under the mouse. */
        public Builder<R> rowAction(String label, Consumer<R> action) {
            rowActions.put(label, action);
            return this;
        }

        /**
         * Names rows in the row header instead of numbering them: one row header column per
         * title, its cells from {@code header}. Exports and {@link DataGrid#shown()} list these
         * columns first.
         */
        public Builder<R> rowHeaders(List<String> titles, Function<? super R, List<String>> header) {
            rowHeaderTitles = List.copyOf(titles);
            rowHeader = header;
            return this;
        }

        /** Sets the widths in pixels of the row header columns, in the order of their titles. */
        public Builder<R> rowHeaderWidths(int... pixels) {
            rowHeaderWidths = pixels.clone();
            return this;
        }

        /**
         * Lets the view add its own entries to the body's context menu, for the row under the
         * mouse: {@code filler} is called each time the menu opens, so entries can depend on
         * the row (sub-menus, checked choices). They come after the {@link #rowAction row
         * actions} and before Copy and Export.
         */
        public Builder<R> rowMenu(BiConsumer<? super R, IMenuManager> filler) {
            rowMenu = filler;
            return this;
        }

        /**
         * Lets a long text column (a reason, a note) take the width the other columns leave in
         * the grid's window, at least its {@link #width set width}: the table ends at the
         * window's edge instead of needing sideways scrolling, and a text longer than the
         * column ends in an ellipsis and is read in full in the cell's tooltip.
         */
        public Builder<R> fillWidth(String columnKey) {
            fillColumn = columnKey;
            return this;
        }

        /** What the grid is called in job names, the export sheet and the suggested file name. */
        public Builder<R> name(String gridName) {
            name = gridName;
            return this;
        }

        /** Creates the grid in {@code parent} (UI thread); it starts empty. */
        public DataGrid<R> build(Composite parent) {
            if (columns.isEmpty()) {
                throw new IllegalStateException("a grid needs at least one column");
            }
            // NatTable logs through slf4j, whose provider SPI Fly registers: the workbench starts SPI Fly after
            // its first window has painted, and a grid restored in that window comes before
            OnDemandExtenders.startNeededByAll(List.of(FrameworkUtil.getBundle(NatTable.class)));
            return new DataGrid<>(this, parent);
        }
    }
}
