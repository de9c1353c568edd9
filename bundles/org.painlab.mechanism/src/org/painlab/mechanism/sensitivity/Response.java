package org.painlab.mechanism.sensitivity;

/**
 * The output as a function of the varied parameters' values (in the order of the ranges). Called from
 * several threads at once: implementations keep no state between calls.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Response {
    /**
     * @param values one value per varied parameter
     * @return the output
     * @throws SensitivityException when the output cannot be computed at these values (names them)
     */
    double at(double[] values) throws SensitivityException;
}
