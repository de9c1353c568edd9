package org.painlab.trial.instrument;

/**
 * Numeric rating scale for pain: one whole number from 0 (no pain) to 10 (worst imaginable pain).
 *
 * <p>One item, {@code "nrs"}, 0–10 in steps of 1, required. The score is the value; the band uses
 * the same cut points as the VAS ({@link VasInstrument#band(double)}): 0 none, 1–3 mild, 4–6
 * moderate, 7–10 severe.
 *
 * @since 0.1
 */
public final class NrsInstrument extends PainRatingScale {

    /** The instrument id. */
    public static final String ID = "nrs";
    /** The item id. */
    public static final String ITEM = "nrs";

    /** Creates the instrument (for the extension registry). */
    public NrsInstrument() {
        super(ID, "Numeric rating scale (pain, 0-10)", 1);
    }
}
