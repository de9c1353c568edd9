package org.painlab.imaging.features.previous;

// Frozen copy of org.painlab.imaging.internal.features at commit c9b323c: the oracle of PreviousExtractor. Do not optimise.

import java.util.Arrays;

/**
 * The first-order statistics IBSI defines twice, once on intensities (stat.*) and once on
 * grey levels (ih.*): one implementation so the two families cannot drift apart.
 */
final class FirstOrder {
    final double[] sorted;
    final double mean;
    final double variance;
    final double skewness;
    final double kurtosis;

    FirstOrder(double[] values) {
        sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double s = 0;
        for (double v : sorted) {
            s += v;
        }
        mean = s / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : sorted) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        variance = m2;
        // a constant ROI has no shape: IBSI sets skewness 0 and excess kurtosis 0
        skewness = m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
        kurtosis = m2 == 0 ? 0 : m4 / (m2 * m2) - 3;
    }

    /** Percentile {@code p} (0..1) by linear interpolation between order statistics (R type 7, numpy's default). */
    double percentile(double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    double median() {
        return percentile(0.5);
    }

    double min() {
        return sorted[0];
    }

    double max() {
        return sorted[sorted.length - 1];
    }

    /** Mean absolute deviation from the mean. */
    double meanAbsoluteDeviation() {
        double s = 0;
        for (double v : sorted) {
            s += Math.abs(v - mean);
        }
        return s / sorted.length;
    }

    /** Mean absolute deviation from the mean of the values between the 10th and 90th percentile, over those values. */
    double robustMeanAbsoluteDeviation() {
        double p10 = percentile(0.10);
        double p90 = percentile(0.90);
        double s = 0;
        int n = 0;
        for (double v : sorted) {
            if (v >= p10 && v <= p90) {
                s += v;
                n++;
            }
        }
        double m = s / n;
        double d = 0;
        for (double v : sorted) {
            if (v >= p10 && v <= p90) {
                d += Math.abs(v - m);
            }
        }
        return d / n;
    }

    /** Mean absolute deviation from the median. */
    double medianAbsoluteDeviation() {
        double med = median();
        double s = 0;
        for (double v : sorted) {
            s += Math.abs(v - med);
        }
        return s / sorted.length;
    }

    /** The shared stat/ih features; {@code prefix} is "stat" or "ih". */
    void addShared(FeatureSink out, String prefix) {
        out.add(prefix + ".mean", mean);
        out.add(prefix + ".var", variance);
        out.add(prefix + ".skew", skewness);
        out.add(prefix + ".kurt", kurtosis);
        out.add(prefix + ".median", median());
        out.add(prefix + ".min", min());
        out.add(prefix + ".P10", percentile(0.10));
        out.add(prefix + ".P90", percentile(0.90));
        out.add(prefix + ".max", max());
        double q1 = percentile(0.25);
        double q3 = percentile(0.75);
        out.add(prefix + ".iqr", q3 - q1);
        out.add(prefix + ".range", max() - min());
        out.add(prefix + ".mad", meanAbsoluteDeviation());
        out.add(prefix + ".rmad", robustMeanAbsoluteDeviation());
        out.add(prefix + ".medad", medianAbsoluteDeviation());
        out.add(prefix + ".cov", Math.sqrt(variance) / mean);
        out.add(prefix + ".qcod", (q3 - q1) / (q3 + q1));
    }
}
