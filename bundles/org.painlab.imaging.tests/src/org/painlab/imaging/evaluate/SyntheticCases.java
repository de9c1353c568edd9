package org.painlab.imaging.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.painlab.imaging.classify.Case;

/** Cases with made-up features: patients with several volumes, a label per patient, correlated volumes. */
public final class SyntheticCases {
    private SyntheticCases() {
    }

    /**
     * @param patients number of patients
     * @param perPatient volumes per patient
     * @param signal how far the label shifts two of the features (0 = features independent of the label)
     * @param seed random seed
     */
    public static List<Case> make(int patients, int perPatient, double signal, long seed) {
        Random rnd = new Random(seed);
        List<Case> out = new ArrayList<>();
        for (int p = 0; p < patients; p++) {
            int label = p % 2;
            double patientEffect = rnd.nextGaussian();
            for (int v = 0; v < perPatient; v++) {
                Map<String, Double> f = new LinkedHashMap<>();
                f.put("ZHPW_glcm_joint_avg", patientEffect + signal * label + 0.5 * rnd.nextGaussian());
                f.put("Q4LE_intensity_mean", 0.5 * patientEffect + signal * label + 0.5 * rnd.nextGaussian());
                for (int k = 0; k < 6; k++) {
                    f.put("noise_" + k, rnd.nextGaussian());
                }
                out.add(new Case("P" + p + "-V" + v, "P" + p, label, f, () -> {
                    throw new IllegalStateException("no volume in a synthetic case");
                }, () -> null));
            }
        }
        return out;
    }
}
