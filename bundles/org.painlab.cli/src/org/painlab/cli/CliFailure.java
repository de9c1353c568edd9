package org.painlab.cli;

/**
 * Bad input or a failed run: the command ends with exit code 1 and this one-line
 * message on stderr, which names the file, record/line and field and what was expected.
 *
 * @since 0.1
 */
public class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliFailure(String message) {
        super(message);
    }

    public CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
