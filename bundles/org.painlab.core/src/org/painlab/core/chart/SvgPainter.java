package org.painlab.core.chart;

import java.util.Locale;

/**
 * Writes the drawing as SVG text (no library: the few elements the charts use). Text widths are
 * estimated from the font size, which is close enough for the sans-serif fonts viewers pick.
 *
 * @since 0.1
 */
public final class SvgPainter implements Painter {
    private static final double FONT = 12;
    private final StringBuilder body = new StringBuilder();
    private final int width;
    private final int height;

    /** @param width document width in px @param height document height in px */
    public SvgPainter(int width, int height) {
        this.width = width;
        this.height = height;
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String c(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, int rgb, double w, boolean dashed) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(c(rgb)).append("\" stroke-width=\"")
                .append(n(w)).append('"').append(dashed ? " stroke-dasharray=\"4 3\"" : "").append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int rgb, double w) {
        body.append("<polyline fill=\"none\" stroke=\"").append(c(rgb)).append("\" stroke-width=\"").append(n(w))
                .append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            body.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        body.append("\"/>\n");
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int rgb, double opacity) {
        body.append("<polygon fill=\"").append(c(rgb)).append("\" fill-opacity=\"").append(n(opacity))
                .append("\" stroke=\"none\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            body.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        body.append("\"/>\n");
    }

    /**
     * @param chart the chart
     * @param w width in px
     * @param h height in px
     * @return the chart as a complete SVG document
     */
    public static String render(Chart chart, int w, int h) {
        SvgPainter svg = new SvgPainter(w, h);
        chart.paint(svg, w, h);
        return svg.document();
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int rgb) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(c(rgb)).append("\"/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, int rgb, double sw) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"none\" stroke=\"").append(c(rgb))
                .append("\" stroke-width=\"").append(n(sw)).append("\"/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, int rgb, boolean filled) {
        body.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append(filled ? "\" fill=\"" + c(rgb) + "\"/>\n" : "\" fill=\"none\" stroke=\"" + c(rgb) + "\"/>\n");
    }

    @Override
    public void text(String s, double x, double y, Align align, int rgb, boolean bold) {
        String anchor = align == Align.LEFT ? "start" : align == Align.CENTER ? "middle" : "end";
        // SVG places text on its baseline; the charts give the top, like SWT
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y + FONT)).append("\" text-anchor=\"")
                .append(anchor).append("\" fill=\"").append(c(rgb)).append('"')
                .append(bold ? " font-weight=\"bold\"" : "").append('>').append(escape(s)).append("</text>\n");
    }

    @Override
    public void verticalText(String s, double x, double y, int rgb) {
        body.append("<text x=\"0\" y=\"0\" text-anchor=\"middle\" dominant-baseline=\"middle\" fill=\"").append(c(rgb))
                .append("\" transform=\"translate(").append(n(x)).append(' ').append(n(y)).append(") rotate(-90)\">")
                .append(escape(s)).append("</text>\n");
    }

    @Override
    public double textWidth(String s, boolean bold) {
        return s.length() * FONT * (bold ? 0.62 : 0.56);
    }

    @Override
    public double lineHeight() {
        return FONT * 1.3;
    }

    /** @return the complete SVG document */
    public String document() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
                + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height
                + "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"" + (int) FONT + "\">\n" + body
                + "</svg>\n";
    }
}
