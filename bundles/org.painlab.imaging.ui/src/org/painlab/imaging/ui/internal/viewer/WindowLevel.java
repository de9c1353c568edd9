package org.painlab.imaging.ui.internal.viewer;

import org.painlab.imaging.Volume;

/**
 * Grey-value mapping of a slice: values from level - width/2 to level + width/2 go linearly from black to
 * white, below is black, above white (the radiological window).
 *
 * @param width the window width (> 0)
 * @param level the window centre
 */
public record WindowLevel(double width, double level) {
    /** The smallest width, so a flat volume still maps (everything at the level is mid-grey). */
    public static final double MIN_WIDTH = 1e-6;

    public WindowLevel {
        if (!(width > 0) || Double.isInfinite(width)) {
            width = MIN_WIDTH;
        }
    }

    /** The grey 0..255 of a value; NaN is black. */
    public int grey(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double low = level - width / 2;
        double g = (value - low) / width * 255.0;
        if (g <= 0) {
            return 0;
        }
        if (g >= 255) {
            return 255;
        }
        return (int) Math.round(g);
    }

    /** The whole value range of the volume. */
    public static WindowLevel fullRange(Volume v) {
        return new WindowLevel(v.max() - v.min(), (v.max() + v.min()) / 2);
    }

    /** Dragging the mouse: right widens the window, down raises the level, by a share of the volume's range per pixel. */
    public WindowLevel dragged(int dx, int dy, double range) {
        double step = Math.max(range, MIN_WIDTH) / 256.0;
        return new WindowLevel(Math.max(MIN_WIDTH, width + dx * step), level + dy * step);
    }
}
