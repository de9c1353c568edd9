package org.painlab.mechanism.model;

/**
 * A model that cannot be read or compiled: a bad file, an unknown symbol, a circular rule; the message names
 * the file or element.
 *
 * @since 0.1
 */
public class ModelException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public ModelException(String message) {
        super(message);
    }

    /** @param message what is wrong and where
     *  @param cause the underlying failure */
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
