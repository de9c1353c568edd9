package org.painlab.trial.instrument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Japanese Orthopaedic Association score for low back pain (JOA 1986), maximum 29, higher is better.
 *
 * <p>Items, in order, all required (the JOA is a clinician-completed total; any missing item makes it
 * not scorable and {@link NotScorableException} is thrown):
 * <ul>
 * <li>subjective symptoms (max 9): {@code low_back_pain} 0–3, {@code leg_pain_tingling} 0–3,
 *     {@code gait} 0–3;</li>
 * <li>clinical signs (max 6): {@code straight_leg_raising} 0–2, {@code sensory_disturbance} 0–2,
 *     {@code motor_disturbance} 0–2;</li>
 * <li>restriction of activities of daily living (max 14), each 0 (severe restriction), 1 (moderate),
 *     2 (none): {@code turning_over_in_bed}, {@code standing}, {@code washing}, {@code leaning_forward},
 *     {@code sitting_1h}, {@code lifting_heavy_object}, {@code walking};</li>
 * <li>urinary bladder function: {@code bladder} 0 (normal), -3 (mild dysuria), -6 (severe dysuria).</li>
 * </ul>
 *
 * <p>Score = sum of all 14 items (-6..29). Sub-scores: {@code subjective} (0–9),
 * {@code clinical_signs} (0–6), {@code daily_activities} (0–14), {@code bladder} (-6..0). The
 * Hirabayashi recovery rate between two scores is {@link #recoveryRate(double, double)}.
 *
 * @since 0.1
 */
public final class JoaInstrument implements Instrument {

    /** The instrument id. */
    public static final String ID = "joa";
    /** Maximum total score. */
    public static final double MAX_SCORE = 29;
    /** Minimum total score. */
    public static final double MIN_SCORE = -6;

    private static final List<String> SUBJECTIVE = List.of("low_back_pain", "leg_pain_tingling", "gait");
    private static final List<String> SIGNS = List.of("straight_leg_raising", "sensory_disturbance",
            "motor_disturbance");
    private static final List<String> ADL = List.of("turning_over_in_bed", "standing", "washing",
            "leaning_forward", "sitting_1h", "lifting_heavy_object", "walking");

    private static final List<Item> ITEMS;

    static {
        Map<Double, String> bladder = new LinkedHashMap<>();
        bladder.put(0.0, "normal");
        bladder.put(-3.0, "mild dysuria");
        bladder.put(-6.0, "severe dysuria");
        ITEMS = List.of(
                Item.coded("low_back_pain", "Subjective: low back pain", 0, true,
                        "frequent or continuous severe pain", "frequent mild or occasional severe pain",
                        "occasional mild pain", "none"),
                Item.coded("leg_pain_tingling", "Subjective: leg pain and/or tingling", 0, true,
                        "frequent or continuous severe", "frequent mild or occasional severe", "occasional mild", "none"),
                Item.coded("gait", "Subjective: gait", 0, true,
                        "unable to walk more than 100 m", "unable to walk more than 500 m",
                        "walks more than 500 m with pain, tingling or weakness", "normal"),
                Item.coded("straight_leg_raising", "Clinical sign: straight-leg raising", 0, true,
                        "less than 30 degrees", "30-70 degrees", "normal"),
                Item.coded("sensory_disturbance", "Clinical sign: sensory disturbance", 0, true,
                        "marked", "slight", "none"),
                Item.coded("motor_disturbance", "Clinical sign: motor disturbance", 0, true,
                        "marked weakness (MMT 3 or less)", "slight weakness (MMT 4)", "normal (MMT 5)"),
                adl("turning_over_in_bed", "turning over while lying"),
                adl("standing", "standing"),
                adl("washing", "washing"),
                adl("leaning_forward", "leaning forward"),
                adl("sitting_1h", "sitting (about 1 hour)"),
                adl("lifting_heavy_object", "lifting or holding a heavy object"),
                adl("walking", "walking"),
                new Item("bladder", "Urinary bladder function", -6, 0, 3, bladder, true));
    }

    private static Item adl(String id, String what) {
        return Item.coded(id, "Daily activities: " + what, 0, true,
                "severe restriction", "moderate restriction", "no restriction");
    }

    /** Creates the instrument (for the extension registry). */
    public JoaInstrument() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "JOA low back pain score (1986, max 29)";
    }

    @Override
    public List<Item> items() {
        return ITEMS;
    }

    @Override
    public Score score(Map<String, Double> answers) {
        Map<String, Double> a = AnswerValidator.validate(this, answers);
        AnswerValidator.requireRequiredItems(this, a);
        double subjective = sum(a, SUBJECTIVE);
        double signs = sum(a, SIGNS);
        double adl = sum(a, ADL);
        double bladder = a.get("bladder");
        Map<String, Double> subs = new LinkedHashMap<>();
        subs.put("subjective", subjective);
        subs.put("clinical_signs", signs);
        subs.put("daily_activities", adl);
        subs.put("bladder", bladder);
        return new Score(ID, subjective + signs + adl + bladder, subs, List.of(), null);
    }

    private static double sum(Map<String, Double> a, List<String> ids) {
        double s = 0;
        for (String id : ids) {
            s += a.get(id);
        }
        return s;
    }

    /**
     * Hirabayashi recovery rate in percent: (post - pre) / (29 - pre) &times; 100. It is 100 when the
     * post score is the maximum, 0 when unchanged, negative when worse.
     *
     * @param pre JOA total before treatment (-6..29)
     * @param post JOA total after treatment (-6..29)
     * @return the recovery rate in percent
     * @throws IllegalArgumentException when a score is outside -6..29, or when pre = 29 (no room for
     *     recovery: the denominator 29 - pre is zero and the rate is undefined)
     */
    public static double recoveryRate(double pre, double post) {
        checkTotal("pre", pre);
        checkTotal("post", post);
        if (pre == MAX_SCORE) {
            throw new IllegalArgumentException("JOA recovery rate is undefined when the pre-treatment score is "
                    + "29 (the maximum): the denominator 29 - pre is 0");
        }
        return (post - pre) / (MAX_SCORE - pre) * 100.0;
    }

    /**
     * {@link #recoveryRate(double, double)} of two JOA scores.
     *
     * @param pre the score before treatment (instrument "joa")
     * @param post the score after treatment (instrument "joa")
     * @return the recovery rate in percent
     */
    public static double recoveryRate(Score pre, Score post) {
        if (!ID.equals(pre.instrumentId()) || !ID.equals(post.instrumentId())) {
            throw new IllegalArgumentException("recovery rate needs two JOA scores, got "
                    + pre.instrumentId() + " and " + post.instrumentId());
        }
        return recoveryRate(pre.score(), post.score());
    }

    private static void checkTotal(String what, double v) {
        if (!(v >= MIN_SCORE && v <= MAX_SCORE)) {
            throw new IllegalArgumentException("JOA " + what + " score must be in -6..29, was " + v);
        }
    }
}
