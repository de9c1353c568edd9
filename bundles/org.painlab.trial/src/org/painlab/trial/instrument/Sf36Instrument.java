package org.painlab.trial.instrument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * SF-36 health survey scored as the RAND 36-Item Health Survey 1.0 (public RAND scoring), with the
 * physical and mental component summaries (PCS/MCS) added as US 1998 norm-based scores.
 *
 * <p><b>Items</b> {@code q1} ... {@code q36}, in questionnaire order, with their original response
 * codes: q1, q2, q20, q22, q32–q36: 1–5; q3–q12: 1–3; q13–q19: 1–2; q21, q23–q31: 1–6.
 *
 * <p><b>Recoding</b> ({@link #recode(int, int)}): each answered item is recoded to 0–100, higher =
 * better health: items 1, 2, 20, 22, 34, 36: 1–5 &rarr; 100, 75, 50, 25, 0; items 3–12: 1–3 &rarr; 0,
 * 50, 100; items 13–19: 1–2 &rarr; 0, 100; items 21, 23, 26, 27, 30: 1–6 &rarr; 100, 80, 60, 40, 20,
 * 0; items 24, 25, 28, 29, 31: 1–6 &rarr; 0, 20, 40, 60, 80, 100; items 32, 33, 35: 1–5 &rarr; 0, 25,
 * 50, 75, 100.
 *
 * <p><b>Scales</b> (sub-score keys, in this order): {@code physical_functioning} (items 3–12),
 * {@code role_physical} (role limitations due to physical health, 13–16), {@code role_emotional}
 * (role limitations due to emotional problems, 17–19), {@code energy_fatigue} (23, 27, 29, 31),
 * {@code emotional_wellbeing} (24, 25, 26, 28, 30), {@code social_functioning} (20, 32),
 * {@code pain} (21, 22), {@code general_health} (1, 33, 34, 35, 36). A scale is the mean of the
 * recoded items answered. Then {@code health_change}: item 2 recoded, reported alone (absent when q2
 * is missing).
 *
 * <p><b>Missing-item rule</b>: RAND averages whatever items of a scale are answered. This
 * implementation by default ({@link MissingItemRule#HALF_OF_ITEMS}) additionally requires at least
 * half of a scale's items (the SF-36 "half-scale" rule: PF &ge; 5 of 10, RP &ge; 2 of 4, RE &ge; 2 of
 * 3, energy &ge; 2 of 4, emotional well-being &ge; 3 of 5, social &ge; 1 of 2, pain &ge; 1 of 2,
 * general health &ge; 3 of 5); the plain RAND rule (at least one item) is
 * {@link MissingItemRule#ANY_ITEM}. The survey is scorable only when all eight scales are; otherwise
 * {@link NotScorableException} names the scales that fail.
 *
 * <p><b>Score</b>: the unweighted mean of the eight scale scores (0–100), the "SF-36 total" that many
 * clinical papers report. The SF-36 has no official single total; use the scales or PCS/MCS for
 * inference.
 *
 * <p><b>PCS/MCS</b> (sub-scores {@code pcs_us1998}, {@code mcs_us1998}): norm-based summary scores.
 * Each scale is standardised with the US 1998 general-population mean and SD published for the
 * SF-36v2 standard (4-week) form (Ware JE, Kosinski M, Dewey JE. How to Score Version 2 of the SF-36
 * Health Survey. QualityMetric, 2000), z = (scale - mean) / sd; the aggregate is the sum of z times
 * the US 1990 factor score coefficients (Ware JE, Kosinski M, Keller SD. SF-36 Physical and Mental
 * Health Summary Scales: A User's Manual, 1994), which the SF-36v2 manual retains; T = 50 + 10
 * &times; aggregate.
 *
 * <pre>
 * scale  mean(1998) sd(1998)  PCS coef  MCS coef
 * PF     83.29094   23.75883   0.42402  -0.22999
 * RP     82.50964   25.52028   0.35119  -0.12329
 * BP     71.32527   23.66224   0.31754  -0.09731
 * GH     70.84570   20.97821   0.24954  -0.01571
 * VT     58.31411   20.01923   0.02877   0.23534
 * SF     84.30250   22.91921  -0.00753   0.26876
 * RE     87.39733   21.43778  -0.19206   0.43407
 * MH     74.98685   17.75604  -0.22069   0.48581
 * </pre>
 *
 * <p>Caveat: these norms were derived for the SF-36v2 scoring of the eight scales (five-level role
 * items, QualityMetric pain and general-health scoring); RAND 1.0 scale scores (dichotomous role
 * items) are on a comparable 0–100 metric but not identical, so the PCS/MCS here approximate the
 * QualityMetric values. The norms are named in {@link Score#norms()}.
 *
 * @since 0.1
 */
public final class Sf36Instrument implements Instrument {

    /** The instrument id. */
    public static final String ID = "sf36";
    /** Sub-score key of the physical component summary (US 1998 norms). */
    public static final String PCS = "pcs_us1998";
    /** Sub-score key of the mental component summary (US 1998 norms). */
    public static final String MCS = "mcs_us1998";
    /** Sub-score key of the health-change item (q2). */
    public static final String HEALTH_CHANGE = "health_change";
    /** Description of the norms, as put in {@link Score#norms()}. */
    public static final String NORMS = "PCS/MCS: US 1998 general population means/SDs (SF-36v2 standard form, "
            + "Ware, Kosinski & Dewey 2000) with US 1990 factor score coefficients (Ware, Kosinski & Keller 1994); "
            + "T = 50 + 10 x aggregate; scales scored by RAND 36-Item Health Survey 1.0";

    /** How many items of a scale must be answered for the scale to be scored. */
    public enum MissingItemRule {
        /** At least half of the scale's items (rounded up), the SF-36 half-scale rule; the default. */
        HALF_OF_ITEMS,
        /** At least one item, RAND's plain "average of the items answered". */
        ANY_ITEM
    }

    private record ScaleDef(String key, String abbrev, int[] items, double mean, double sd, double pcs, double mcs) {
    }

    private static final List<ScaleDef> SCALES = List.of(
            new ScaleDef("physical_functioning", "PF", new int[] {3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                    83.29094, 23.75883, 0.42402, -0.22999),
            new ScaleDef("role_physical", "RP", new int[] {13, 14, 15, 16},
                    82.50964, 25.52028, 0.35119, -0.12329),
            new ScaleDef("role_emotional", "RE", new int[] {17, 18, 19},
                    87.39733, 21.43778, -0.19206, 0.43407),
            new ScaleDef("energy_fatigue", "VT", new int[] {23, 27, 29, 31},
                    58.31411, 20.01923, 0.02877, 0.23534),
            new ScaleDef("emotional_wellbeing", "MH", new int[] {24, 25, 26, 28, 30},
                    74.98685, 17.75604, -0.22069, 0.48581),
            new ScaleDef("social_functioning", "SF", new int[] {20, 32},
                    84.30250, 22.91921, -0.00753, 0.26876),
            new ScaleDef("pain", "BP", new int[] {21, 22},
                    71.32527, 23.66224, 0.31754, -0.09731),
            new ScaleDef("general_health", "GH", new int[] {1, 33, 34, 35, 36},
                    70.84570, 20.97821, 0.24954, -0.01571));

    /** Scale keys in sub-score order. */
    public static final List<String> SCALE_KEYS = SCALES.stream().map(ScaleDef::key).toList();

    /** The eight scales by their usual abbreviations (PF, RP, ...), then PCS and MCS. */
    @Override
    public Map<String, String> subscoreLabels() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (ScaleDef s : SCALES) {
            out.put(s.key(), s.abbrev());
        }
        out.put(PCS, "PCS");
        out.put(MCS, "MCS");
        return java.util.Collections.unmodifiableMap(out);
    }

    private static final double[] FIVE_DOWN = {100, 75, 50, 25, 0};
    private static final double[] THREE_UP = {0, 50, 100};
    private static final double[] TWO_UP = {0, 100};
    private static final double[] SIX_DOWN = {100, 80, 60, 40, 20, 0};
    private static final double[] SIX_UP = {0, 20, 40, 60, 80, 100};
    private static final double[] FIVE_UP = {0, 25, 50, 75, 100};

    private static final String[] LABELS = {
        "In general, would you say your health is",
        "Compared to one year ago, how would you rate your health in general now",
        "Limited in vigorous activities (running, lifting heavy objects, strenuous sports)",
        "Limited in moderate activities (moving a table, vacuuming, bowling, golf)",
        "Limited in lifting or carrying groceries",
        "Limited in climbing several flights of stairs",
        "Limited in climbing one flight of stairs",
        "Limited in bending, kneeling, or stooping",
        "Limited in walking more than a mile",
        "Limited in walking several blocks",
        "Limited in walking one block",
        "Limited in bathing or dressing yourself",
        "Physical health: cut down the amount of time spent on work or other activities",
        "Physical health: accomplished less than you would like",
        "Physical health: limited in the kind of work or other activities",
        "Physical health: had difficulty performing the work or other activities",
        "Emotional problems: cut down the amount of time spent on work or other activities",
        "Emotional problems: accomplished less than you would like",
        "Emotional problems: didn't do work or other activities as carefully as usual",
        "Extent physical health or emotional problems interfered with normal social activities",
        "How much bodily pain have you had",
        "How much did pain interfere with your normal work",
        "Did you feel full of pep",
        "Have you been a very nervous person",
        "Have you felt so down in the dumps that nothing could cheer you up",
        "Have you felt calm and peaceful",
        "Did you have a lot of energy",
        "Have you felt downhearted and blue",
        "Did you feel worn out",
        "Have you been a happy person",
        "Did you feel tired",
        "How much of the time physical health or emotional problems interfered with social activities",
        "I seem to get sick a little easier than other people",
        "I am as healthy as anybody I know",
        "I expect my health to get worse",
        "My health is excellent",
    };

    private static final List<Item> ITEMS;

    static {
        List<Item> items = new ArrayList<>(36);
        for (int q = 1; q <= 36; q++) {
            items.add(Item.coded("q" + q, "Item " + q + ": " + LABELS[q - 1], 1, false, choices(q)));
        }
        ITEMS = List.copyOf(items);
    }

    private static String[] choices(int q) {
        if (q == 1) {
            return new String[] {"excellent", "very good", "good", "fair", "poor"};
        }
        if (q == 2) {
            return new String[] {"much better now than one year ago", "somewhat better now than one year ago",
                "about the same", "somewhat worse now than one year ago", "much worse now than one year ago"};
        }
        if (q <= 12) {
            return new String[] {"yes, limited a lot", "yes, limited a little", "no, not limited at all"};
        }
        if (q <= 19) {
            return new String[] {"yes", "no"};
        }
        if (q == 20 || q == 22) {
            return new String[] {"not at all", "slightly", "moderately", "quite a bit", "extremely"};
        }
        if (q == 21) {
            return new String[] {"none", "very mild", "mild", "moderate", "severe", "very severe"};
        }
        if (q <= 31) {
            return new String[] {"all of the time", "most of the time", "a good bit of the time",
                "some of the time", "a little of the time", "none of the time"};
        }
        if (q == 32) {
            return new String[] {"all of the time", "most of the time", "some of the time",
                "a little of the time", "none of the time"};
        }
        return new String[] {"definitely true", "mostly true", "don't know", "mostly false", "definitely false"};
    }

    private final MissingItemRule rule;

    /** Creates the instrument with the default {@link MissingItemRule#HALF_OF_ITEMS} rule. */
    public Sf36Instrument() {
        this(MissingItemRule.HALF_OF_ITEMS);
    }

    /**
     * Creates the instrument with the given missing-item rule.
     *
     * @param rule how many items a scale needs
     */
    public Sf36Instrument(MissingItemRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "SF-36 (RAND 36-Item Health Survey 1.0)";
    }

    @Override
    public List<Item> items() {
        return ITEMS;
    }

    /**
     * The RAND 1.0 recoded value (0–100, higher = better) of one answer.
     *
     * @param itemNumber 1..36
     * @param answer the response code (1-based, valid for that item)
     * @return the recoded value
     * @throws IllegalArgumentException for an unknown item or an invalid code
     */
    public static double recode(int itemNumber, int answer) {
        double[] table = table(itemNumber);
        if (answer < 1 || answer > table.length) {
            throw new IllegalArgumentException("SF-36 item " + itemNumber + " answer must be 1.." + table.length
                    + ", was " + answer);
        }
        return table[answer - 1];
    }

    private static double[] table(int q) {
        switch (q) {
            case 1, 2, 20, 22, 34, 36:
                return FIVE_DOWN;
            case 21, 23, 26, 27, 30:
                return SIX_DOWN;
            case 24, 25, 28, 29, 31:
                return SIX_UP;
            case 32, 33, 35:
                return FIVE_UP;
            default:
                if (q >= 3 && q <= 12) {
                    return THREE_UP;
                }
                if (q >= 13 && q <= 19) {
                    return TWO_UP;
                }
                throw new IllegalArgumentException("SF-36 has items 1..36, not " + q);
        }
    }

    @Override
    public Score score(Map<String, Double> answers) {
        Map<String, Double> a = AnswerValidator.validate(this, answers);
        List<String> missing = AnswerValidator.missingItems(this, a);
        Map<String, Double> subs = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        double total = 0;
        double aggPhys = 0;
        double aggMent = 0;
        for (ScaleDef s : SCALES) {
            double sum = 0;
            int n = 0;
            for (int q : s.items()) {
                Double v = a.get("q" + q);
                if (v != null) {
                    sum += recode(q, (int) Math.round(v));
                    n++;
                }
            }
            int needed = rule == MissingItemRule.HALF_OF_ITEMS ? (s.items().length + 1) / 2 : 1;
            if (n < needed) {
                failures.add(s.key() + " has " + n + " of " + s.items().length + " items answered, needs " + needed);
                continue;
            }
            double scale = sum / n;
            subs.put(s.key(), scale);
            total += scale;
            double z = (scale - s.mean()) / s.sd();
            aggPhys += z * s.pcs();
            aggMent += z * s.mcs();
        }
        if (!failures.isEmpty()) {
            throw new NotScorableException(ID, missing, "scale rule (" + rule + ") not met: "
                    + String.join("; ", failures));
        }
        Double q2 = a.get("q2");
        if (q2 != null) {
            subs.put(HEALTH_CHANGE, recode(2, (int) Math.round(q2)));
        }
        subs.put(PCS, 50 + 10 * aggPhys);
        subs.put(MCS, 50 + 10 * aggMent);
        return new Score(ID, total / SCALES.size(), subs, missing, null, NORMS);
    }
}
