package org.painlab.core.importer;

/**
 * A file is larger than an {@link ImportLimits} allows: thrown while reading, as soon as the limit is
 * passed, so no more memory or time is spent on it. The message is a whole sentence for the user:
 * what is too large, the limit and how to raise it. Importers turn it into an {@link ImportProblem}.
 *
 * @since 0.1
 */
public class ImportLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final long limit;

    /**
     * Creates the exception.
     *
     * @param what what is too large, e.g. "worksheet xl/worksheets/sheet1.xml inflates beyond 100 MB"
     * @param key the limit's option key ({@link ImportLimits#KEYS})
     * @param limit the limit's value
     */
    public ImportLimitException(String what, String key, long limit) {
        super(what + " " + ImportLimits.howToRaise(key, limit));
        this.key = key;
        this.limit = limit;
    }

    /** @return the option key of the limit that was passed */
    public String key() {
        return key;
    }

    /** @return the value of the limit that was passed */
    public long limit() {
        return limit;
    }
}
