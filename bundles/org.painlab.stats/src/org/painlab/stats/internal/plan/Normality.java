package org.painlab.stats.internal.plan;

/**
 * The sample Shapiro–Wilk is run on. Royston's algorithm (and R's shapiro.test) is defined for 3
 * to 5000 values; larger samples are thinned to 5000 by taking every (n/5000)-th value in subject
 * order, index floor(i·n/5000) for i = 0..4999, which the R script repeats exactly.
 */
public final class Normality {

    /** Largest sample Shapiro–Wilk accepts. */
    public static final int MAX = 5000;

    private Normality() {
    }

    /**
     * @param values the values in subject order
     * @return them, or a systematic sample of 5000 of them
     */
    public static double[] sample(double[] values) {
        int n = values.length;
        if (n <= MAX) {
            return values;
        }
        double[] out = new double[MAX];
        for (int i = 0; i < MAX; i++) {
            out[i] = values[(int) ((long) i * n / MAX)];
        }
        return out;
    }
}
