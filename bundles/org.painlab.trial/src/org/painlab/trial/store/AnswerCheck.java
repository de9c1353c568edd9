package org.painlab.trial.store;

import java.util.Map;

import org.painlab.trial.instrument.AnswerValidator;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.instrument.InvalidAnswerException;
import org.painlab.trial.instrument.NotScorableException;

/**
 * Validates one instrument's answers the way every write does: the item checks of
 * {@link AnswerValidator} (range, step, choices, unknown items), then the instrument's own
 * {@link Instrument#score(Map)} so that a contributed instrument's extra rules apply too. Too many
 * missing items is not an error for storage ({@link NotScorableException} is ignored): partial forms
 * are kept.
 *
 * @since 0.1
 */
public final class AnswerCheck {
    private AnswerCheck() {
    }

    /**
     * Validates answers.
     *
     * @param instrument the instrument
     * @param answers item id to value (null values are missing)
     * @return the answered items in item order, each value moved onto its step grid
     * @throws InvalidAnswerException listing every invalid answer
     */
    public static Map<String, Double> validate(Instrument instrument, Map<String, Double> answers) {
        Map<String, Double> snapped = AnswerValidator.validate(instrument, answers);
        if (!snapped.isEmpty()) {
            try {
                instrument.score(snapped);
            } catch (NotScorableException e) {
                // partial answer sets are stored; scoring them is the analysis' business
            }
        }
        return snapped;
    }
}
