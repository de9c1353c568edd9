package org.painlab.trial.demo;

/**
 * One SIMULATED screened person of the demo trial: either randomized (then {@code subjectId} is set)
 * or excluded with a reason.
 *
 * @param screeningId e.g. "SCR-001", in screening order
 * @param sex "M" or "F"
 * @param age years
 * @param bmi kg/m² (outside 18.5–30 for {@link ExclusionReason#BMI_OUT_OF_RANGE})
 * @param exclusion why the person was not randomized, null when randomized
 * @param subjectId the subject id when randomized, else null
 *
 * @since 0.1
 */
public record DemoScreening(String screeningId, String sex, int age, double bmi, ExclusionReason exclusion,
        String subjectId) {

    /**
     * Whether the person was randomized.
     *
     * @return true when {@code subjectId} is set
     */
    public boolean randomized() {
        return subjectId != null;
    }

    /**
     * Always true: every demo record is simulated.
     *
     * @return true
     */
    public boolean simulated() {
        return true;
    }
}
