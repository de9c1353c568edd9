package org.painlab.trial.instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of scoring one answer set with an {@link Instrument}.
 *
 * <p>Every number is finite: an instrument that cannot be scored under its missing-item rule throws
 * {@link NotScorableException} instead of returning NaN. Numbers are kept at full double precision
 * (no rounding).
 *
 * @param instrumentId the instrument id, e.g. "odi"
 * @param score the instrument's main score (its meaning is documented by each instrument)
 * @param subscores named sub-scores in the instrument's order (unmodifiable; may be empty)
 * @param missingItems ids of the items that were not answered, in item order (unmodifiable)
 * @param band the category the score falls in, e.g. "moderate" for ODI or "good" for MacNab; null
 *     when the instrument has no bands
 * @param norms the reference norms used by norm-based sub-scores (e.g. SF-36 PCS/MCS), null if none
 *
 * @since 0.1
 */
public record Score(String instrumentId, double score, Map<String, Double> subscores,
        List<String> missingItems, String band, String norms) {

    /** Validates (finite numbers) and copies the collections, keeping their order. */
    public Score {
        Objects.requireNonNull(instrumentId, "instrumentId");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException(instrumentId + ": score must be a finite number, was " + score);
        }
        LinkedHashMap<String, Double> subs = new LinkedHashMap<>();
        if (subscores != null) {
            for (Map.Entry<String, Double> e : subscores.entrySet()) {
                Double v = e.getValue();
                if (v == null || !Double.isFinite(v)) {
                    throw new IllegalArgumentException(
                            instrumentId + ": subscore " + e.getKey() + " must be a finite number, was " + v);
                }
                subs.put(Objects.requireNonNull(e.getKey(), "subscore name"), v);
            }
        }
        subscores = Collections.unmodifiableMap(subs);
        missingItems = missingItems == null ? List.of() : List.copyOf(missingItems);
    }

    /**
     * A score without norms.
     *
     * @param instrumentId the instrument id
     * @param score the main score
     * @param subscores named sub-scores in order
     * @param missingItems missing item ids
     * @param band band or null
     */
    public Score(String instrumentId, double score, Map<String, Double> subscores,
            List<String> missingItems, String band) {
        this(instrumentId, score, subscores, missingItems, band, null);
    }

    /**
     * The CLI JSON shape of {@code painlab trial score --json}:
     * {@code {"instrument":"odi","score":28.0,"subscores":{...},"missing_items":[...],"band":...}}
     * plus {@code "norms"} when present. Values are String, Double, List and Map (ordered).
     *
     * @return a new, ordered, mutable map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instrument", instrumentId);
        m.put("score", score);
        m.put("subscores", new LinkedHashMap<>(subscores));
        m.put("missing_items", new ArrayList<>(missingItems));
        m.put("band", band);
        if (norms != null) {
            m.put("norms", norms);
        }
        return m;
    }
}
