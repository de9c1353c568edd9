package org.painlab.mechanism.steady;

/**
 * No steady state was found (Newton did not converge and integration did not settle), or the model
 * cannot be searched; the message says how far the search got.
 *
 * @since 0.1
 */
public class SteadyStateException extends Exception {
    private static final long serialVersionUID = 1L;

    public SteadyStateException(String message) {
        super(message);
    }

    public SteadyStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
