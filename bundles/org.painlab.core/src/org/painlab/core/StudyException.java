package org.painlab.core;

/**
 * A study could not be created, opened or changed. The message is meant for the
 * user: it names the folder or file and what was expected.
 *
 * @since 0.1
 */
public class StudyException extends Exception {
    private static final long serialVersionUID = 1L;

    public StudyException(String message) {
        super(message);
    }

    public StudyException(String message, Throwable cause) {
        super(message, cause);
    }
}
