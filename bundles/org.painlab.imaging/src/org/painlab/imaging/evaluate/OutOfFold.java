package org.painlab.imaging.evaluate;

/**
 * A case's grade by the model trained on the other folds (never on its own patient).
 *
 * @param caseId the case
 * @param patientId its patient
 * @param label its true label (0/1)
 * @param probability the model's probability that it is positive
 * @param fold the fold whose test part held it (0 .. K-1)
 * @since 0.1
 */
public record OutOfFold(String caseId, String patientId, int label, double probability, int fold) {
}
