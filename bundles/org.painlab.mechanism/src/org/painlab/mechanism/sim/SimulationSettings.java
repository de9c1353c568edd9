package org.painlab.mechanism.sim;

import org.painlab.mechanism.solve.Tolerances;

/**
 * What a time course asks for: from {@code start} over {@code duration} with {@code steps} equal intervals
 * (steps + 1 output rows), the tolerances and the solver ("auto" lets the simulator choose).
 *
 * @since 0.1
 */
public record SimulationSettings(double start, double duration, int steps, Tolerances tolerances, String solver) {
    /** Default tolerances: absolute 1e-9, relative 1e-7, at most a million steps. */
    public static final Tolerances DEFAULT_TOLERANCES = new Tolerances(1e-9, 1e-7, 1_000_000);

    /** Checks the values. */
    public SimulationSettings {
        if (!(duration >= 0) || steps < 1 || !Double.isFinite(start)) {
            throw new IllegalArgumentException("start must be finite, duration >= 0 and steps >= 1: start " + start
                    + ", duration " + duration + ", steps " + steps);
        }
        if (solver == null || solver.isBlank()) {
            solver = "auto";
        }
    }

    /** The output times. */
    public double[] times() {
        double[] t = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            t[i] = start + duration * i / steps;
        }
        return t;
    }
}
