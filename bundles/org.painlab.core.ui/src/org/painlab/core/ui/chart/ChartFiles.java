package org.painlab.core.ui.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.painlab.core.chart.Chart;
import org.painlab.core.chart.SvgPainter;

/** Writes a chart as PNG (rendered off screen through a GC) or SVG (as text), by the file's extension. */
public final class ChartFiles {
    private ChartFiles() {
    }

    /**
     * @param chart the chart
     * @param w width in px
     * @param h height in px
     * @param out a .png or .svg file
     * @param display display to render PNGs with (UI thread)
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException for other extensions
     */
    public static void write(Chart chart, int w, int h, Path out, Display display) throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            Files.writeString(out, SvgPainter.render(chart, w, h), StandardCharsets.UTF_8);
        } else if (name.endsWith(".png")) {
            Image image = new Image(display, w, h);
            try {
                GC gc = new GC(image);
                GcPainter p = new GcPainter(gc);
                try {
                    chart.paint(p, w, h);
                } finally {
                    p.dispose();
                    gc.dispose();
                }
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] { image.getImageData() };
                loader.save(out.toString(), SWT.IMAGE_PNG);
            } finally {
                image.dispose();
            }
        } else {
            throw new IllegalArgumentException(out + ": charts are written as .png or .svg");
        }
    }
}
