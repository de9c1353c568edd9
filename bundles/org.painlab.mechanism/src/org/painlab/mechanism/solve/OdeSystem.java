package org.painlab.mechanism.solve;

/**
 * A system of ordinary differential equations dy/dt = f(t, y), as a model compiles to for a solver.
 * Implementations must not keep results of a call between calls except caches that do not change answers.
 *
 * @since 0.1
 */
public interface OdeSystem {
    /** Number of state variables. */
    int dimension();

    /** Writes f(t, y) into {@code dydt} (length {@link #dimension()}). */
    void derivatives(double t, double[] y, double[] dydt);

    /**
     * Writes the Jacobian df/dy (row i = d f_i / d y_j) when the system can give it analytically.
     *
     * @return false when it cannot (the solver then uses finite differences)
     */
    default boolean jacobian(double t, double[] y, double[][] dfdy) {
        return false;
    }
}
