package org.painlab.core.chart;

import java.util.List;

import org.painlab.core.chart.Painter.Align;

/**
 * The frame of the charts with two numeric axes (Kaplan–Meier, ROC): title, round ticks and grid
 * lines on both axes, axis titles, a legend on the right and a footnote. It works out the plot area
 * from the text sizes the painter reports; charts of any area draw their data through {@link #x} and
 * {@link #y}.
 *
 * @since 0.1
 */
public final class XyFrame {
    private double left;
    private double top;
    private double right;
    private double bottom;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    /**
     * Draws the frame and remembers the plot area.
     *
     * @param p painter
     * @param w width
     * @param h height
     * @param title chart title
     * @param xTitle x-axis title
     * @param yTitle y-axis title
     * @param x data range along x {lo, hi}
     * @param y data range along y {lo, hi}
     * @param legend legend entries (coloured by the palette), or empty
     * @param footnote line under the chart
     */
    public XyFrame(Painter p, int w, int h, String title, String xTitle, String yTitle, double[] x, double[] y,
            List<String> legend, String footnote) {
        p.fillRect(0, 0, w, h, 0xffffff);
        double lh = p.lineHeight();
        List<Double> xTicks = ChartStyle.ticks(x[0], x[1] > x[0] ? x[1] : x[0] + 1);
        List<Double> yTicks = ChartStyle.ticks(y[0], y[1] > y[0] ? y[1] : y[0] + 1);
        xMin = xTicks.get(0);
        xMax = xTicks.get(xTicks.size() - 1);
        yMin = yTicks.get(0);
        yMax = yTicks.get(yTicks.size() - 1);
        double tickWidth = 0;
        for (double t : yTicks) {
            tickWidth = Math.max(tickWidth, p.textWidth(ChartStyle.format(t), false));
        }
        double legendWidth = 0;
        for (String s : legend) {
            legendWidth = Math.max(legendWidth, p.textWidth(s, false) + 30);
        }
        left = 8 + lh + 6 + tickWidth + 6;
        right = w - 12 - (legend.isEmpty() ? 0 : legendWidth + 8);
        top = 10 + lh + 12;
        // tick labels, the x-axis title and the footnote below the plot
        bottom = h - 8 - lh - 8 - lh - 4 - lh - 6;
        p.text(title, left, 8, Align.LEFT, ChartStyle.INK, true);
        for (double t : yTicks) {
            double yy = y(t);
            p.line(left, yy, right, yy, ChartStyle.GRID, 1, false);
            p.line(left - 4, yy, left, yy, ChartStyle.INK, 1, false);
            p.text(ChartStyle.format(t), left - 6, yy - lh / 2, Align.RIGHT, ChartStyle.INK, false);
        }
        for (double t : xTicks) {
            double xx = x(t);
            p.line(xx, top, xx, bottom, ChartStyle.GRID, 1, false);
            p.line(xx, bottom, xx, bottom + 4, ChartStyle.INK, 1, false);
            p.text(ChartStyle.format(t), xx, bottom + 6, Align.CENTER, ChartStyle.INK, false);
        }
        p.line(left, top, left, bottom, ChartStyle.INK, 1, false);
        p.line(left, bottom, right, bottom, ChartStyle.INK, 1, false);
        p.verticalText(yTitle, 8 + lh / 2, (top + bottom) / 2, ChartStyle.INK);
        p.text(xTitle, (left + right) / 2, bottom + 6 + lh + 4, Align.CENTER, ChartStyle.INK, false);
        for (int i = 0; i < legend.size(); i++) {
            double ly = top + 4 + i * (lh + 4);
            int c = ChartStyle.color(i);
            p.line(right + 12, ly + lh / 2, right + 32, ly + lh / 2, c, 2, false);
            p.text(legend.get(i), right + 36, ly, Align.LEFT, ChartStyle.INK, false);
        }
        p.text(footnote, left, h - 8 - lh, Align.LEFT, 0x555555, false);
    }

    /** @param v value along x @return its pixel x */
    public double x(double v) {
        return left + (v - xMin) / (xMax - xMin) * (right - left);
    }

    /** @param v value along y @return its pixel y */
    public double y(double v) {
        return bottom - (v - yMin) / (yMax - yMin) * (bottom - top);
    }
}
