package org.painlab.stats.chart;

import java.util.ArrayList;
import java.util.List;

import org.painlab.core.chart.Painter.Align;
import org.painlab.core.chart.ChartStyle;
import org.painlab.core.chart.Painter;

/**
 * The frame shared by the outcome charts: title, a numeric y axis with round ticks and grid
 * lines, categories (time points or arms) along x, a legend on the right and a footnote. Works
 * out the plot area from the text sizes the painter reports, so labels never overlap the plot.
 */
final class CategoryFrame {
    static final int INK = ChartStyle.INK;
    static final int GRID = ChartStyle.GRID;

    double left;
    double top;
    double right;
    double bottom;
    private final double min;
    private final double max;
    private final List<Double> ticks;
    private final int categories;

    /**
     * Draws the frame and remembers the plot area.
     *
     * @param p painter
     * @param w width
     * @param h height
     * @param title chart title
     * @param banner text in red at the top right (simulated data), or null
     * @param yTitle y-axis title
     * @param lo smallest value to show
     * @param hi largest value to show
     * @param xLabels category labels
     * @param legend legend entries (coloured by the palette), or empty
     * @param footnote line under the chart
     */
    CategoryFrame(Painter p, int w, int h, String title, String banner, String yTitle, double lo, double hi,
            List<String> xLabels, List<String> legend, String footnote) {
        p.fillRect(0, 0, w, h, 0xffffff);
        double lh = p.lineHeight();
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        ticks = ticks(lo, hi);
        min = ticks.get(0);
        max = ticks.get(ticks.size() - 1);
        categories = xLabels.size();
        double tickWidth = 0;
        for (double t : ticks) {
            tickWidth = Math.max(tickWidth, p.textWidth(format(t), false));
        }
        double legendWidth = 0;
        for (String s : legend) {
            legendWidth = Math.max(legendWidth, p.textWidth(s, false) + 30);
        }
        left = 8 + lh + 6 + tickWidth + 6;
        right = w - 12 - (legend.isEmpty() ? 0 : legendWidth + 8);
        // the banner goes beside the title when both fit, else on a line of its own below it
        boolean bannerBelow = banner != null
                && 10 + p.textWidth(title, true) + 20 + p.textWidth(banner, true) + 10 > w;
        top = 10 + lh + 12 + (bannerBelow ? lh : 0);
        bottom = h - 10 - lh - 6 - 2 * lh - 6;
        p.text(title, left, 8, Align.LEFT, INK, true);
        if (banner != null) {
            p.text(banner, w - 10, bannerBelow ? 8 + lh : 8, Align.RIGHT, 0xc00000, true);
        }
        for (double t : ticks) {
            double y = y(t);
            p.line(left, y, right, y, GRID, 1, false);
            p.line(left - 4, y, left, y, INK, 1, false);
            p.text(format(t), left - 6, y - lh / 2, Align.RIGHT, INK, false);
        }
        p.line(left, top, left, bottom, INK, 1, false);
        p.line(left, bottom, right, bottom, INK, 1, false);
        p.verticalText(yTitle, 8 + lh / 2, (top + bottom) / 2, INK);
        for (int i = 0; i < categories; i++) {
            double x = x(i);
            p.line(x, bottom, x, bottom + 4, INK, 1, false);
            List<String> lines = wrap(p, xLabels.get(i), (right - left) / Math.max(1, categories) - 4);
            for (int k = 0; k < lines.size() && k < 2; k++) {
                p.text(lines.get(k), x, bottom + 6 + k * lh, Align.CENTER, INK, false);
            }
        }
        for (int i = 0; i < legend.size(); i++) {
            double ly = top + 4 + i * (lh + 4);
            int c = color(i);
            p.line(right + 12, ly + lh / 2, right + 32, ly + lh / 2, c, 2, false);
            p.circle(right + 22, ly + lh / 2, 3, c, true);
            p.text(legend.get(i), right + 36, ly, Align.LEFT, INK, false);
        }
        p.text(footnote, left, h - 8 - lh, Align.LEFT, 0x555555, false);
    }

    /** @param i category index @return its centre x */
    double x(int i) {
        return left + (right - left) * (i + 0.5) / categories;
    }

    /** @return width of one category */
    double band() {
        return (right - left) / categories;
    }

    /** @param v value @return its y */
    double y(double v) {
        return bottom - (v - min) / (max - min) * (bottom - top);
    }

    static int color(int i) {
        return ChartStyle.color(i);
    }

    static int tint(int rgb, double towardWhite) {
        return ChartStyle.tint(rgb, towardWhite);
    }

    static List<Double> ticks(double lo, double hi) {
        return ChartStyle.ticks(lo, hi);
    }

    static String format(double v) {
        return ChartStyle.format(v);
    }

    private static List<String> wrap(Painter p, String text, double width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && p.textWidth(next, false) > width) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (!line.isEmpty()) {
            out.add(line.toString());
        }
        if (out.size() > 2) {
            // keep two lines: the rest joins the second line rather than being cut
            out.set(1, String.join(" ", out.subList(1, out.size())));
            return out.subList(0, 2);
        }
        return out;
    }
}
