package org.painlab.stats.internal.plan;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The k-th smallest value of an implicit matrix whose rows and columns are both non-decreasing (the pairwise
 * differences x_i − y_j of two sorted samples, or the Walsh averages (s_i + s_j)/2, j ≥ i, of one) without
 * forming it: a Floyd–Rivest style selection over the rows' still-possible column ranges. Each round samples a
 * few hundred to a few thousand of the remaining values (more for longer rows and columns), takes two sample
 * quantiles on either side of the wanted rank as pivots, and counts the values at or below each with one
 * monotone pointer sweep (O(rows + columns)); the range left between them holds 5-15% of the values. When a
 * few thousand cells remain they are listed and sorted. A handful of rounds for 10^10 pairs:
 * O((n + m) log(nm)) time, O(n + m) memory, and exact (the pivots are values of the matrix, ties included), so
 * the result is the same double as sorting all pairs.
 * <p>
 * Rows and columns are the samples' distinct values ({@link Tally}), each cell weighing as many pairs as it
 * stands for: 100,000 scores to one decimal are a hundred rows, so a sweep costs a hundred steps, not 100,000.
 */
final class PairSelection {
    /** The most values sampled per round: for 100,000-value samples, where a sweep costs more than sampling. */
    private static final int MOST_SAMPLED = 4096;
    /** The fewest: a few hundred distinct values sweep in microseconds, and sampling would dominate. */
    private static final int FEWEST_SAMPLED = 256;

    /**
     * The matrix: rows sorted, each row's columns from {@link #first} to {@link #end}, values non-decreasing; a
     * cell stands for {@link #weight} pairs of equal value.
     */
    interface Matrix {
        int rows();

        int columns();

        /** @return first column of row i */
        int first(int i);

        /** @return end (exclusive) of row i */
        int end(int i);

        double value(int i, int j);

        /** @return how many pairs the cells {@code from} (inclusive) to {@code to} (exclusive) of row i stand for */
        long weight(int i, int from, int to);

        /**
         * @return the column j of row i, from {@code from} on, holding the pair at position {@code offset} (0-based)
         *         among the pairs of the cells from {@code from} on
         */
        int column(int i, int from, long offset);

        /**
         * For every row the end of its values at or below t ({@code strict}: below t); O(rows + columns) by a
         * pointer that only moves one way, as the rows rise.
         *
         * @return how many pairs that is in all
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
        // a round costs a sweep (rows + columns) and the sample; a larger sample leaves fewer values per round
        int sampled = (int) Math.max(FEWEST_SAMPLED, Math.min(MOST_SAMPLED, Long.highestOneBit((rows + m.columns()) / 8L)));
        // sample ranks on either side of the wanted one: about 3 standard deviations of a sample quantile
        double spread = 3 * Math.sqrt(sampled) / 2;
        double[] sample = new double[sampled];
        long threshold = Math.max(4096, (long) (rows + m.columns()) / 2);
        while (true) {
            long below = 0;
            long active = 0;
            long cells = 0;
            for (int i = 0; i < rows; i++) {
                below += m.weight(i, m.first(i), lo[i]);
                cumulative[i] = active;
                active += m.weight(i, lo[i], hi[i]);
                cells += hi[i] - lo[i];
            }
            cumulative[rows] = active;
            long rank = k - below;
            if (cells <= threshold) {
                return listed(lo, hi, (int) cells, rank);
            }
            for (int s = 0; s < sampled; s++) {
                long r = random.nextLong(active);
                int i = Arrays.binarySearch(cumulative, 0, rows + 1, r);
                // the row whose range holds position r: the last with cumulative <= r (empty rows repeat a value)
                i = i >= 0 ? i : -i - 2;
                while (i + 1 <= rows && cumulative[i + 1] <= r) {
                    i++;
                }
                sample[s] = m.value(i, m.column(i, lo[i], r - cumulative[i]));
            }
            Arrays.sort(sample);
            double at = (double) rank / active * sampled;
            double low = sample[(int) Math.max(0, Math.min(sampled - 1, Math.floor(at - spread)))];
            double high = sample[(int) Math.max(0, Math.min(sampled - 1, Math.ceil(at + spread)))];
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

    /** The rank-th smallest pair among the cells left: the cells sorted by value, their weights summed in order. */
    private double listed(int[] lo, int[] hi, int cells, long rank) {
        double[] values = new double[cells];
        int n = 0;
        for (int i = 0; i < lo.length; i++) {
            for (int j = lo[i]; j < hi[i]; j++) {
                values[n++] = m.value(i, j) + 0.0; // -0.0 as 0.0: one value, as == has it
            }
        }
        Arrays.sort(values);
        // the weight of each distinct value left; equal values from different cells are one value
        Tally distinct = Tally.ofSorted(values);
        long[] weights = new long[distinct.values().length];
        for (int i = 0; i < lo.length; i++) {
            for (int j = lo[i]; j < hi[i]; j++) {
                int at = Arrays.binarySearch(distinct.values(), m.value(i, j) + 0.0);
                weights[at] += m.weight(i, j, j + 1);
            }
        }
        long seen = 0;
        for (int g = 0; g < weights.length; g++) {
            seen += weights[g];
            if (seen >= rank) {
                return distinct.values()[g];
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond the " + seen + " pairs left");
    }

    /** x_i − y_j of two ascending samples, columns in descending y so that rows rise. */
    static Matrix differences(double[] sx, double[] sy) {
        return differences(Tally.ofSorted(sx), Tally.ofSorted(sy));
    }

    /** x_i − y_j of two tallied samples. */
    static Matrix differences(Tally tx, Tally ty) {
        double[] vx = tx.values();
        long[] wx = tx.counts();
        int ny = ty.values().length;
        // columns in descending y; before[j]: pairs' y count of the columns before j
        double[] vy = new double[ny];
        long[] before = new long[ny + 1];
        for (int j = 0; j < ny; j++) {
            vy[j] = ty.values()[ny - 1 - j];
            before[j + 1] = before[j] + ty.counts()[ny - 1 - j];
        }
        return new Matrix() {
            @Override
            public int rows() {
                return vx.length;
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
                return vx[i] - vy[j];
            }

            @Override
            public long weight(int i, int from, int to) {
                return to <= from ? 0 : wx[i] * (before[to] - before[from]);
            }

            @Override
            public int column(int i, int from, long offset) {
                return lastAtOrBelow(before, before[from] + offset / wx[i]);
            }

            @Override
            public long ends(double t, boolean strict, int[] out) {
                long count = 0;
                int j = ny;
                for (int i = 0; i < vx.length; i++) {
                    double xi = vx[i];
                    if (strict) {
                        while (j > 0 && xi - vy[j - 1] >= t) {
                            j--;
                        }
                    } else {
                        while (j > 0 && xi - vy[j - 1] > t) {
                            j--;
                        }
                    }
                    out[i] = j;
                    count += wx[i] * before[j];
                }
                return count;
            }
        };
    }

    /** (s_i + s_j)/2 for j ≥ i of an ascending sample. */
    static Matrix walshAverages(double[] s) {
        return walshAverages(Tally.ofSorted(s));
    }

    /** (s_i + s_j)/2 for j ≥ i of a tallied sample. */
    static Matrix walshAverages(Tally t) {
        double[] v = t.values();
        long[] w = t.counts();
        int n = v.length;
        long[] before = new long[n + 1];
        for (int j = 0; j < n; j++) {
            before[j + 1] = before[j] + w[j];
        }
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
                return (v[i] + v[j]) / 2;
            }

            /** w copies of one value make w (w + 1) / 2 pairs (i ≤ j) with each other, w_i w_j with another's. */
            private long diagonal(int i) {
                return w[i] * (w[i] + 1) / 2;
            }

            @Override
            public long weight(int i, int from, int to) {
                if (to <= from) {
                    return 0;
                }
                return from == i ? diagonal(i) + w[i] * (before[to] - before[i + 1]) : w[i] * (before[to] - before[from]);
            }

            @Override
            public int column(int i, int from, long offset) {
                if (from == i) {
                    if (offset < diagonal(i)) {
                        return i;
                    }
                    offset -= diagonal(i);
                    from = i + 1;
                }
                return lastAtOrBelow(before, before[from] + offset / w[i]);
            }

            @Override
            public long ends(double t, boolean strict, int[] out) {
                long count = 0;
                int j = n;
                for (int i = 0; i < n; i++) {
                    if (j < i) {
                        j = i;
                    }
                    double si = v[i];
                    if (strict) {
                        while (j > i && (si + v[j - 1]) / 2 >= t) {
                            j--;
                        }
                    } else {
                        while (j > i && (si + v[j - 1]) / 2 > t) {
                            j--;
                        }
                    }
                    out[i] = j;
                    count += weight(i, i, j);
                }
                return count;
            }
        };
    }

    /** @return the last index j with {@code before[j] <= position} ({@code before} strictly increasing) */
    private static int lastAtOrBelow(long[] before, long position) {
        int j = Arrays.binarySearch(before, position);
        return j >= 0 ? j : -j - 2;
    }
}
