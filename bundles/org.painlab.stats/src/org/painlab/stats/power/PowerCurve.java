package org.painlab.stats.power;

import java.util.List;
import java.util.Objects;

/**
 * Power as a function of n for one method, ready to plot (x = n1 or nTotal, y = power).
 *
 * @param method method id ({@code pooled}, ..., {@code exact}, {@code normal}, {@code t},
 *               {@code mann_whitney_sim})
 * @param points points in increasing n1
 *
 * @since 0.1
 */
public record PowerCurve(String method, List<PowerPoint> points) {

    /** Copies the points so the curve is immutable. */
    public PowerCurve {
        Objects.requireNonNull(method, "method");
        points = List.copyOf(points);
    }
}
