package org.painlab.literature;

/**
 * A literature file or record that cannot be used, with a message naming the file, the record and
 * line, the field and what was expected; or a store operation that was refused.
 *
 * @since 0.1
 */
public class LiteratureException extends Exception {
    private static final long serialVersionUID = 1L;

    public LiteratureException(String message) {
        super(message);
    }

    public LiteratureException(String message, Throwable cause) {
        super(message, cause);
    }
}
