package org.painlab.core.ui.internal.grid;

import java.util.function.Function;

import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.layer.ILayer;
import org.eclipse.nebula.widgets.nattable.layer.LayerUtil;
import org.eclipse.nebula.widgets.nattable.layer.cell.ILayerCell;
import org.eclipse.nebula.widgets.nattable.painter.cell.BorderPainter.BorderCell;
import org.eclipse.nebula.widgets.nattable.painter.cell.ICellPainter;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayerPainter;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;

/**
 * The grid body's layer painter: NatTable's selection layer painter (cells, grid lines, the
 * border around the selection) with the cost of finding the border taken out of every repaint.
 * NatTable finds the selection border by looking up every visible cell again (its bounds,
 * its display mode through the whole layer stack). Here the selection model first says, one
 * question per row, which painted rows hold selected cells; only those rows and their
 * neighbours (whose bounds the border painter reads) are looked up cell by cell, the others
 * enter NatTable's border painter as cells outside the border. With nothing selected in sight,
 * no cell is looked up.
 * What is drawn stays NatTable's, pixel for pixel (a test compares them).
 * <p>
 * A cell painted by the grid's {@link GridCellPainter} is painted without the clip NatTable
 * sets around every cell (a Cairo region built and dropped twice per cell): that painter keeps
 * to its cell on its own, clipping only a text that would leave it, and the region being painted
 * (frozen columns, scrolled part) is clipped by NatTable's composite painter already.
 */
public final class GridSelectionPainter extends SelectionLayerPainter {
    private final SelectionLayer selection;
    private int cellsSearched;

    /** @param selection the layer whose selection decides where borders are looked for */
    public GridSelectionPainter(SelectionLayer selection) {
        this.selection = selection;
    }

    /** How many cells the last paint looked up to find selection borders. */
    public int cellsSearched() {
        return cellsSearched;
    }

    @Override
    public void paintLayer(ILayer natLayer, GC gc, int xOffset, int yOffset, Rectangle pixelRectangle, IConfigRegistry registry) {
        cellsSearched = 0;
        super.paintLayer(natLayer, gc, xOffset, yOffset, pixelRectangle, registry);
    }

    @Override
    protected void paintCell(ILayerCell cell, GC gc, IConfigRegistry registry) {
        ILayer layer = cell.getLayer();
        int column = cell.getColumnPosition();
        int row = cell.getRowPosition();
        ICellPainter painter = layer.getCellPainter(column, row, cell, registry);
        if (!(painter instanceof GridCellPainter) || cell.isSpannedCell()) {
            super.paintCell(cell, gc, registry);
            return;
        }
        Rectangle bounds = layer.getLayerPainter().adjustCellBounds(column, row, cell.getBounds());
        painter.paintCell(cell, gc, bounds, registry);
    }

    /** As NatTable's, but cells are looked up only in rows holding selected cells and their neighbours. */
    @Override
    protected BorderCell[][] getBorderCells(ILayer natLayer, int xOffset, int yOffset, Rectangle positionRectangle,
            Function<ILayerCell, Boolean> function) {
        if (selection.getSelectionModel().isEmpty()) {
            return null;
        }
        int columnStart = positionRectangle.x;
        int columnEnd = columnStart + positionRectangle.width;
        int width = positionRectangle.width;
        if (positionRectangle.width + positionRectangle.x <= natLayer.getColumnCount()) {
            columnStart--;
            columnEnd++;
            width += 2;
        }
        // adjacent cells at the extremities too, so that external borders of single cell updates are right
        int rowStart = positionRectangle.y;
        int height = positionRectangle.height;
        if (positionRectangle.height + positionRectangle.y <= natLayer.getRowCount()) {
            rowStart--;
            height += 2;
        }
        boolean[] holds = new boolean[height + 2];
        boolean any = false;
        for (int i = 0; i < holds.length; i++) {
            holds[i] = rowHoldsSelection(natLayer, rowStart - 1 + i);
            any |= holds[i];
        }
        if (!any) {
            return null;
        }
        // a row is looked up when it or a neighbour holds selected cells: the border painter reads the bounds of an
        // inside cell's neighbours only; NatTable's layer test reads the row above the last one too
        boolean[] needed = new boolean[height];
        for (int iy = 0; iy < height; iy++) {
            needed[iy] = holds[iy] || holds[iy + 1] || holds[iy + 2];
        }
        if (height > 1 && needed[height - 1]) {
            needed[height - 2] = true;
        }
        BorderCell[][] cells = new BorderCell[height][width];
        boolean atLeastOne = false;
        for (int column = columnStart, ix = 0; column < columnEnd; column++, ix++) {
            for (int iy = 0; iy < height; iy++) {
                int row = rowStart + iy;
                if (!needed[iy]) {
                    cells[iy][ix] = new BorderCell(null, false);
                    continue;
                }
                boolean inside = false;
                Rectangle bounds = null;
                cellsSearched++;
                ILayerCell cell = natLayer.getCellByPosition(column, row);
                if (cell != null) {
                    bounds = cell.getBounds();
                    if (isInCurrentLayer(ix, iy, xOffset, yOffset, bounds, cells) && function.apply(cell)) {
                        inside = true;
                        atLeastOne = true;
                    }
                }
                cells[iy][ix] = new BorderCell(fixBoundsInGridLines(bounds, xOffset, yOffset), inside);
            }
        }
        return atLeastOne ? cells : null;
    }

    private boolean rowHoldsSelection(ILayer natLayer, int rowPosition) {
        if (rowPosition < 0 || rowPosition >= natLayer.getRowCount()) {
            return false;
        }
        int position = LayerUtil.convertRowPosition(natLayer, rowPosition, selection);
        return position >= 0 && selection.isRowPositionSelected(position);
    }
}
