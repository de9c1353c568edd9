package org.painlab.trial.instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks an answer set against an instrument's items; shared by the built-ins and available to
 * contributed instruments.
 *
 * <p>{@link #validate(Instrument, Map)} reports every problem of the answer set in one
 * {@link InvalidAnswerException}: unknown item ids, non-finite values, values out of range, off the
 * step grid or not one of the choices.
 *
 * @since 0.1
 */
public final class AnswerValidator {

    private AnswerValidator() {
    }

    /**
     * Validates the answers and returns the answered items in the instrument's item order, each value
     * moved exactly onto its step grid (see {@link Item#snap(double)}). Null values count as missing.
     *
     * @param instrument the instrument
     * @param answers item id to value
     * @return an unmodifiable ordered map of answered item id to value
     * @throws InvalidAnswerException listing every invalid answer
     */
    public static Map<String, Double> validate(Instrument instrument, Map<String, Double> answers) {
        Objects.requireNonNull(answers, "answers");
        List<AnswerProblem> problems = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Item item : instrument.items()) {
            known.add(item.id());
        }
        // unknown ids first, in a stable (sorted) order
        Map<String, Double> unknown = new TreeMap<>();
        for (Map.Entry<String, Double> e : answers.entrySet()) {
            if (e.getKey() == null || !known.contains(e.getKey())) {
                unknown.put(String.valueOf(e.getKey()), e.getValue());
            }
        }
        for (Map.Entry<String, Double> e : unknown.entrySet()) {
            problems.add(new AnswerProblem(e.getKey(), e.getValue() == null ? Double.NaN : e.getValue(),
                    "unknown item id for " + instrument.id() + " (valid ids: " + idList(instrument) + ")"));
        }
        Map<String, Double> answered = new LinkedHashMap<>();
        for (Item item : instrument.items()) {
            Double v = answers.get(item.id());
            if (v == null) {
                continue;
            }
            String rule = item.problemWith(v);
            if (rule != null) {
                problems.add(new AnswerProblem(item.id(), v, rule));
            } else {
                answered.put(item.id(), item.snap(v));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAnswerException(instrument.id(), problems);
        }
        return Collections.unmodifiableMap(answered);
    }

    /**
     * The items of {@code instrument} that are not in {@code answered}, in item order.
     *
     * @param instrument the instrument
     * @param answered the validated answers
     * @return an unmodifiable list of item ids
     */
    public static List<String> missingItems(Instrument instrument, Map<String, Double> answered) {
        List<String> missing = new ArrayList<>();
        for (Item item : instrument.items()) {
            if (answered.get(item.id()) == null) {
                missing.add(item.id());
            }
        }
        return List.copyOf(missing);
    }

    /**
     * Throws {@link NotScorableException} when any item flagged {@link Item#required()} is missing.
     *
     * @param instrument the instrument
     * @param answered the validated answers
     */
    public static void requireRequiredItems(Instrument instrument, Map<String, Double> answered) {
        List<String> missingRequired = new ArrayList<>();
        for (Item item : instrument.items()) {
            if (item.required() && answered.get(item.id()) == null) {
                missingRequired.add(item.id());
            }
        }
        if (!missingRequired.isEmpty()) {
            throw new NotScorableException(instrument.id(), missingRequired,
                    "required item" + (missingRequired.size() == 1 ? " is" : "s are") + " not answered");
        }
    }

    private static String idList(Instrument instrument) {
        List<String> ids = new ArrayList<>();
        for (Item i : instrument.items()) {
            ids.add(i.id());
        }
        if (ids.size() > 12) {
            return String.join(", ", ids.subList(0, 3)) + ", ..., " + ids.get(ids.size() - 1);
        }
        return String.join(", ", ids);
    }
}
