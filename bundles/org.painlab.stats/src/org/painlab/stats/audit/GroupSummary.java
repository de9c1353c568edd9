package org.painlab.stats.audit;

/**
 * The summary of one group as a table prints it. Numbers are as printed; the texts of mean and SD
 * keep their printed decimals (a JSON number 3.40 arrives as 3.4).
 *
 * @param label group label, or null
 * @param n group size
 * @param mean mean, or null
 * @param sd standard deviation, or null
 * @param median median, or null
 * @param q1 first quartile, or null
 * @param q3 third quartile, or null
 * @param meanText the mean as printed (for its decimals), or null
 * @param sdText the SD as printed, or null
 * @param integerData true when the underlying values are integers (GRIM applies)
 * @param items items averaged per subject for multi-item scales (GRIM granularity 1 / (n·items))
 *
 * @since 0.1
 */
public record GroupSummary(String label, int n, Double mean, Double sd, Double median, Double q1, Double q3,
        String meanText, String sdText, boolean integerData, int items) {

    /** Checks n and items. */
    public GroupSummary {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, not " + n);
        }
        if (items < 1) {
            throw new IllegalArgumentException("items must be at least 1, not " + items);
        }
        if (sd != null && sd < 0) {
            throw new IllegalArgumentException("sd must not be negative, not " + sd);
        }
    }

    /** @return true when mean and SD are given */
    public boolean hasMoments() {
        return mean != null && sd != null;
    }

    /** @return true when the median and both quartiles are given */
    public boolean hasQuartiles() {
        return median != null && q1 != null && q3 != null;
    }
}
