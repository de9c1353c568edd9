package org.painlab.core.ui.internal.grid;

import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.layer.ILayer;
import org.eclipse.nebula.widgets.nattable.painter.layer.GridLineCellLayerPainter;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayer;
import org.eclipse.nebula.widgets.nattable.selection.SelectionLayerPainter;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;

/**
 * The grid body's layer painter: NatTable's selection layer painter, which after painting the
 * cells looks up every visible cell twice more to find the borders of the selection. With
 * nothing selected there is no border to find, so then only the cells and grid lines are
 * painted, as NatTable's grid line painter does; that is a quarter of a whole repaint of the
 * Subject Grid saved after a filter or sort that left nothing selected.
 */
public final class GridSelectionPainter extends SelectionLayerPainter {
    private final SelectionLayer selection;
    private final GridLines gridLines = new GridLines();

    /** NatTable's grid line painter, telling what it read from the registry in its last paint. */
    private static final class GridLines extends GridLineCellLayerPainter {
        boolean rendersGridLines() {
            return renderGridLines;
        }

        Integer lineWidth() {
            return gridLineWidth;
        }
    }

    /** @param selection the layer whose selection decides whether borders are looked for */
    public GridSelectionPainter(SelectionLayer selection) {
        this.selection = selection;
    }

    @Override
    public void paintLayer(ILayer natLayer, GC gc, int xOffset, int yOffset, Rectangle pixelRectangle, IConfigRegistry registry) {
        if (selection.getSelectionModel().isEmpty()) {
            gridLines.paintLayer(natLayer, gc, xOffset, yOffset, pixelRectangle, registry);
            // cell bounds are adjusted through this painter: it must know the grid lines just read
            renderGridLines = gridLines.rendersGridLines();
            gridLineWidth = gridLines.lineWidth();
        } else {
            super.paintLayer(natLayer, gc, xOffset, yOffset, pixelRectangle, registry);
        }
    }
}
