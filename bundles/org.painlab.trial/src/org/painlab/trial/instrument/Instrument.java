package org.painlab.trial.instrument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A questionnaire or clinical rating (VAS, ODI, JOA, SF-36, ...) that turns item-level answers into
 * a {@link Score}.
 *
 * <p>Instruments are contributed through the {@code org.painlab.trial.instruments} extension point by
 * class name; an implementation therefore needs a public no-argument constructor and must be
 * stateless and thread-safe. The built-ins are contributions like any other.
 *
 * <p>Answers are a map of item id to value. An item that is left out (or mapped to null) is missing;
 * how missing items are handled is each instrument's documented rule.
 *
 * @since 0.1
 */
public interface Instrument {

    /**
     * Stable lowercase id saved in studies, e.g. "vas", "odi", "sf36"; never changes.
     *
     * @return the id
     */
    String id();

    /**
     * Display name, e.g. "Oswestry Disability Index 2.1a".
     *
     * @return the name
     */
    String name();

    /**
     * The items in the instrument's own order.
     *
     * @return an unmodifiable list
     */
    List<Item> items();

    /**
     * Scores one answer set.
     *
     * @param answers item id to value; a missing key or a null value means "not answered"
     * @return the score (never NaN)
     * @throws InvalidAnswerException when any answer is invalid (all problems are reported at once)
     * @throws NotScorableException when too many items are missing for the instrument's rule
     */
    Score score(Map<String, Double> answers);

    /**
     * The sub-scores worth showing next to the score in tables such as the Subject Grid (the
     * SF-36's eight scales and its PCS/MCS summaries), as short labels by {@link Score#subscores()}
     * key in display order; empty when the score alone is reported.
     *
     * @return labels by sub-score key
     * @since 0.1
     */
    default Map<String, String> subscoreLabels() {
        return Map.of();
    }

    /**
     * The item with the given id.
     *
     * @param itemId the item id
     * @return the item, or empty when the id is not an item of this instrument
     */
    default Optional<Item> item(String itemId) {
        for (Item i : items()) {
            if (i.id().equals(itemId)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * The CLI shape of {@code painlab trial score INSTRUMENT --describe --json}:
     * {@code {"instrument":"odi","name":"...","items":[{"id":...,"label":...,"min":0,"max":5,...}]}}.
     *
     * @return a new ordered map
     */
    default Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instrument", id());
        m.put("name", name());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Item i : items()) {
            list.add(i.toMap());
        }
        m.put("items", list);
        return m;
    }
}
