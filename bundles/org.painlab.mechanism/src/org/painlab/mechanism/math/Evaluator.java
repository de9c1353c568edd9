package org.painlab.mechanism.math;

/**
 * A compiled expression: reads symbol values from an array by precomputed index, so a solver step does no
 * name look-up.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Evaluator {
    /**
     * @param values symbol values, indexed as the compiling {@link Compiler} was told
     * @param t time
     */
    double eval(double[] values, double t);
}
