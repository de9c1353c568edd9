package org.painlab.trial.instrument;

import java.util.List;

/**
 * Thrown by {@link Instrument#score(java.util.Map)} when the answers are valid but too many items are
 * missing for the instrument's missing-item rule (a {@link Score} never carries NaN). The message
 * says which rule failed and which items are missing.
 *
 * @since 0.1
 */
public class NotScorableException extends IllegalArgumentException {

    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /** The instrument id. */
    private final String instrumentId;
    private final transient List<String> missingItems;

    /**
     * Creates the exception.
     *
     * @param instrumentId the instrument
     * @param missingItems the ids of the items that were not answered, in item order
     * @param reason the rule that could not be met, in words
     */
    public NotScorableException(String instrumentId, List<String> missingItems, String reason) {
        super(instrumentId + " cannot be scored: " + reason
                + (missingItems.isEmpty() ? "" : " (missing items: " + String.join(", ", missingItems) + ")"));
        this.instrumentId = instrumentId;
        this.missingItems = List.copyOf(missingItems);
    }

    /**
     * The instrument id.
     *
     * @return e.g. "odi"
     */
    public String instrumentId() {
        return instrumentId;
    }

    /**
     * The missing items.
     *
     * @return an unmodifiable list in item order
     */
    public List<String> missingItems() {
        return missingItems;
    }
}
