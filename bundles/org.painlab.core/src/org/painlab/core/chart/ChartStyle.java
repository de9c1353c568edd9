package org.painlab.core.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The look every chart of the workbench shares (ink, grid and series colours) and the axis arithmetic they
 * use (round ticks, short numbers), so that a statistics chart and an imaging ROC plot read alike.
 *
 * @since 0.1
 */
public final class ChartStyle {
    /** Text and axes. */
    public static final int INK = 0x202020;
    /** Grid lines. */
    public static final int GRID = 0xe4e4e4;
    private static final int[] PALETTE = { 0x1f77b4, 0xd62728, 0x2ca02c, 0x9467bd, 0xff7f0e };

    private ChartStyle() {
    }

    /** @param i series index @return its colour (RGB), repeating after the palette's five */
    public static int color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** @param rgb a colour @param towardWhite 0 (unchanged) to 1 (white) @return the colour blended toward white */
    public static int tint(int rgb, double towardWhite) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int c = rgb >> shift & 0xff;
            out |= (int) Math.round(c + (255 - c) * towardWhite) << shift;
        }
        return out;
    }

    /** Round tick values (1, 2 or 5 times a power of ten) covering lo..hi with about 5 steps. */
    public static List<Double> ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
        double start = Math.floor(lo / step) * step;
        List<Double> out = new ArrayList<>();
        for (double t = start; t < hi + step * 0.999; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        if (out.size() < 2) {
            out.add(start + step);
        }
        return out;
    }

    /** @param v a tick value @return it without trailing zeros (two decimals at most) */
    public static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v)
                : String.format(java.util.Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
