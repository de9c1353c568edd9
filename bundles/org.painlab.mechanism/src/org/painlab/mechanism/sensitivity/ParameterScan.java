package org.painlab.mechanism.sensitivity;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.mechanism.internal.sensitivity.ParallelEvaluation;

/**
 * A 1-D or 2-D scan: the output on an evenly spaced grid of one or two parameters (n values from low to high,
 * both ends included), the first parameter varying slowest.
 *
 * @since 0.1
 */
public final class ParameterScan {
    /** One scanned parameter: its range and the number of values. */
    public record Axis(ParameterRange range, int points) {
        /** @throws IllegalArgumentException naming the parameter when fewer than 2 points are asked for */
        public Axis {
            if (points < 2) {
                throw new IllegalArgumentException("parameter '" + range.id() + "': a scan needs at least 2 points, got " + points);
            }
        }

        /** The j-th value. */
        public double value(int j) {
            return range.at(j / (points - 1.0));
        }

        /**
         * Parses {@code p=lo:hi:n}.
         *
         * @throws IllegalArgumentException naming the text
         */
        public static Axis parse(String spec, org.painlab.mechanism.model.Model model) {
            int colon = spec.lastIndexOf(':');
            if (colon < 0 || spec.indexOf('=') < 0 || spec.substring(spec.indexOf('=')).chars().filter(c -> c == ':').count() != 2) {
                throw new IllegalArgumentException("scan parameter '" + spec + "': expected p=LOW:HIGH:N");
            }
            int n;
            try {
                n = Integer.parseInt(spec.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("scan parameter '" + spec + "': N '" + spec.substring(colon + 1) + "' is not a whole number");
            }
            return new Axis(ParameterRange.parse(spec.substring(0, colon), model), n);
        }
    }

    /** The grid (one row per point: the parameters' values) and the output at each point. */
    public record Result(List<Axis> axes, double[][] points, double[] outputs) {
    }

    /**
     * @param response the output as a function of the axes' parameters (in order)
     * @param axes one or two axes
     * @param threads worker threads
     * @param monitor cancellation (may be null)
     * @throws SensitivityException when a simulation fails
     * @throws IllegalArgumentException when not 1 or 2 axes are given
     */
    public Result run(Response response, List<Axis> axes, int threads, IProgressMonitor monitor) throws SensitivityException {
        if (axes.isEmpty() || axes.size() > 2) {
            throw new IllegalArgumentException("a scan takes one or two parameters, got " + axes.size());
        }
        int n = axes.stream().mapToInt(Axis::points).reduce(1, (a, b) -> a * b);
        double[][] points = new double[n][];
        int inner = axes.size() == 2 ? axes.get(1).points() : 1;
        for (int p = 0; p < n; p++) {
            points[p] = axes.size() == 2 ? new double[] {axes.get(0).value(p / inner), axes.get(1).value(p % inner)}
                    : new double[] {axes.get(0).value(p)};
        }
        return new Result(List.copyOf(axes), points, new ParallelEvaluation(threads).evaluate(response, points, monitor));
    }
}
