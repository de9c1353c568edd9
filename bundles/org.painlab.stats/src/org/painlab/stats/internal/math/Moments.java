package org.painlab.stats.internal.math;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.Variance;

/** Sample mean, variance and median, from commons-statistics-descriptive. */
public final class Moments {

    private Moments() {
    }

    /** @param x values @return arithmetic mean */
    public static double mean(double[] x) {
        return Mean.of(x).getAsDouble();
    }

    /** @param x values @return unbiased sample variance (n - 1 denominator) */
    public static double variance(double[] x) {
        return Variance.of(x).getAsDouble();
    }

    /** @param x values @return median; the mean of the two middle values for even sizes, as R */
    public static double median(double[] x) {
        return Median.withDefaults().evaluate(x.clone());
    }
}
