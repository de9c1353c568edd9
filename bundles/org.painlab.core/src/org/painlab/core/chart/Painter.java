package org.painlab.core.chart;

/**
 * The few drawing operations the charts need, so one chart class draws on screen, into a PNG
 * (both through an SWT GC) and into SVG text. Coordinates in pixels, origin top left; colours
 * as 0xRRGGBB.
 *
 * @since 0.1
 */
public interface Painter {

    /** Horizontal alignment of text relative to its x. */
    enum Align {
        LEFT, CENTER, RIGHT
    }

    /** Draws a straight line. */
    void line(double x1, double y1, double x2, double y2, int rgb, double width, boolean dashed);

    /** Draws connected line segments through the points (xs[i], ys[i]). */
    void polyline(double[] xs, double[] ys, int rgb, double width);

    /**
     * Fills a polygon see-through, so what was drawn before (grid, other bands) still shows.
     *
     * @param opacity 0 (invisible) to 1 (opaque)
     */
    void fillPolygon(double[] xs, double[] ys, int rgb, double opacity);

    /** Fills a rectangle. */
    void fillRect(double x, double y, double w, double h, int rgb);

    /** Outlines a rectangle. */
    void strokeRect(double x, double y, double w, double h, int rgb, double width);

    /** Draws a circle, filled or outlined. */
    void circle(double cx, double cy, double r, int rgb, boolean filled);

    /** Draws text whose top is at y. */
    void text(String s, double x, double y, Align align, int rgb, boolean bold);

    /** Draws text rotated a quarter turn counter-clockwise, centred on (x, y) (y-axis titles). */
    void verticalText(String s, double x, double y, int rgb);

    /** @return width of the text as {@link #text} draws it */
    double textWidth(String s, boolean bold);

    /** @return height of a line of text */
    double lineHeight();
}
