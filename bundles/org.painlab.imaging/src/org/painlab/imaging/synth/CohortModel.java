package org.painlab.imaging.synth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the patients of a simulated imaging study differ: each patient has a latent degeneration u ~ N(0,1)
 * that raises the fat fraction of all eight volumes and thickens the subcutaneous fat, a gain setting and
 * a muscle thickness; each volume's fat fraction is {@code logistic(fatLogitMean + patientSd u +
 * levelEffect + volumeSd e)}; the "MRI grade" reads the fat fraction with reader noise and cuts it into
 * grades 0..3; grade {@code >= fattyFromGrade} is the positive (fatty) label. See {@code docs/imaging.md}.
 *
 * @param fatLogitMean          mean logit of the fat fraction
 * @param patientSd             weight of the patient's latent degeneration on the logit
 * @param levelEffects          logit shift per level of {@link org.painlab.imaging.ScanSite#LUMBAR_LEVELS}
 *                              (lower levels are fattier)
 * @param volumeSd              standard deviation of each volume's own logit noise (side, level)
 * @param mriNoiseSd            standard deviation of the MRI reader's error on the fat fraction
 * @param gradeCuts             fat fractions (as read on MRI) where grades 1, 2 and 3 start
 * @param fattyFromGrade        the lowest grade labelled fatty (1)
 * @param patientGainSdDb       standard deviation of a patient's gain, dB (machine and operator)
 * @param scanGainSdDb          standard deviation of each scan's own gain, dB
 * @param subcutaneousMeanMm    mean subcutaneous fat thickness, mm
 * @param subcutaneousPerU      thickening of subcutaneous fat per unit of latent degeneration, mm
 * @param subcutaneousSdMm      its remaining standard deviation, mm
 * @param thicknessMeanMm       mean multifidus thickness (fascia to lamina), mm
 * @param thicknessSdMm         its standard deviation, mm
 * @param tiltSdDeg             standard deviation of the fibre angle, degrees
 * @param shiftSdMm             standard deviation of the muscle's lateral position, mm
 * @since 0.1
 */
public record CohortModel(double fatLogitMean, double patientSd, List<Double> levelEffects, double volumeSd,
        double mriNoiseSd, List<Double> gradeCuts, int fattyFromGrade, double patientGainSdDb, double scanGainSdDb,
        double subcutaneousMeanMm, double subcutaneousPerU, double subcutaneousSdMm, double thicknessMeanMm,
        double thicknessSdMm, double tiltSdDeg, double shiftSdMm) {

    /** Checks the lists' sizes. */
    public CohortModel {
        levelEffects = List.copyOf(levelEffects);
        gradeCuts = List.copyOf(gradeCuts);
        if (levelEffects.size() != 4) {
            throw new IllegalArgumentException("levelEffects needs one value per lumbar level (4), found " + levelEffects.size());
        }
        if (gradeCuts.size() != 3) {
            throw new IllegalArgumentException("gradeCuts needs the starts of grades 1, 2, 3, found " + gradeCuts.size());
        }
        if (fattyFromGrade < 1 || fattyFromGrade > 3) {
            throw new IllegalArgumentException("fattyFromGrade must be 1, 2 or 3, found " + fattyFromGrade);
        }
    }

    /** The cohort of the imaging study. */
    public static CohortModel defaults() {
        return new CohortModel(-0.3, 1.2, List.of(-0.5, -0.2, 0.2, 0.5), 0.45, 0.10, List.of(0.25, 0.45, 0.65), 2, 3.0,
                1.0, 5.0, 1.0, 1.5, 16.0, 2.5, 8.0, 1.0);
    }

    /** The MRI grade (0..3) of a fat fraction as the reader saw it. */
    public int grade(double readFatFraction) {
        int g = 0;
        for (double cut : gradeCuts) {
            if (readFatFraction >= cut) {
                g++;
            }
        }
        return g;
    }

    /** Every parameter by name, for stored results and {@code --json}. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fat_logit_mean", fatLogitMean);
        m.put("patient_sd", patientSd);
        m.put("level_effects", levelEffects);
        m.put("volume_sd", volumeSd);
        m.put("mri_noise_sd", mriNoiseSd);
        m.put("grade_cuts", gradeCuts);
        m.put("fatty_from_grade", fattyFromGrade);
        m.put("patient_gain_sd_db", patientGainSdDb);
        m.put("scan_gain_sd_db", scanGainSdDb);
        m.put("subcutaneous_mean_mm", subcutaneousMeanMm);
        m.put("subcutaneous_per_u_mm", subcutaneousPerU);
        m.put("subcutaneous_sd_mm", subcutaneousSdMm);
        m.put("thickness_mean_mm", thicknessMeanMm);
        m.put("thickness_sd_mm", thicknessSdMm);
        m.put("tilt_sd_deg", tiltSdDeg);
        m.put("shift_sd_mm", shiftSdMm);
        return m;
    }
}
