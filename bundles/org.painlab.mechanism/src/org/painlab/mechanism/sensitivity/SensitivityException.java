package org.painlab.mechanism.sensitivity;

/**
 * A sensitivity analysis or scan could not be completed: a simulation failed at some parameter values (the
 * message names them) or the inputs are wrong.
 *
 * @since 0.1
 */
public class SensitivityException extends Exception {
    private static final long serialVersionUID = 1L;

    public SensitivityException(String message) {
        super(message);
    }

    public SensitivityException(String message, Throwable cause) {
        super(message, cause);
    }
}
