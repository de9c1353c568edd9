package org.painlab.trial.demo;

/**
 * Baseline and perioperative variables of one SIMULATED demo subject (the trial's Table 1 variables).
 *
 * @param sex "M" or "F"
 * @param age years, 18–80
 * @param bmi kg/m², 18.5–30, one decimal
 * @param level herniation level: "L2-3", "L3-4", "L4-5" or "L5-S1"
 * @param pfirrmann Pfirrmann disc degeneration grade 1–5 (I–V)
 * @param legPainDays duration of leg pain in days (at least 90: three months of failed conservative
 *     treatment)
 * @param hypertension hypertension
 * @param diabetes diabetes
 * @param numbness accompanying numbness
 * @param fatigue accompanying fatigue
 * @param backPain accompanying back pain
 * @param operationMinutes operation time, minutes
 * @param bloodLossMl blood loss, ml
 * @param lengthOfStayDays length of stay, days
 *
 * @since 0.1
 */
public record DemoBaseline(String sex, int age, double bmi, String level, int pfirrmann, int legPainDays,
        boolean hypertension, boolean diabetes, boolean numbness, boolean fatigue, boolean backPain,
        int operationMinutes, int bloodLossMl, int lengthOfStayDays) {

    /**
     * The Pfirrmann grade as a Roman numeral.
     *
     * @return "I" .. "V"
     */
    public String pfirrmannRoman() {
        return switch (pfirrmann) {
            case 1 -> "I";
            case 2 -> "II";
            case 3 -> "III";
            case 4 -> "IV";
            case 5 -> "V";
            default -> throw new IllegalStateException("Pfirrmann grade " + pfirrmann);
        };
    }
}
