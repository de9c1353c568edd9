package org.painlab.mechanism.fit;

/**
 * A fit could not be set up or run: bad parameters, bounds or data (the message names which), or a simulation
 * that failed at some parameter values (named).
 *
 * @since 0.1
 */
public class FitException extends Exception {
    private static final long serialVersionUID = 1L;

    public FitException(String message) {
        super(message);
    }

    public FitException(String message, Throwable cause) {
        super(message, cause);
    }
}
