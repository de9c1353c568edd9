package org.painlab.literature;

import org.painlab.core.data.StudyAggregate;

/**
 * Outcome numbers a reader extracted from a reference for meta-analysis: one arm's n/mean/SD or
 * events/total at one time point, with where in the paper they stand. The aggregate's
 * {@code source} is the reference's key.
 *
 * @param id the row's number in the study (for deleting it)
 * @param aggregate the numbers, as the core data contract offers them to analyses
 * @since 0.1
 */
public record ExtractedEffect(long id, StudyAggregate aggregate) {
}
