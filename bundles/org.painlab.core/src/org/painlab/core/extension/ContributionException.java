package org.painlab.core.extension;

/**
 * A contribution could not be created; the message names the contribution and its bundle.
 *
 * @since 0.1
 */
public class ContributionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ContributionException(String message, Throwable cause) {
        super(message, cause);
    }
}
