package org.painlab.core.ui.internal.grid;

import org.eclipse.nebula.widgets.nattable.grid.layer.GridLayer;
import org.eclipse.nebula.widgets.nattable.layer.ILayer;
import org.eclipse.nebula.widgets.nattable.layer.event.ILayerEvent;
import org.eclipse.swt.graphics.Point;

/**
 * NatTable's grid layer (corner, column header, row header, body) that keeps the size of its
 * headers between layer events. NatTable's composite layer finds the region of a position by
 * summing its children's row and column counts, and the column header's row count is itself a
 * sum through the group header, sort header and filter row layers: several dozen calls for every
 * cell painted, asked again for each. The headers change size only with a structural change
 * (columns hidden or shown, a filter row shown), which reaches this layer as an event, so the
 * sizes are measured again after any event.
 */
public final class WorkbenchGridLayer extends GridLayer {
    // no field initialisers: the super constructor already lays out the children through the methods below
    private boolean measured;
    private boolean assembled;
    private int headerRows;
    private int headerColumns;

    public WorkbenchGridLayer(ILayer body, ILayer columnHeader, ILayer rowHeader, ILayer corner) {
        super(body, columnHeader, rowHeader, corner);
        measured = false;
    }

    @Override
    public void handleLayerEvent(ILayerEvent event) {
        measured = false;
        super.handleLayerEvent(event);
    }

    private void measure() {
        if (!measured) {
            headerRows = getColumnHeaderLayer().getRowCount();
            headerColumns = getRowHeaderLayer().getColumnCount();
            measured = true;
        }
    }

    private int headerRows() {
        measure();
        return headerRows;
    }

    private int headerColumns() {
        measure();
        return headerColumns;
    }

    /** Whether all four regions are in place (they are not yet while the super constructor runs). */
    private boolean complete() {
        if (!assembled) {
            assembled = getColumnHeaderLayer() != null && getRowHeaderLayer() != null && getBodyLayer() != null && getCornerLayer() != null;
        }
        return assembled;
    }

    @Override
    protected int getRowPositionOffset(int layoutY) {
        return layoutY == 1 && complete() ? headerRows() : super.getRowPositionOffset(layoutY);
    }

    @Override
    protected int getColumnPositionOffset(int layoutX) {
        return layoutX == 1 && complete() ? headerColumns() : super.getColumnPositionOffset(layoutX);
    }

    @Override
    protected Point getLayoutXYByPosition(int columnPosition, int rowPosition) {
        if (!complete()) {
            return super.getLayoutXYByPosition(columnPosition, rowPosition);
        }
        if (columnPosition < 0 || rowPosition < 0) {
            return null;
        }
        int x = columnPosition < headerColumns() ? 0 : columnPosition - headerColumns() < getBodyLayer().getColumnCount() ? 1 : -1;
        int y = rowPosition < headerRows() ? 0 : rowPosition - headerRows() < getBodyLayer().getRowCount() ? 1 : -1;
        return x < 0 || y < 0 ? null : new Point(x, y);
    }
}
