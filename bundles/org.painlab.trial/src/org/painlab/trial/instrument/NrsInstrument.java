package org.painlab.trial.instrument;

import java.util.List;
import java.util.Map;

/**
 * Numeric rating scale for pain: one whole number from 0 (no pain) to 10 (worst imaginable pain).
 *
 * <p>One item, {@code "nrs"}, 0–10 in steps of 1, required. The score is the value; the band uses
 * the same cut points as the VAS ({@link VasInstrument#band(double)}): 0 none, 1–3 mild, 4–6
 * moderate, 7–10 severe.
 */
public final class NrsInstrument implements Instrument {

    /** The instrument id. */
    public static final String ID = "nrs";
    /** The item id. */
    public static final String ITEM = "nrs";

    private static final List<Item> ITEMS = List.of(
            Item.scale(ITEM, "Pain intensity, 0 = no pain, 10 = worst imaginable pain", 0, 10, 1, true));

    /** Creates the instrument (for the extension registry). */
    public NrsInstrument() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Numeric rating scale (pain, 0-10)";
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
        return new Score(ID, v, Map.of(), List.of(), VasInstrument.band(v));
    }
}
