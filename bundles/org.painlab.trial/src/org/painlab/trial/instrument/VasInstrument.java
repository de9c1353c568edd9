package org.painlab.trial.instrument;

import java.util.List;
import java.util.Map;

/**
 * Visual analogue scale for pain, 0 (no pain) to 10 (worst imaginable pain), recorded to one decimal.
 *
 * <p>One item, {@code "vas"}, 0–10 in steps of 0.1, required. The score is the value itself; there
 * are no sub-scores.
 *
 * <p>Band (see {@link #band(double)}): the brief's categories 1–3 mild, 4–6 moderate, 7–10 severe are
 * read as half-open intervals on the continuous scale so that every value has exactly one band:
 * {@code 0} "none", {@code 0 < v < 4} "mild", {@code 4 <= v < 7} "moderate", {@code 7 <= v <= 10}
 * "severe". So 3.9 is mild, 4.0 moderate, 6.9 moderate, 7.0 severe, and 0.5 is mild.
 */
public final class VasInstrument implements Instrument {

    /** The instrument id. */
    public static final String ID = "vas";
    /** The item id. */
    public static final String ITEM = "vas";

    private static final List<Item> ITEMS = List.of(
            Item.scale(ITEM, "Pain intensity, 0 = no pain, 10 = worst imaginable pain", 0, 10, 0.1, true));

    /** Creates the instrument (for the extension registry). */
    public VasInstrument() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Visual analogue scale (pain, 0-10)";
    }

    @Override
    public List<Item> items() {
        return ITEMS;
    }

    @Override
    public Score score(Map<String, Double> answers) {
        Map<String, Double> a = AnswerValidator.validate(this, answers);
        AnswerValidator.requireRequiredItems(this, a);
        double v = a.get(ITEM);
        return new Score(ID, v, Map.of(), List.of(), band(v));
    }

    /**
     * The pain band of a 0–10 value: "none" (0), "mild" (0 &lt; v &lt; 4), "moderate" (4 &le; v &lt; 7),
     * "severe" (7 &le; v &le; 10).
     *
     * @param v a value in 0..10
     * @return the band name
     * @throws IllegalArgumentException when v is outside 0..10 or not finite
     */
    public static String band(double v) {
        if (!(v >= 0 && v <= 10)) {
            throw new IllegalArgumentException("pain score must be in 0..10, was " + v);
        }
        if (v == 0) {
            return "none";
        }
        if (v < 4) {
            return "mild";
        }
        if (v < 7) {
            return "moderate";
        }
        return "severe";
    }
}
