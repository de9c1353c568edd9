package org.painlab.stats.internal.plan;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The k-th smallest value of an implicit matrix whose rows and columns are both non-decreasing (the pairwise
 * differences x_i − y_j of two sorted samples, or the Walsh averages (s_i + s_j)/2, j ≥ i, of one) without
 * forming it: a Floyd–Rivest style selection over the rows' still-possible column ranges. Each round samples a
 * few thousand of the remaining values, takes two sample quantiles on either side of the wanted rank as pivots,
 * and counts the values at or below each with one monotone pointer sweep (O(rows + columns)); the range left
 * between them holds about 5% of the values. When a few hundred thousand remain they are listed and sorted.
 * About four rounds for 10^10 pairs: O((n + m) log(nm)) time, O(n + m) memory, and exact (the pivots are values
 * of the matrix, ties included), so the result is the same double as sorting all pairs.
 */
final class PairSelection {
    private static final int SAMPLE = 4096;
    /** Sample ranks on either side of the wanted one: about 3 standard deviations of a sample quantile. */
    private static final double SPREAD = 3 * Math.sqrt(SAMPLE) / 2;

    /** The matrix: rows sorted, each row's columns from {@link #first} to {@link #end}, values non-decreasing. */
    interface Matrix {
        int rows();

        int columns();

        /** @return first column of row i */
        int first(int i);

        /** @return end (exclusive) of row i */
        int end(int i);

        double value(int i, int j);

        /**
         * For every row the end of its values at or below t ({@code strict}: below t); O(rows + columns) by a
         * pointer that only moves one way, as the rows rise.
         *
         * @return how many values that is in all
         */
        long ends(double t, boolean strict, int[] out);
    }

    private final Matrix m;
    private final SplittableRandom random = new SplittableRandom(0x9E3779B97F4A7C15L);
    /** Whether the last {@link #narrow} kept the values above its pivot (else the second pivot is moot). */
    private boolean raised;

    PairSelection(Matrix m) {
        this.m = m;
    }

    /**
     * @param k rank, 1-based, at most the number of values
     * @return the k-th smallest value (0.0 for a zero of either sign)
     */
    double select(long k) {
        // -0.0 and 0.0 count the same pairs; adding 0.0 turns the first into the second
        return find(k) + 0.0;
    }

    private double find(long k) {
        int rows = m.rows();
        int[] lo = new int[rows];
        int[] hi = new int[rows];
        for (int i = 0; i < rows; i++) {
            lo[i] = m.first(i);
            hi[i] = m.end(i);
        }
        int[] le = new int[rows];
        int[] lt = new int[rows];
        long[] cumulative = new long[rows + 1];
        double[] sample = new double[SAMPLE];
        long threshold = Math.max(4096, (long) (rows + m.columns()) / 2);
        while (true) {
            long below = 0;
            long active = 0;
            for (int i = 0; i < rows; i++) {
                below += lo[i] - m.first(i);
                cumulative[i] = active;
                active += hi[i] - lo[i];
            }
            cumulative[rows] = active;
            long rank = k - below;
            if (active <= threshold) {
                return listed(lo, hi, active, rank);
            }
            for (int s = 0; s < SAMPLE; s++) {
                long r = random.nextLong(active);
                int i = Arrays.binarySearch(cumulative, 0, rows + 1, r);
                // the row whose range holds position r: the last with cumulative <= r (empty rows repeat a value)
                i = i >= 0 ? i : -i - 2;
                while (i + 1 <= rows && cumulative[i + 1] <= r) {
                    i++;
                }
                sample[s] = m.value(i, lo[i] + (int) (r - cumulative[i]));
            }
            Arrays.sort(sample);
            double at = (double) rank / active * SAMPLE;
            double low = sample[(int) Math.max(0, Math.min(SAMPLE - 1, Math.floor(at - SPREAD)))];
            double high = sample[(int) Math.max(0, Math.min(SAMPLE - 1, Math.ceil(at + SPREAD)))];
            // each pivot is a remaining value and leaves the range, so every round makes progress
            Double found = narrow(low, k, lo, hi, le, lt);
            if (found == null && raised && high != low) {
                found = narrow(high, k, lo, hi, le, lt);
            }
            if (found != null) {
                return found;
            }
        }
    }

    /** Counts at pivot t and keeps the side the k-th value is on; returns t when it is the k-th value. */
    private Double narrow(double t, long k, int[] lo, int[] hi, int[] le, int[] lt) {
        int rows = m.rows();
        long atOrBelow = m.ends(t, false, le);
        raised = atOrBelow < k;
        if (raised) {
            for (int i = 0; i < rows; i++) {
                lo[i] = Math.max(lo[i], le[i]);
            }
            return null;
        }
        long belowT = m.ends(t, true, lt);
        if (belowT < k) {
            return t;
        }
        for (int i = 0; i < rows; i++) {
            hi[i] = Math.min(hi[i], lt[i]);
        }
        return null;
    }

    /**
     * The value after a known one: the k-th smallest when the (k − 1)-th is t, in one counting pass (it is t
     * again if t's ties reach rank k, else the least value above t, at the head of some row's remainder).
     *
     * @param t the (k − 1)-th smallest value
     * @param k rank, 1-based, at least 2, at most the number of values
     * @return the k-th smallest value (0.0 for a zero of either sign)
     */
    double selectAfter(double t, long k) {
        int[] le = new int[m.rows()];
        if (m.ends(t, false, le) >= k) {
            return t + 0.0;
        }
        double next = Double.POSITIVE_INFINITY;
        for (int i = 0; i < le.length; i++) {
            if (le[i] < m.end(i)) {
                next = Math.min(next, m.value(i, le[i]));
            }
        }
        return next + 0.0;
    }

    private double listed(int[] lo, int[] hi, long active, long rank) {
        double[] values = new double[(int) active];
        int n = 0;
        for (int i = 0; i < lo.length; i++) {
            for (int j = lo[i]; j < hi[i]; j++) {
                values[n++] = m.value(i, j);
            }
        }
        Arrays.sort(values);
        return values[(int) (rank - 1)];
    }

    /** x_i − y_j of two ascending samples, columns in descending y so that rows rise. */
    static Matrix differences(double[] sx, double[] sy) {
        int ny = sy.length;
        return new Matrix() {
            @Override
            public int rows() {
                return sx.length;
            }

            @Override
            public int columns() {
                return ny;
            }

            @Override
            public int first(int i) {
                return 0;
            }

            @Override
            public int end(int i) {
                return ny;
            }

            @Override
            public double value(int i, int j) {
                return sx[i] - sy[ny - 1 - j];
            }

            @Override
            public long ends(double t, boolean strict, int[] out) {
                long count = 0;
                int j = ny;
                for (int i = 0; i < sx.length; i++) {
                    double xi = sx[i];
                    if (strict) {
                        while (j > 0 && xi - sy[ny - j] >= t) {
                            j--;
                        }
                    } else {
                        while (j > 0 && xi - sy[ny - j] > t) {
                            j--;
                        }
                    }
                    out[i] = j;
                    count += j;
                }
                return count;
            }
        };
    }

    /** (s_i + s_j)/2 for j ≥ i of an ascending sample. */
    static Matrix walshAverages(double[] s) {
        int n = s.length;
        return new Matrix() {
            @Override
            public int rows() {
                return n;
            }

            @Override
            public int columns() {
                return n;
            }

            @Override
            public int first(int i) {
                return i;
            }

            @Override
            public int end(int i) {
                return n;
            }

            @Override
            public double value(int i, int j) {
                return (s[i] + s[j]) / 2;
            }

            @Override
            public long ends(double t, boolean strict, int[] out) {
                long count = 0;
                int j = n;
                for (int i = 0; i < n; i++) {
                    if (j < i) {
                        j = i;
                    }
                    double si = s[i];
                    if (strict) {
                        while (j > i && (si + s[j - 1]) / 2 >= t) {
                            j--;
                        }
                    } else {
                        while (j > i && (si + s[j - 1]) / 2 > t) {
                            j--;
                        }
                    }
                    out[i] = j;
                    count += j - i;
                }
                return count;
            }
        };
    }
}
