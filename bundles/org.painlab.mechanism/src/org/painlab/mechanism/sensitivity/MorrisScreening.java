package org.painlab.mechanism.sensitivity;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.mechanism.internal.sensitivity.ParallelEvaluation;

/**
 * Morris elementary-effects screening (Morris 1991; mu* of Campolongo et al. 2007): r trajectories through a
 * p-level grid of the unit hypercube, each moving one parameter at a time by Δ = p / (2 (p − 1)) of its range.
 * The effects are in output units per whole range of the parameter. r (k + 1) evaluations for k parameters;
 * the points are drawn from the seed before any is evaluated, so the result does not depend on the threads.
 *
 * @since 0.1
 */
public final class MorrisScreening {
    /** Effects of one parameter: mean, mean of absolute values, and standard deviation (n − 1) of its elementary effects. */
    public record Effects(String parameter, double mu, double muStar, double sigma) {
    }

    /** The screening's result, parameters in the order of the ranges. */
    public record Result(List<Effects> effects, int trajectories, int levels, long seed, int evaluations) {
    }

    private final int trajectories;
    private final int levels;
    private final long seed;

    /**
     * @param trajectories r, at least 2
     * @param levels p, even and at least 2
     * @param seed random seed
     * @throws IllegalArgumentException when r or p is out of range
     */
    public MorrisScreening(int trajectories, int levels, long seed) {
        if (trajectories < 2) {
            throw new IllegalArgumentException("Morris screening: trajectories (samples) must be at least 2, got " + trajectories);
        }
        if (levels < 2 || levels % 2 != 0) {
            throw new IllegalArgumentException("Morris screening: levels must be even and at least 2, got " + levels);
        }
        this.trajectories = trajectories;
        this.levels = levels;
        this.seed = seed;
    }

    /** The unit-cube points: trajectory after trajectory, k + 1 points each; {@code order[t][j]} is the parameter moved at step j. */
    private double[][] design(int k, int[][] order, double[][] step) {
        double delta = levels / (2.0 * (levels - 1));
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[trajectories * (k + 1)][];
        for (int t = 0; t < trajectories; t++) {
            double[] x = new double[k];
            for (int i = 0; i < k; i++) {
                int l = random.nextInt(levels);
                x[i] = l / (levels - 1.0);
                // the lower half of the levels can move up by Δ, the upper half down
                step[t][i] = l < levels / 2 ? delta : -delta;
            }
            int[] perm = new int[k];
            for (int i = 0; i < k; i++) {
                perm[i] = i;
            }
            for (int i = k - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int s = perm[i];
                perm[i] = perm[j];
                perm[j] = s;
            }
            order[t] = perm;
            points[t * (k + 1)] = x.clone();
            for (int j = 0; j < k; j++) {
                x[perm[j]] += step[t][perm[j]];
                points[t * (k + 1) + j + 1] = x.clone();
            }
        }
        return points;
    }

    /**
     * Screens the parameters.
     *
     * @param response the output as a function of the parameters' values
     * @param ranges the parameters and their ranges
     * @param threads worker threads
     * @param monitor cancellation (may be null)
     * @throws SensitivityException when a simulation fails
     */
    public Result run(Response response, List<ParameterRange> ranges, int threads, IProgressMonitor monitor)
            throws SensitivityException {
        int k = ranges.size();
        if (k == 0) {
            throw new SensitivityException("Morris screening: no parameter to vary");
        }
        int[][] order = new int[trajectories][];
        double[][] step = new double[trajectories][k];
        double[][] unit = design(k, order, step);
        double[][] points = new double[unit.length][k];
        for (int n = 0; n < unit.length; n++) {
            for (int i = 0; i < k; i++) {
                points[n][i] = ranges.get(i).at(unit[n][i]);
            }
        }
        double[] y = new ParallelEvaluation(threads).evaluate(response, points, monitor);
        double[][] ee = new double[k][trajectories];
        for (int t = 0; t < trajectories; t++) {
            for (int j = 0; j < k; j++) {
                int i = order[t][j];
                int at = t * (k + 1) + j;
                ee[i][t] = (y[at + 1] - y[at]) / step[t][i];
            }
        }
        List<Effects> effects = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double mu = 0, muStar = 0;
            for (double e : ee[i]) {
                mu += e;
                muStar += Math.abs(e);
            }
            mu /= trajectories;
            muStar /= trajectories;
            double ss = 0;
            for (double e : ee[i]) {
                ss += (e - mu) * (e - mu);
            }
            effects.add(new Effects(ranges.get(i).id(), mu, muStar, Math.sqrt(ss / (trajectories - 1))));
        }
        return new Result(effects, trajectories, levels, seed, points.length);
    }
}
