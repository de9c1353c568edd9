package org.painlab.trial.instrument;

import java.util.Objects;

/**
 * One problem found in a set of answers: which item, which value, which rule it breaks.
 *
 * @param itemId the item id as given in the answers (may not be an item of the instrument)
 * @param value the offending value (may be NaN or infinite)
 * @param rule what is wrong and what is valid, e.g. "out of range: valid 0–5 in steps of 1"
 *
 * @since 0.1
 */
public record AnswerProblem(String itemId, double value, String rule) {

    /** Checks that id and rule are present. */
    public AnswerProblem {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * The problem as one phrase, e.g. "item 'lifting' = 7: out of range: valid 0–5 in steps of 1".
     *
     * @return the phrase
     */
    public String describe() {
        String v = Double.isFinite(value) ? Item.format(value) : Double.toString(value);
        return "item '" + itemId + "' = " + v + ": " + rule;
    }
}
