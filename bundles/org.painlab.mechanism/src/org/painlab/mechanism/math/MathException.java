package org.painlab.mechanism.math;

/**
 * An expression that cannot be compiled: an unknown symbol or function, a wrong number of arguments.
 *
 * @since 0.1
 */
public class MathException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the symbol */
    public MathException(String message) {
        super(message);
    }
}
