package org.painlab.trial.store;

import java.util.IdentityHashMap;
import java.util.Map;

import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.instrument.InvalidAnswerException;
import org.painlab.trial.instrument.Item;

/**
 * Checks answer sets for a bulk load (an import) as {@link AnswerCheck#validate} does, once, and keeps
 * the result as {@link CheckedAnswers} that the editor writes without checking again. One checker per
 * load: it remembers per instrument the array of all its item ids, which every complete answer set
 * shares (a million answer sets then carry one array per instrument, not one each).
 *
 * @since 0.1
 */
public final class AnswerChecker {
    private final Map<Instrument, String[]> allItems = new IdentityHashMap<>();

    /**
     * Validates one instrument's answers at a visit (item rules, then the instrument's own scoring rules).
     *
     * @param visitId the visit
     * @param instrument the instrument
     * @param answers item id to value (null values are missing)
     * @return the answered items in item order, each value on its step grid
     * @throws InvalidAnswerException listing every invalid answer
     */
    public CheckedAnswers check(String visitId, Instrument instrument, Map<String, Double> answers) {
        Map<String, Double> valid = AnswerCheck.validate(instrument, answers);
        String[] all = allItems.computeIfAbsent(instrument, AnswerChecker::itemIds);
        double[] values = new double[valid.size()];
        // the validator returns the answered items in item order: all of them is the shared array
        boolean complete = values.length == all.length;
        String[] ids = complete ? all : new String[values.length];
        int i = 0;
        for (Map.Entry<String, Double> e : valid.entrySet()) {
            if (!complete) {
                ids[i] = e.getKey();
            }
            values[i++] = e.getValue();
        }
        return new CheckedAnswers(instrument, visitId, ids, values, complete);
    }

    private static String[] itemIds(Instrument instrument) {
        return instrument.items().stream().map(Item::id).toArray(String[]::new);
    }
}
