package org.painlab.trial.instrument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Oswestry Disability Index 2.1a (Fairbank &amp; Pynsent, Spine 2000;25:2940-52): ten sections each
 * scored 0 (least disability) to 5 (most), reported as a percentage (higher is worse).
 *
 * <p>Items, in order: {@code pain_intensity, personal_care, lifting, walking, sitting, standing,
 * sleeping, sex_life, social_life, travelling}, each 0–5 in steps of 1.
 *
 * <p>Score = sum of the answered sections / (5 &times; number answered) &times; 100, so a skipped
 * section shrinks the denominator (9 sections answered: sum / 45 &times; 100), as in Fairbank &amp;
 * Pynsent's scoring instructions. Sub-scores: each answered section's 0–5 value under its item id,
 * plus {@code "sections_answered"}.
 *
 * <p>Missing-section rule: Fairbank &amp; Pynsent only describe the denominator adjustment and give no
 * cut-off. This implementation uses the common registry/trial convention that the index is not
 * computed when more than two sections are missing (at least 8 of 10 answered); the limit can be
 * changed with {@link #OdiInstrument(int)}. With fewer answered sections {@link NotScorableException}
 * is thrown.
 *
 * <p>Bands (upper limits inclusive; a value above one limit belongs to the next band): 0–20
 * "minimal", &gt;20–40 "moderate", &gt;40–60 "severe", &gt;60–80 "crippled", &gt;80–100 "bed-bound".
 * (With 8–10 sections answered no score falls strictly between 20 and 21, 40 and 41, etc.)
 *
 * @since 0.1
 */
public final class OdiInstrument implements Instrument {

    /** The instrument id. */
    public static final String ID = "odi";
    /** Default maximum number of missing sections for which the index is still computed. */
    public static final int DEFAULT_MAX_MISSING = 2;

    private static final List<Item> ITEMS = List.of(
            section("pain_intensity", "Section 1: pain intensity"),
            section("personal_care", "Section 2: personal care (washing, dressing, etc.)"),
            section("lifting", "Section 3: lifting"),
            section("walking", "Section 4: walking"),
            section("sitting", "Section 5: sitting"),
            section("standing", "Section 6: standing"),
            section("sleeping", "Section 7: sleeping"),
            section("sex_life", "Section 8: sex life (if applicable)"),
            section("social_life", "Section 9: social life"),
            section("travelling", "Section 10: travelling"));

    private final int maxMissing;

    /** Creates the instrument with the default rule (at most {@value #DEFAULT_MAX_MISSING} missing). */
    public OdiInstrument() {
        this(DEFAULT_MAX_MISSING);
    }

    /**
     * Creates the instrument with another missing-section limit.
     *
     * @param maxMissing how many of the 10 sections may be missing (0..9)
     */
    public OdiInstrument(int maxMissing) {
        if (maxMissing < 0 || maxMissing > 9) {
            throw new IllegalArgumentException("maxMissing must be in 0..9, was " + maxMissing);
        }
        this.maxMissing = maxMissing;
    }

    private static Item section(String id, String label) {
        return Item.scale(id, label + " (0 = least disability, 5 = most)", 0, 5, 1, false);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Oswestry Disability Index 2.1a";
    }

    @Override
    public List<Item> items() {
        return ITEMS;
    }

    @Override
    public Score score(Map<String, Double> answers) {
        Map<String, Double> a = AnswerValidator.validate(this, answers);
        List<String> missing = AnswerValidator.missingItems(this, a);
        if (missing.size() > maxMissing) {
            throw new NotScorableException(ID, missing, missing.size() + " of 10 sections missing; at most "
                    + maxMissing + " may be missing (at least " + (10 - maxMissing) + " sections answered)");
        }
        double sum = 0;
        Map<String, Double> subs = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : a.entrySet()) {
            sum += e.getValue();
            subs.put(e.getKey(), e.getValue());
        }
        int answered = a.size();
        subs.put("sections_answered", (double) answered);
        double score = sum / (5.0 * answered) * 100.0;
        return new Score(ID, score, subs, missing, band(score));
    }

    /**
     * The disability band of an ODI percentage.
     *
     * @param percent a value in 0..100
     * @return "minimal", "moderate", "severe", "crippled" or "bed-bound"
     */
    public static String band(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("ODI must be in 0..100, was " + percent);
        }
        if (percent <= 20) {
            return "minimal";
        }
        if (percent <= 40) {
            return "moderate";
        }
        if (percent <= 60) {
            return "severe";
        }
        if (percent <= 80) {
            return "crippled";
        }
        return "bed-bound";
    }
}
