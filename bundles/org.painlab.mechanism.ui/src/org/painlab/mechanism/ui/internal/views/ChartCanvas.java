package org.painlab.mechanism.ui.internal.views;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.painlab.core.chart.Chart;
import org.painlab.core.ui.chart.ChartFiles;
import org.painlab.core.ui.chart.GcPainter;

/** A canvas that draws one chart of the shared chart layer, and writes it as PNG or SVG. */
final class ChartCanvas {
    private final Canvas canvas;
    private Chart chart;
    private String empty = "";

    ChartCanvas(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addPaintListener(e -> {
            var area = canvas.getClientArea();
            if (chart == null || area.width < 60 || area.height < 60) {
                e.gc.drawText(empty, 10, 10, true);
                return;
            }
            GcPainter p = new GcPainter(e.gc);
            try {
                chart.paint(p, area.width, area.height);
            } finally {
                p.dispose();
            }
        });
    }

    Canvas control() {
        return canvas;
    }

    Chart chart() {
        return chart;
    }

    /** Shows {@code c}, or the message {@code whenEmpty} when c is null. */
    void show(Chart c, String whenEmpty) {
        chart = c;
        empty = whenEmpty == null ? "" : whenEmpty;
        if (!canvas.isDisposed()) {
            canvas.redraw();
        }
    }

    /** Writes the chart at the size it has on screen (at least 900 × 600), PNG or SVG by the extension. */
    void save(Path out) throws IOException {
        if (chart == null) {
            throw new IOException("nothing to save: no chart shown");
        }
        var area = canvas.getClientArea();
        ChartFiles.write(chart, Math.max(900, area.width), Math.max(600, area.height), out, canvas.getDisplay());
    }

    /** Asks for a .png or .svg file and writes the chart there. */
    void saveWithDialog(String suggested) {
        if (chart == null) {
            return;
        }
        FileDialog d = new FileDialog(canvas.getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { "*.png", "*.svg" });
        d.setFileName(suggested);
        d.setOverwrite(true);
        String f = d.open();
        if (f != null) {
            try {
                save(Path.of(f));
            } catch (IOException | IllegalArgumentException e) {
                MessageDialog.openError(canvas.getShell(), "Save Chart", f + ": " + e.getMessage());
            }
        }
    }
}
