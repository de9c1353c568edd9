package org.painlab.core.ui.chart;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Transform;
import org.painlab.core.chart.Painter;

/** Paints on an SWT GC (a canvas or an image). Call {@link #dispose()} to free fonts and colours. */
public final class GcPainter implements Painter {
    private final GC gc;
    private final Map<Integer, Color> colors = new HashMap<>();
    private final Font regular;
    private final Font bold;

    /** @param gc the GC to draw on; antialiasing is switched on */
    public GcPainter(GC gc) {
        this.gc = gc;
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        regular = gc.getFont();
        FontData[] fd = regular.getFontData();
        for (FontData d : fd) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(gc.getDevice(), fd);
    }

    private Color color(int rgb) {
        return colors.computeIfAbsent(rgb, c -> new Color(gc.getDevice(), c >> 16 & 0xff, c >> 8 & 0xff, c & 0xff));
    }

    private static int px(double v) {
        return (int) Math.round(v);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double width, boolean dashed) {
        gc.setForeground(color(rgb));
        gc.setLineWidth(Math.max(1, px(width)));
        gc.setLineStyle(dashed ? SWT.LINE_DASH : SWT.LINE_SOLID);
        gc.drawLine(px(x1), px(y1), px(x2), px(y2));
        gc.setLineStyle(SWT.LINE_SOLID);
    }

    @Override
    public void polyline(double[] xs, double[] ys, int rgb, double width) {
        int[] pts = new int[xs.length * 2];
        for (int i = 0; i < xs.length; i++) {
            pts[2 * i] = px(xs[i]);
            pts[2 * i + 1] = px(ys[i]);
        }
        gc.setForeground(color(rgb));
        gc.setLineWidth(Math.max(1, px(width)));
        gc.drawPolyline(pts);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int rgb, double opacity) {
        int[] pts = new int[xs.length * 2];
        for (int i = 0; i < xs.length; i++) {
            pts[2 * i] = px(xs[i]);
            pts[2 * i + 1] = px(ys[i]);
        }
        gc.setBackground(color(rgb));
        gc.setAlpha((int) Math.round(Math.max(0, Math.min(1, opacity)) * 255));
        gc.fillPolygon(pts);
        gc.setAlpha(255);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int rgb) {
        gc.setBackground(color(rgb));
        gc.fillRectangle(px(x), px(y), px(w), px(h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, int rgb, double width) {
        gc.setForeground(color(rgb));
        gc.setLineWidth(Math.max(1, px(width)));
        gc.drawRectangle(px(x), px(y), px(w), px(h));
    }

    @Override
    public void circle(double cx, double cy, double r, int rgb, boolean filled) {
        int d = Math.max(2, px(2 * r));
        int x = px(cx - r);
        int y = px(cy - r);
        if (filled) {
            gc.setBackground(color(rgb));
            gc.fillOval(x, y, d, d);
        } else {
            gc.setForeground(color(rgb));
            gc.setLineWidth(1);
            gc.drawOval(x, y, d, d);
        }
    }

    @Override
    public void text(String s, double x, double y, Align align, int rgb, boolean isBold) {
        gc.setFont(isBold ? bold : regular);
        gc.setForeground(color(rgb));
        double w = gc.textExtent(s).x;
        double left = align == Align.LEFT ? x : align == Align.CENTER ? x - w / 2 : x - w;
        gc.drawText(s, px(left), px(y), SWT.DRAW_TRANSPARENT);
        gc.setFont(regular);
    }

    @Override
    public void verticalText(String s, double x, double y, int rgb) {
        gc.setFont(regular);
        gc.setForeground(color(rgb));
        var extent = gc.textExtent(s);
        Transform t = new Transform(gc.getDevice());
        try {
            t.translate((float) x, (float) y);
            t.rotate(-90);
            gc.setTransform(t);
            gc.drawText(s, -extent.x / 2, -extent.y / 2, SWT.DRAW_TRANSPARENT);
            gc.setTransform(null);
        } finally {
            t.dispose();
        }
    }

    @Override
    public double textWidth(String s, boolean isBold) {
        gc.setFont(isBold ? bold : regular);
        double w = gc.textExtent(s).x;
        gc.setFont(regular);
        return w;
    }

    @Override
    public double lineHeight() {
        return gc.getFontMetrics().getHeight();
    }

    /** Frees the colours and the bold font (not the GC). */
    public void dispose() {
        colors.values().forEach(Color::dispose);
        colors.clear();
        bold.dispose();
    }
}
