package org.painlab.mechanism.solve;

/**
 * Error tolerances of an integration: a step is accepted when each component's local error is below
 * {@code absolute + relative * |y|}.
 *
 * @param absolute absolute tolerance (> 0)
 * @param relative relative tolerance (> 0)
 * @param maxSteps most internal steps before giving up with a clear error
 * @since 0.1
 */
public record Tolerances(double absolute, double relative, int maxSteps) {
    /** Checks the values. */
    public Tolerances {
        if (!(absolute > 0) || !(relative > 0) || maxSteps < 1) {
            throw new IllegalArgumentException("tolerances must be positive: absolute " + absolute + ", relative "
                    + relative + ", max steps " + maxSteps);
        }
    }
}
