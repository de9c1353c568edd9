package org.painlab.imaging.classify;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.painlab.imaging.Volume;

/**
 * One labelled case a classifier learns from or grades: a volume of a patient (loaded on demand, since a
 * study holds hundreds), its mask when there is one, the texture features computed from it, and its label.
 * Cases of one patient are correlated, so cross-validation groups them by {@link #patientId()}.
 *
 * @param id unique id of the case (the volume id in the study)
 * @param patientId the patient (cluster) the volume belongs to
 * @param label 1 = positive class (e.g. fatty infiltration on MRI), 0 = negative, -1 = unknown (to grade)
 * @param features feature values by feature key (e.g. IBSI code + aggregation); empty when not computed
 * @param volume loads the image; never null, may throw {@link org.painlab.imaging.ImagingException} wrapped
 *        in an unchecked exception when the file is gone
 * @param mask loads the region of interest (null supplier result when the case has no mask)
 * @since 0.1
 */
public record Case(String id, String patientId, int label, Map<String, Double> features, Supplier<Volume> volume,
        Supplier<Volume> mask) {
    /** Copies the feature map so a case never changes after it is made. */
    public Case {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        if (label < -1 || label > 1) {
            throw new IllegalArgumentException("case " + id + ": label must be 0, 1 or -1 (unknown), was " + label);
        }
        features = Map.copyOf(features);
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(mask, "mask");
    }
}
