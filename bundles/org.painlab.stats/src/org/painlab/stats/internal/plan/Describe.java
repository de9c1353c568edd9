package org.painlab.stats.internal.plan;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Descriptive statistics of one sample: n, mean, SD (n − 1), median and quartiles, minimum and
 * maximum. Quartiles follow R's quantile() exactly for type 6 (SPSS's "weighted average", what
 * SPSS-based papers print) and type 7 (R's default), including R's fuzz, so the R script prints
 * the same numbers.
 *
 * @param n number of values
 * @param mean mean
 * @param sd standard deviation
 * @param median median
 * @param q1 first quartile
 * @param q3 third quartile
 * @param min minimum
 * @param max maximum
 */
public record Describe(int n, double mean, double sd, double median, double q1, double q3, double min, double max) {

    /**
     * @param values the sample (not modified)
     * @param quantileType 6 or 7
     * @return its description; NaN fields for an empty sample
     */
    public static Describe of(double[] values, int quantileType) {
        return of(values, null, quantileType);
    }

    /**
     * @param values the sample (not modified)
     * @param sorted the same values in ascending order, or null to sort a copy
     * @param quantileType 6 or 7
     * @return its description; NaN fields for an empty sample
     */
    public static Describe of(double[] values, double[] sorted, int quantileType) {
        return describe(values, sorted, quantileType, true);
    }

    /**
     * n, mean and SD only (as {@link #of} computes them), without the sort the quantiles need.
     *
     * @param values the sample (not modified)
     * @return its description, NaN median, quartiles, minimum and maximum
     */
    public static Describe moments(double[] values) {
        return describe(values, null, 7, false);
    }

    private static Describe describe(double[] values, double[] sorted, int quantileType, boolean quantiles) {
        int n = values.length;
        if (n == 0) {
            return new Describe(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        // second pass with a correction term keeps the mean and SD accurate for large n
        double ss = 0;
        double c = 0;
        for (double v : values) {
            double d = v - mean;
            ss += d * d;
            c += d;
        }
        mean += c / n;
        double var = n > 1 ? (ss - c * c / n) / (n - 1) : Double.NaN;
        if (!quantiles) {
            return new Describe(n, mean, Math.sqrt(var), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        if (sorted == null) {
            sorted = values.clone();
            Arrays.sort(sorted);
        }
        return new Describe(n, mean, Math.sqrt(var), quantile(sorted, 0.5, quantileType),
                quantile(sorted, 0.25, quantileType), quantile(sorted, 0.75, quantileType), sorted[0], sorted[n - 1]);
    }

    /**
     * @param sorted sorted sample
     * @param p probability
     * @param type 6 or 7
     * @return R's quantile(x, p, type = type)
     */
    public static double quantile(double[] sorted, double p, int type) {
        int n = sorted.length;
        double fuzz = 4 * Math.ulp(1.0);
        if (type == 7) {
            double index = 1 + (n - 1) * p;
            int lo = (int) Math.floor(index);
            int hi = (int) Math.ceil(index);
            double q = sorted[lo - 1];
            double h = index - lo;
            if (index > lo && sorted[hi - 1] != q) {
                q = (1 - h) * q + h * sorted[hi - 1];
            }
            return q;
        }
        double nppm = p * (n + 1);
        int j = (int) Math.floor(nppm + fuzz);
        double h = nppm - j;
        if (Math.abs(h) < fuzz) {
            h = 0;
        }
        double a = sorted[Math.max(0, Math.min(n - 1, j - 1))];
        double b = sorted[Math.max(0, Math.min(n - 1, j))];
        if (h == 0 || a == b) {
            return a;
        }
        if (h == 1) {
            return b;
        }
        return (1 - h) * a + h * b;
    }

    /** @return JSON-shaped map, unrounded */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("mean", mean);
        m.put("sd", sd);
        m.put("median", median);
        m.put("q1", q1);
        m.put("q3", q3);
        m.put("min", min);
        m.put("max", max);
        return m;
    }
}
