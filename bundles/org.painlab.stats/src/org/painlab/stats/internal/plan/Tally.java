package org.painlab.stats.internal.plan;

import java.util.Arrays;

/**
 * A sample as its distinct values in ascending order and how often each occurs. Trial data are mostly
 * scores, codes and rounded measurements: 100,000 pain scores to one decimal hold about a hundred distinct
 * values, so work done per distinct value (pair counting for Hodges–Lehmann estimates, tie terms) is done a
 * thousand times less often than work done per value. Values equal by {@code ==} (0.0 and -0.0 too) count as one.
 *
 * @param values distinct values, ascending
 * @param counts how often each occurs, at least 1
 */
record Tally(double[] values, long[] counts) {

    /** Beyond this many distinct values a comparison sort is the faster way to sort. */
    private static final int FEW = 4096;

    /**
     * @param sorted values in ascending order (no NaN)
     * @return their tally, in one pass
     */
    static Tally ofSorted(double[] sorted) {
        int n = sorted.length;
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                d++;
            }
        }
        double[] values = new double[d];
        long[] counts = new long[d];
        int g = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                values[++g] = sorted[i];
            }
            counts[g]++;
        }
        return new Tally(values, counts);
    }

    /** @return how many values the tally holds */
    long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    /** @return the sum over groups of equal values of t^3 - t, the tie term of rank tests */
    double tieCubeSum() {
        double sum = 0;
        for (long c : counts) {
            double t = c;
            sum += t * t * t - t;
        }
        return sum;
    }

    /**
     * @param a a tally
     * @param b another
     * @return the tally of both samples pooled
     */
    static Tally pooled(Tally a, Tally b) {
        double[] v = new double[a.values.length + b.values.length];
        long[] c = new long[v.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.values.length || j < b.values.length) {
            if (j == b.values.length || i < a.values.length && a.values[i] < b.values[j]) {
                v[k] = a.values[i];
                c[k++] = a.counts[i++];
            } else if (i == a.values.length || b.values[j] < a.values[i]) {
                v[k] = b.values[j];
                c[k++] = b.counts[j++];
            } else {
                v[k] = a.values[i];
                c[k++] = a.counts[i++] + b.counts[j++];
            }
        }
        return new Tally(Arrays.copyOf(v, k), Arrays.copyOf(c, k));
    }

    /**
     * A sorted copy, as {@link Arrays#sort(double[])} orders it: with at most {@value #FEW} distinct values
     * (the usual case in a trial) in linear time, by hashing the values and sorting only the distinct ones;
     * otherwise by {@link Arrays#sort(double[])}.
     *
     * @param values values (not modified)
     * @return them in ascending order
     */
    static double[] sortedCopy(double[] values) {
        int n = values.length;
        int capacity = 4 * FEW;
        long[] keys = new long[capacity];
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        double[] distinct = new double[FEW];
        int[] counts = new int[FEW];
        int d = 0;
        for (int i = 0; i < n && d >= 0; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                d = -1;
                break;
            }
            // the exact bits: -0.0 and 0.0 stay apart, so they come out in the order Arrays.sort gives them
            long bits = Double.doubleToRawLongBits(v);
            int h = (int) (bits ^ bits >>> 29 ^ bits >>> 47) * 0x9E3779B1 >>> 18; // 14 bits: [0, 4 * FEW)
            while (slots[h] >= 0 && keys[h] != bits) {
                h = (h + 1) & (capacity - 1);
            }
            if (slots[h] < 0) {
                if (d == FEW) {
                    d = -1;
                    break;
                }
                keys[h] = bits;
                slots[h] = d;
                distinct[d++] = v;
            }
            counts[slots[h]]++;
        }
        if (d < 0) {
            double[] s = values.clone();
            Arrays.sort(s);
            return s;
        }
        // only the distinct values are sorted; each is then written as often as it occurs
        double[] sortedDistinct = Arrays.copyOf(distinct, d);
        Arrays.sort(sortedDistinct);
        double[] out = new double[n];
        int pos = 0;
        for (int g = 0; g < d; g++) {
            double v = sortedDistinct[g];
            long bits = Double.doubleToRawLongBits(v);
            int h = (int) (bits ^ bits >>> 29 ^ bits >>> 47) * 0x9E3779B1 >>> 18;
            while (keys[h] != bits) {
                h = (h + 1) & (capacity - 1);
            }
            int c = counts[slots[h]];
            Arrays.fill(out, pos, pos + c, v);
            pos += c;
        }
        return out;
    }
}
