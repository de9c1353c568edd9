package org.painlab.stats.plan;

import java.util.Locale;

/**
 * The table of the paper a variable belongs to. The section also says whether a variable is a
 * baseline characteristic or an outcome.
 *
 * @since 0.1
 */
public enum TableSection {
    /** Table 1: characteristics at baseline (first time point) by arm. */
    BASELINE("baseline", "Baseline characteristics"),
    /** Pain (VAS/NRS) at each time point by arm, with between- and within-group markers. */
    PAIN("pain", "Pain over time"),
    /** Function and quality of life (JOA, ODI, SF-36) at each time point by arm. */
    FUNCTION("function", "Function and quality of life"),
    /** Any other outcome measured over time, laid out like the pain table. */
    OUTCOMES("outcomes", "Other outcomes over time"),
    /** Complications and adverse events at the last time point, n (%) by arm. */
    COMPLICATIONS("complications", "Complications"),
    /** Efficacy grades (MacNab) and the excellent-plus-good rate. */
    EFFICACY("efficacy", "Efficacy");

    private final String id;
    private final String title;

    TableSection(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** @return identifier used in plan files */
    public String id() {
        return id;
    }

    /** @return default table title */
    public String title() {
        return title;
    }

    /** @return true when the section lays variables out over their time points */
    public boolean overTime() {
        return this == PAIN || this == FUNCTION || this == OUTCOMES;
    }

    /** @return true for outcome sections (everything but the baseline table) */
    public boolean isOutcome() {
        return this != BASELINE;
    }

    /**
     * @param text identifier, case-insensitive
     * @return the section
     * @throws IllegalArgumentException naming the accepted identifiers
     */
    public static TableSection parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (TableSection s : values()) {
            if (s.id.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown table section '" + text
                + "': expected baseline, pain, function, outcomes, complications or efficacy");
    }
}
