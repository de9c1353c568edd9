package org.painlab.imaging.synth;

/**
 * What one simulated scan depends on besides the {@link UltrasoundModel}: the muscle's true fat fraction and
 * the patient's and operator's effects. Scans of one patient share gain, subcutaneous fat and muscle thickness,
 * which is what makes them correlated.
 *
 * @param fatFraction        true fatty infiltration of the multifidus, 0 (lean) .. 1
 * @param gainDb             overall gain, dB (patient/machine setting plus this scan's own)
 * @param subcutaneousFatMm  thickness of the subcutaneous fat above the muscle, mm
 * @param muscleThicknessMm  depth extent of the multifidus from its fascia to the lamina, mm
 * @param fibreTiltDeg       angle of the fibres against the lateral axis in the x-y plane, degrees
 * @param lateralShiftMm     the muscle's lateral offset from the centre of the field of view, mm
 * @param seed               seed of this scan's scatterers, fibres and patches
 * @since 0.1
 */
public record ScanCondition(double fatFraction, double gainDb, double subcutaneousFatMm, double muscleThicknessMm,
        double fibreTiltDeg, double lateralShiftMm, long seed) {
    /** Checks ranges. */
    public ScanCondition {
        if (!(fatFraction >= 0 && fatFraction <= 1)) {
            throw new IllegalArgumentException("fat fraction must be in 0..1, found " + fatFraction);
        }
        if (!(subcutaneousFatMm >= 0) || !(muscleThicknessMm > 0) || !Double.isFinite(gainDb)
                || !Double.isFinite(fibreTiltDeg) || !Double.isFinite(lateralShiftMm)
                || !Double.isFinite(subcutaneousFatMm) || !Double.isFinite(muscleThicknessMm)) {
            throw new IllegalArgumentException("scan condition out of range: " + this);
        }
    }
}
