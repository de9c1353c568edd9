package org.painlab.mechanism.solve;

/**
 * An integration that could not go on (step size underflow, too many steps, f not finite), with the time
 * reached in its message.
 *
 * @since 0.1
 */
public class SolverException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what failed and at which time */
    public SolverException(String message) {
        super(message);
    }
}
