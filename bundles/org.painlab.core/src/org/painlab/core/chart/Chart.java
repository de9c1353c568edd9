package org.painlab.core.chart;

/**
 * A chart that can draw itself on any {@link Painter} at any size.
 *
 * @since 0.1
 */
public interface Chart {
    /** Draws the whole chart, background included, into a w × h area at the origin. */
    void paint(Painter p, int w, int h);
}
