package org.painlab.stats.plan;

import org.painlab.stats.internal.math.Distributions;

/** Deterministic samples with known shapes for the chooser tests. */
final class Samples {

    private Samples() {
    }

    /** @return n normal scores (exact quantiles at (i − 0.5)/n), scaled and shifted; Shapiro–Wilk p near 1 */
    static double[] normal(int n, double mean, double sd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean + sd * Distributions.normalQuantile((i + 0.5) / n);
        }
        return x;
    }

    /** @return n exponential quantiles: strongly right-skewed */
    static double[] skewed(int n, double scale) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -scale * Math.log(1 - (i + 0.5) / n);
        }
        return x;
    }

    /** @return x with the given value added to every element */
    static double[] shift(double[] x, double by) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += by;
        }
        return y;
    }
}
