package org.painlab.trial.instrument;

import java.util.List;
import java.util.Map;

/**
 * Modified MacNab criteria for the outcome of spine surgery: one clinician-rated grade.
 *
 * <p>One item, {@code "grade"}, required: 1 excellent (no pain, no restriction), 2 good (occasional
 * pain, no effect on work or leisure), 3 fair (better, but intermittent pain limits work or leisure),
 * 4 poor (no better, or worse). The score is the code 1–4 and the band is the grade's name
 * ("excellent", "good", "fair", "poor"). {@link #excellentPlusGoodRate(List)} gives the
 * excellent-plus-good rate of a group.
 *
 * @since 0.1
 */
public final class MacNabInstrument implements Instrument {

    /** The instrument id. */
    public static final String ID = "macnab";
    /** The item id. */
    public static final String ITEM = "grade";

    private static final List<String> GRADES = List.of("excellent", "good", "fair", "poor");
    private static final List<Item> ITEMS = List.of(Item.coded(ITEM, "MacNab grade", 1, true,
            "excellent", "good", "fair", "poor"));

    /** Creates the instrument (for the extension registry). */
    public MacNabInstrument() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Modified MacNab criteria";
    }

    @Override
    public List<Item> items() {
        return ITEMS;
    }

    @Override
    public Score score(Map<String, Double> answers) {
        Map<String, Double> a = AnswerValidator.validate(this, answers);
        AnswerValidator.requireRequiredItems(this, a);
        double g = a.get(ITEM);
        return new Score(ID, g, Map.of(), List.of(), GRADES.get((int) g - 1));
    }

    /**
     * Excellent-plus-good rate in percent: (excellent + good) / all &times; 100.
     *
     * @param scores MacNab scores (instrument id "macnab"), one per subject
     * @return the rate in percent (0..100)
     * @throws IllegalArgumentException when the list is empty or holds a score of another instrument
     */
    public static double excellentPlusGoodRate(List<Score> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("excellent-plus-good rate of an empty list is undefined");
        }
        int good = 0;
        for (Score s : scores) {
            if (!ID.equals(s.instrumentId())) {
                throw new IllegalArgumentException("excellent-plus-good rate needs MacNab scores, got "
                        + s.instrumentId());
            }
            if (s.score() <= 2) {
                good++;
            }
        }
        return 100.0 * good / scores.size();
    }
}
