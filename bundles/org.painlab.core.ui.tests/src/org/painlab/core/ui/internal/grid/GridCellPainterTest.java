package org.painlab.core.ui.internal.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.freeze.CompositeFreezeLayer;
import org.eclipse.nebula.widgets.nattable.grid.GridRegion;
import org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer;
import org.eclipse.nebula.widgets.nattable.layer.cell.ILayerCell;
import org.eclipse.nebula.widgets.nattable.painter.cell.BackgroundPainter;
import org.eclipse.nebula.widgets.nattable.painter.cell.ICellPainter;
import org.eclipse.nebula.widgets.nattable.painter.cell.TextPainter;
import org.eclipse.nebula.widgets.nattable.painter.cell.decorator.PaddingDecorator;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayerPainter;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.style.HorizontalAlignmentEnum;
import org.eclipse.nebula.widgets.nattable.style.VerticalAlignmentEnum;
import org.eclipse.nebula.widgets.nattable.viewport.ViewportLayer;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.painlab.core.ui.ScreenCapture;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;

/**
 * The grid's body painters draw what NatTable's own painters of the modern theme draw (same
 * pixels, with and without selected rows), and long texts end in an ellipsis inside the cell.
 */
class GridCellPainterTest {
    record Patient(String id, String arm, Double vas, Double odi, String note) {
    }

    private Shell shell;
    private DataGrid<Patient> grid;

    @BeforeEach
    void open() throws Exception {
        shell = new Shell(Display.getCurrent());
        shell.setLayout(new FillLayout());
        shell.setSize(900, 420);
        grid = DataGrid.<Patient>builder().name("Patients")
                .column(ColumnSpec.text("id", "Subject", Patient::id))
                .column(ColumnSpec.text("arm", "Arm", Patient::arm))
                .column(ColumnSpec.<Patient>number("vas", "VAS", Patient::vas).under("Baseline"))
                .column(ColumnSpec.<Patient>number("odi", "ODI", Patient::odi).under("Baseline"))
                .column(ColumnSpec.text("note", "Note", Patient::note))
                .width("note", 200).frozenColumns(2).build(shell);
        shell.open();
        List<Patient> rows = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            rows.add(new Patient(String.format("P%03d", i), i % 2 == 0 ? "S" : "P", i % 3 == 0 ? null : i * 1.25, 10.0 + i,
                    i % 4 == 0 ? "" : "visit " + i));
        }
        grid.load("test rows", () -> rows, null);
        waitFor(() -> grid.shownRowCount() == 30, 20_000);
        assertEquals(30, grid.shownRowCount());
        settle();
        grid.selectRows(2, 3);
        settle();
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void bodyLooksAsWithNatTablesTextPainter() throws Exception {
        NatTable table = grid.control();
        IConfigRegistry registry = table.getConfigRegistry();
        ILayerCell cell = table.getCellByPosition(3, 5);
        assertInstanceOf(GridCellPainter.class, registry.getConfigAttribute(CellConfigAttributes.CELL_PAINTER, DisplayMode.NORMAL, cell.getConfigLabels()));
        assertInstanceOf(GridCellPainter.class, registry.getConfigAttribute(CellConfigAttributes.CELL_PAINTER, DisplayMode.SELECT, cell.getConfigLabels()));
        Rectangle body = bodyOnScreen(table);
        Path png = Path.of(System.getProperty("painlab.screenshot", "target/workbench.png")).resolveSibling("grid-painter.png");
        ImageData ours = ScreenCapture.save(shell.getDisplay(), body, png);
        // selected rows (shown 2 and 3, row positions 5 and 6) in the theme's selection colour
        Point origin = table.toDisplay(0, 0);
        Rectangle plain = table.getCellByPosition(1, 4).getBounds();
        Rectangle selected = table.getCellByPosition(1, 5).getBounds();
        int plainBackground = ours.getPixel(origin.x + plain.x + plain.width - 3 - body.x, origin.y + plain.y + 2 - body.y);
        int selectedBackground = ours.getPixel(origin.x + selected.x + selected.width - 3 - body.x, origin.y + selected.y + 2 - body.y);
        assertTrue(plainBackground != selectedBackground, "a selected row has the selection background");

        // the modern theme's body painter, as NatTable paints it without ours
        ICellPainter nattables = new BackgroundPainter(new PaddingDecorator(new TextPainter(false, false), 0, GridCellPainter.PADDING, 0,
                GridCellPainter.PADDING, false));
        for (DisplayMode mode : new DisplayMode[] { DisplayMode.NORMAL, DisplayMode.SELECT, DisplayMode.HOVER, DisplayMode.SELECT_HOVER }) {
            registry.registerConfigAttribute(CellConfigAttributes.CELL_PAINTER, nattables, mode, GridRegion.BODY);
        }
        table.redraw();
        table.update();
        settle();
        ImageData theirs = ScreenCapture.save(shell.getDisplay(), body, png.resolveSibling("grid-painter-nattable.png"));

        int differing = 0;
        int dark = 0;
        for (int y = 0; y < ours.height; y++) {
            for (int x = 0; x < ours.width; x++) {
                int p = ours.getPixel(x, y);
                if (p != theirs.getPixel(x, y)) {
                    differing++;
                }
                if (brightness(ours, p) < 100) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 500, "text was drawn: " + dark + " dark pixels");
        assertEquals(0, differing, "pixels that differ from NatTable's text painter in " + body);
    }

    @Test
    void selectionBordersAreNatTablesAndOnlyRowsNearTheSelectionAreSearched() throws Exception {
        NatTable table = grid.control();
        SelectionLayer selection = (SelectionLayer) ((ViewportLayer) ((CompositeFreezeLayer) ((GridLayer) table.getLayer()).getBodyLayer())
                .getChildLayerByLayoutCoordinate(1, 1)).getScrollableLayer();
        GridSelectionPainter ours = assertInstanceOf(GridSelectionPainter.class, selection.getLayerPainter());
        Rectangle body = bodyOnScreen(table);
        // shown rows 2 and 3 selected (in open()), then besides them a block of cells across the frozen edge
        for (int round = 0; round < 2; round++) {
            if (round == 1) {
                selection.selectRegion(1, 8, 3, 4);
            }
            selection.setLayerPainter(ours);
            table.redraw();
            table.update();
            settle();
            ImageData mine = ScreenCapture.save(shell.getDisplay(), body, Path.of(System.getProperty("java.io.tmpdir"), "grid-selected-" + round + ".png"));
            int searched = ours.cellsSearched();
            selection.setLayerPainter(new SelectionLayerPainter());
            table.redraw();
            table.update();
            settle();
            ImageData theirs = ScreenCapture.save(shell.getDisplay(), body,
                    Path.of(System.getProperty("java.io.tmpdir"), "grid-selected-nattable-" + round + ".png"));
            int differing = 0;
            for (int y = 0; y < mine.height; y++) {
                for (int x = 0; x < mine.width; x++) {
                    int p = mine.getPixel(x, y);
                    if (p != theirs.getPixel(x, y)) {
                        differing++;
                    }
                }
            }
            assertEquals(0, differing, "pixels that differ from NatTable's selection layer painter in " + body + " (round " + round + ")");
            // the last painted part of the body (at most 5 columns x 30 rows: NatTable's painter looks up 4 x 150 cells)
            assertTrue(searched > 0, "selection borders were looked for");
            assertTrue(searched <= (round == 0 ? 2 : 6) * 5 * 4, "cells looked up for borders: " + searched);
        }
        selection.setLayerPainter(ours);
    }

    @Test
    void withNothingSelectedTheGridLooksAsWithNatTablesSelectionPainter() throws Exception {
        NatTable table = grid.control();
        grid.selectRows();
        table.redraw();
        table.update();
        settle();
        SelectionLayer selection = (SelectionLayer) ((ViewportLayer) ((CompositeFreezeLayer) ((GridLayer) table.getLayer()).getBodyLayer())
                .getChildLayerByLayoutCoordinate(1, 1)).getScrollableLayer();
        assertInstanceOf(GridSelectionPainter.class, selection.getLayerPainter());
        Rectangle body = bodyOnScreen(table);
        ImageData ours = ScreenCapture.save(shell.getDisplay(), body, Path.of(System.getProperty("java.io.tmpdir"), "grid-unselected.png"));
        selection.setLayerPainter(new SelectionLayerPainter());
        table.redraw();
        table.update();
        settle();
        ImageData theirs = ScreenCapture.save(shell.getDisplay(), body, Path.of(System.getProperty("java.io.tmpdir"), "grid-unselected-nattable.png"));
        int differing = 0;
        for (int y = 0; y < ours.height; y++) {
            for (int x = 0; x < ours.width; x++) {
                if (ours.getPixel(x, y) != theirs.getPixel(x, y)) {
                    differing++;
                }
            }
        }
        assertEquals(0, differing, "pixels that differ from NatTable's selection layer painter in " + body);
    }

    @Test
    void numbersEndAtTheRightPaddingAndTextStartsAtTheLeft() throws Exception {
        NatTable table = grid.control();
        ImageData image = ScreenCapture.save(shell.getDisplay(), bodyOnScreen(table), Path.of(System.getProperty("java.io.tmpdir"), "grid-align.png"));
        Rectangle body = bodyOnScreen(table);
        Point origin = table.toDisplay(0, 0);
        // row position 3 is the first subject (group, labels and filter rows above it); 4 is P002 with VAS 2.50
        Rectangle number = table.getCellByPosition(3, 4).getBounds();
        Rectangle text = table.getCellByPosition(1, 4).getBounds();
        int[] numberInk = ink(image, number, origin, body);
        int[] textInk = ink(image, text, origin, body);
        assertTrue(numberInk[1] <= number.x + number.width - GridCellPainter.PADDING && numberInk[1] >= number.x + number.width - GridCellPainter.PADDING - 3,
                "number ends at the right padding: ink " + numberInk[0] + ".." + numberInk[1] + " in " + number);
        assertTrue(textInk[0] >= text.x + GridCellPainter.PADDING && textInk[0] <= text.x + GridCellPainter.PADDING + 3,
                "text starts at the left padding: ink " + textInk[0] + ".." + textInk[1] + " in " + text);
    }

    @Test
    void longTextEndsInAnEllipsisInsideTheCell() {
        Image image = new Image(Display.getCurrent(), 400, 40);
        GC gc = new GC(image);
        try {
            String text = "Welch's t test: the variances differ between the arms (Levene p = 0.003)";
            HashMap<String, Integer> widths = new HashMap<>();
            String shown = GridCellPainter.shortened(gc, widths, text, 120);
            assertTrue(shown.endsWith(GridCellPainter.ELLIPSIS) && shown.length() < text.length(), shown);
            assertTrue(gc.stringExtent(shown).x <= 120, shown + " fits in 120 px");
            String start = shown.substring(0, shown.length() - GridCellPainter.ELLIPSIS.length());
            assertTrue(text.startsWith(start), shown);
            String longer = text.substring(0, text.indexOf(start) + start.length() + 1).stripTrailing();
            assertTrue(longer.length() == start.length() || gc.stringExtent(longer + GridCellPainter.ELLIPSIS).x > 120,
                    "the longest start that fits: " + shown);
            assertEquals("", GridCellPainter.shortened(gc, widths, text, 3), "no room even for the ellipsis");
        } finally {
            gc.dispose();
            image.dispose();
        }
        assertEquals(30, GridCellPainter.horizontalOffset(HorizontalAlignmentEnum.RIGHT, 50, 20));
        assertEquals(15, GridCellPainter.horizontalOffset(HorizontalAlignmentEnum.CENTER, 50, 20));
        assertEquals(0, GridCellPainter.horizontalOffset(HorizontalAlignmentEnum.LEFT, 50, 20));
        assertEquals(0, GridCellPainter.horizontalOffset(HorizontalAlignmentEnum.RIGHT, 50, 80), "a text wider than its cell starts at the left");
        assertEquals(2, GridCellPainter.verticalOffset(VerticalAlignmentEnum.MIDDLE, 20, 16));
        assertEquals(4, GridCellPainter.verticalOffset(VerticalAlignmentEnum.BOTTOM, 20, 16));
    }

    @Test
    void rowHeaderLooksAsWithNatTablesTextPainter() throws Exception {
        NatTable table = grid.control();
        IConfigRegistry registry = table.getConfigRegistry();
        ILayerCell number = table.getCellByPosition(0, 5);
        assertInstanceOf(GridCellPainter.class, registry.getConfigAttribute(CellConfigAttributes.CELL_PAINTER, DisplayMode.NORMAL, number.getConfigLabels()));
        // rows 2 and 3 are selected: their numbers are painted in the selection's style
        assertInstanceOf(GridCellPainter.class, registry.getConfigAttribute(CellConfigAttributes.CELL_PAINTER, DisplayMode.SELECT, number.getConfigLabels()));
        Rectangle rowHeader = rowHeaderOnScreen(table);
        ImageData ours = ScreenCapture.save(shell.getDisplay(), rowHeader, Path.of(System.getProperty("java.io.tmpdir"), "grid-row-header.png"));
        // the modern theme's row header painters, as NatTable paints them without ours
        registry.registerConfigAttribute(CellConfigAttributes.CELL_PAINTER, new TextPainter(), DisplayMode.NORMAL, GridRegion.ROW_HEADER);
        registry.registerConfigAttribute(CellConfigAttributes.CELL_PAINTER, new TextPainter(), DisplayMode.SELECT, GridRegion.ROW_HEADER);
        table.redraw();
        table.update();
        settle();
        ImageData theirs = ScreenCapture.save(shell.getDisplay(), rowHeader, Path.of(System.getProperty("java.io.tmpdir"), "grid-row-header-nattable.png"));
        int differing = 0;
        int dark = 0;
        for (int y = 0; y < ours.height; y++) {
            for (int x = 0; x < ours.width; x++) {
                int p = ours.getPixel(x, y);
                if (p != theirs.getPixel(x, y)) {
                    differing++;
                }
                if (brightness(ours, p) < 100) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 50, "row numbers were drawn: " + dark + " dark pixels");
        assertEquals(0, differing, "pixels that differ from NatTable's text painter in " + rowHeader);
    }

    /** The row header below the three header rows, in display coordinates. */
    private static Rectangle rowHeaderOnScreen(NatTable table) {
        Rectangle first = table.getCellByPosition(0, 3).getBounds();
        Rectangle area = table.getClientArea();
        Point origin = table.toDisplay(first.x, first.y);
        return new Rectangle(origin.x, origin.y, first.width, area.height - first.y);
    }

    /** The body of the grid (right of the row header, below the three header rows) in display coordinates. */
    private static Rectangle bodyOnScreen(NatTable table) {
        Rectangle first = table.getCellByPosition(1, 3).getBounds();
        Rectangle area = table.getClientArea();
        Point origin = table.toDisplay(first.x, first.y);
        return new Rectangle(origin.x, origin.y, area.width - first.x, area.height - first.y);
    }

    /** Leftmost and rightmost column with dark pixels inside a cell, in NatTable coordinates. */
    private static int[] ink(ImageData image, Rectangle cell, Point tableOrigin, Rectangle body) {
        int left = Integer.MAX_VALUE;
        int right = -1;
        for (int x = cell.x + 1; x < cell.x + cell.width - 1; x++) {
            for (int y = cell.y + 2; y < cell.y + cell.height - 2; y++) {
                int ix = tableOrigin.x + x - body.x;
                int iy = tableOrigin.y + y - body.y;
                if (ix >= 0 && iy >= 0 && ix < image.width && iy < image.height && brightness(image, image.getPixel(ix, iy)) < 128) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        assertTrue(right >= 0, "no text in " + cell);
        return new int[] { left, right };
    }

    private static int brightness(ImageData image, int pixel) {
        org.eclipse.swt.graphics.RGB rgb = image.palette.getRGB(pixel);
        return (rgb.red + rgb.green + rgb.blue) / 3;
    }

    private static void settle() throws InterruptedException {
        Job.getJobManager().join(DataGrid.JOB_FAMILY, null);
        waitFor(() -> false, 300);
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
