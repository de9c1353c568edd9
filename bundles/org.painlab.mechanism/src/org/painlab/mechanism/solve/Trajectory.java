package org.painlab.mechanism.solve;

/**
 * What an integration produced: the state at each requested output time (up to the time a stopping event
 * fired) and the solver's work counts, for reports and benchmarks.
 *
 * @param times output times reached
 * @param states states[i] = y at times[i]
 * @param steps accepted steps
 * @param rejectedSteps rejected steps
 * @param evaluations evaluations of f
 * @param jacobians Jacobian evaluations (0 for explicit methods)
 * @since 0.1
 */
public record Trajectory(double[] times, double[][] states, int steps, int rejectedSteps, int evaluations,
        int jacobians) {
}
