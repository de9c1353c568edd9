package org.painlab.trial.demo;

/**
 * Reasons a screened person is not randomized, from the trial's exclusion criteria (brief §1). Used
 * by the demo generator for the CONSORT counts.
 *
 * @since 0.1
 */
public enum ExclusionReason {
    /** Lumbar instability or spondylolisthesis. */
    LUMBAR_INSTABILITY("lumbar_instability", "lumbar instability or spondylolisthesis"),
    /** Cauda equina signs. */
    CAUDA_EQUINA("cauda_equina", "cauda equina signs"),
    /** Intraspinal mass. */
    INTRASPINAL_MASS("intraspinal_mass", "intraspinal mass"),
    /** Infection or lower-limb joint disease. */
    INFECTION_OR_JOINT_DISEASE("infection_or_joint_disease", "infection or lower-limb joint disease"),
    /** BMI below 18.5 or above 30 kg/m². */
    BMI_OUT_OF_RANGE("bmi_out_of_range", "BMI < 18.5 or > 30 kg/m2"),
    /** Poor general condition. */
    POOR_GENERAL_CONDITION("poor_general_condition", "poor general condition"),
    /** Unclear diagnosis or incomplete data. */
    UNCLEAR_DIAGNOSIS("unclear_diagnosis", "unclear diagnosis or incomplete data"),
    /** Declined to take part. */
    REFUSED("refused", "refused to participate");

    private final String code;
    private final String label;

    ExclusionReason(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * Stable lowercase code.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Human-readable reason.
     *
     * @return the label
     */
    public String label() {
        return label;
    }
}
