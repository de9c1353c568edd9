package org.painlab.mechanism.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.eclipse.core.runtime.IProgressMonitor;
import org.hipparchus.random.SobolSequenceGenerator;
import org.painlab.mechanism.internal.sensitivity.ParallelEvaluation;

/**
 * Variance-based (Sobol) sensitivity indices by Saltelli's sampling: two N × k matrices A and B from a
 * 2k-dimensional Sobol sequence shifted at random by the seed (Cranley–Patterson rotation), and for each
 * parameter i the matrix A with column i from B; N (k + 2) evaluations. First-order index by Saltelli et al.
 * 2010 (S1 = mean(f(B)(f(A_B^i) − f(A))) / V), total index by Jansen 1999 (ST = mean((f(A) − f(A_B^i))²) / 2V),
 * V the variance of f over A and B. Optional bootstrap percentile 95% intervals (resampling the N rows).
 * The points are fixed before any is evaluated, so the result does not depend on the threads.
 *
 * @since 0.1
 */
public final class SobolIndices {
    /** Indices of one parameter with bootstrap 95% intervals (NaN without bootstrap). */
    public record Index(String parameter, double s1, double s1Low, double s1High, double st, double stLow, double stHigh) {
    }

    /** The analysis' result, parameters in the order of the ranges. */
    public record Result(List<Index> indices, int samples, long seed, int bootstrap, double mean, double variance,
            int evaluations) {
    }

    private final int samples;
    private final long seed;
    private final int bootstrap;

    /**
     * @param samples N, the base samples (at least 2)
     * @param seed random seed (the shift of the sequence and the bootstrap)
     * @param bootstrap resamples for the intervals (0: none)
     * @throws IllegalArgumentException when N or the resamples are out of range
     */
    public SobolIndices(int samples, long seed, int bootstrap) {
        if (samples < 2) {
            throw new IllegalArgumentException("Sobol indices: samples must be at least 2, got " + samples);
        }
        if (bootstrap < 0) {
            throw new IllegalArgumentException("Sobol indices: bootstrap resamples must be 0 or more, got " + bootstrap);
        }
        this.samples = samples;
        this.seed = seed;
        this.bootstrap = bootstrap;
    }

    /**
     * Computes the indices.
     *
     * @param response the output as a function of the parameters' values
     * @param ranges the parameters and their ranges (uniform)
     * @param threads worker threads
     * @param monitor cancellation (may be null)
     * @throws SensitivityException when a simulation fails or the output does not vary
     */
    public Result run(Response response, List<ParameterRange> ranges, int threads, IProgressMonitor monitor)
            throws SensitivityException {
        int k = ranges.size();
        if (k == 0) {
            throw new SensitivityException("Sobol indices: no parameter to vary");
        }
        if (2 * k > 1000) {
            throw new SensitivityException("Sobol indices: at most 500 parameters, got " + k);
        }
        SobolSequenceGenerator sequence = new SobolSequenceGenerator(2 * k);
        SplittableRandom random = new SplittableRandom(seed);
        double[] shift = new double[2 * k];
        for (int d = 0; d < shift.length; d++) {
            shift[d] = random.nextDouble();
        }
        int block = k + 2;
        double[][] points = new double[samples * block][];
        for (int j = 0; j < samples; j++) {
            double[] u = sequence.nextVector();
            double[] a = new double[k], b = new double[k];
            for (int i = 0; i < k; i++) {
                a[i] = ranges.get(i).at(frac(u[i] + shift[i]));
                b[i] = ranges.get(i).at(frac(u[k + i] + shift[k + i]));
            }
            points[j * block] = a;
            points[j * block + 1] = b;
            for (int i = 0; i < k; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                points[j * block + 2 + i] = ab;
            }
        }
        double[] y = new ParallelEvaluation(threads).evaluate(response, points, monitor);
        double[] fa = new double[samples], fb = new double[samples];
        double[][] fab = new double[k][samples];
        for (int j = 0; j < samples; j++) {
            fa[j] = y[j * block];
            fb[j] = y[j * block + 1];
            for (int i = 0; i < k; i++) {
                fab[i][j] = y[j * block + 2 + i];
            }
        }
        int[] all = new int[samples];
        Arrays.setAll(all, j -> j);
        double variance = variance(fa, fb, all);
        if (!(variance > 0)) {
            throw new SensitivityException("Sobol indices: the output does not vary over the ranges (variance " + variance + ")");
        }
        double mean = 0;
        for (int j = 0; j < samples; j++) {
            mean += (fa[j] + fb[j]) / (2.0 * samples);
        }
        double[][] boot1 = new double[k][bootstrap], bootT = new double[k][bootstrap];
        SplittableRandom resampling = random.split();
        int[] rows = new int[samples];
        for (int r = 0; r < bootstrap; r++) {
            for (int j = 0; j < samples; j++) {
                rows[j] = resampling.nextInt(samples);
            }
            double v = variance(fa, fb, rows);
            for (int i = 0; i < k; i++) {
                boot1[i][r] = first(fa, fb, fab[i], rows) / v;
                bootT[i][r] = total(fa, fab[i], rows) / v;
            }
        }
        List<Index> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] c1 = interval(boot1[i]), cT = interval(bootT[i]);
            out.add(new Index(ranges.get(i).id(), first(fa, fb, fab[i], all) / variance, c1[0], c1[1],
                    total(fa, fab[i], all) / variance, cT[0], cT[1]));
        }
        return new Result(out, samples, seed, bootstrap, mean, variance, points.length);
    }

    private static double frac(double x) {
        return x - Math.floor(x);
    }

    private static double variance(double[] fa, double[] fb, int[] rows) {
        double s = 0, ss = 0;
        int n = 2 * rows.length;
        for (int j : rows) {
            s += fa[j] + fb[j];
        }
        double m = s / n;
        for (int j : rows) {
            ss += (fa[j] - m) * (fa[j] - m) + (fb[j] - m) * (fb[j] - m);
        }
        return ss / n;
    }

    private static double first(double[] fa, double[] fb, double[] fab, int[] rows) {
        double s = 0;
        for (int j : rows) {
            s += fb[j] * (fab[j] - fa[j]);
        }
        return s / rows.length;
    }

    private static double total(double[] fa, double[] fab, int[] rows) {
        double s = 0;
        for (int j : rows) {
            s += (fa[j] - fab[j]) * (fa[j] - fab[j]);
        }
        return s / (2.0 * rows.length);
    }

    private static double[] interval(double[] values) {
        if (values.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return new double[] {quantile(v, 0.025), quantile(v, 0.975)};
    }

    private static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
