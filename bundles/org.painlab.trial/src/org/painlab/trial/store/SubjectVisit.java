package org.painlab.trial.store;

import java.time.LocalDate;

/**
 * A visit a subject had (a row exists once anything was recorded for it, or it was locked).
 *
 * @param subjectId the subject
 * @param visitId the visit definition id
 * @param visitDate date of the visit, or null
 * @param locked whether the visit is locked (its answers can no longer be changed)
 *
 * @since 0.1
 */
public record SubjectVisit(String subjectId, String visitId, LocalDate visitDate, boolean locked) {
}
