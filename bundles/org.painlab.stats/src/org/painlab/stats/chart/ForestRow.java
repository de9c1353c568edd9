package org.painlab.stats.chart;

/**
 * One line of a forest plot.
 *
 * @param label what was compared, e.g. "VAS, month 3: S vs P"
 * @param estimate point estimate
 * @param lower lower confidence limit (NaN when there is none; may be infinite)
 * @param upper upper confidence limit (NaN when there is none; may be infinite)
 *
 * @since 0.1
 */
public record ForestRow(String label, double estimate, double lower, double upper) {

    /** @return true when both limits are finite numbers */
    public boolean hasInterval() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }
}
