package org.painlab.trial.instrument;

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
 *
 * @since 0.1
 */
public final class VasInstrument extends PainRatingScale {

    /** The instrument id. */
    public static final String ID = "vas";
    /** The item id. */
    public static final String ITEM = "vas";

    /** Creates the instrument (for the extension registry). */
    public VasInstrument() {
        super(ID, "Visual analogue scale (pain, 0-10)", 0.1);
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
