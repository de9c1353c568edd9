package org.painlab.mechanism.internal.solve;

import java.util.ArrayList;
import java.util.List;

import org.painlab.mechanism.solve.Trajectory;

/** Collects the states at the requested output times as the integration passes them. */
final class OutputRecorder {
    private final double[] outputTimes;
    private final List<double[]> states = new ArrayList<>();
    private final List<Double> times = new ArrayList<>();
    private int next;

    OutputRecorder(double[] outputTimes) {
        this.outputTimes = outputTimes;
    }

    /** Records, from the step's polynomial, every pending output time below {@code limit}. */
    void recordBefore(double limit, CollocationPolynomial polynomial) {
        while (next < outputTimes.length && outputTimes[next] < limit) {
            add(outputTimes[next], polynomial.at(outputTimes[next]));
            next++;
        }
    }

    /** Records {@code y} for every pending output time up to {@code t + tolerance}. */
    void recordAt(double t, double[] y, double tolerance) {
        while (next < outputTimes.length && outputTimes[next] <= t + tolerance) {
            add(outputTimes[next], y.clone());
            next++;
        }
    }

    /** Ends the trajectory at a stopping event: the stop time closes it unless an output time already did. */
    void recordStop(double t, double[] y) {
        if (times.isEmpty() || times.get(times.size() - 1) < t) {
            add(t, y.clone());
        }
        next = outputTimes.length;
    }

    boolean complete() {
        return next >= outputTimes.length;
    }

    Trajectory trajectory(int steps, int rejected, int evaluations, int jacobians) {
        double[] t = new double[times.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = times.get(i);
        }
        return new Trajectory(t, states.toArray(new double[0][]), steps, rejected, evaluations, jacobians);
    }

    private void add(double t, double[] y) {
        times.add(t);
        states.add(y);
    }
}
