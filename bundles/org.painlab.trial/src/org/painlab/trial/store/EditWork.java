package org.painlab.trial.store;

import org.painlab.core.StudyException;

/**
 * Work done with a {@link TrialEditor} inside one transaction: it commits when the work returns and
 * rolls back completely when it throws.
 *
 * @param <T> the result type
 *
 * @since 0.1
 */
@FunctionalInterface
public interface EditWork<T> {
    /**
     * Does the work.
     *
     * @param editor the editor of this transaction
     * @return a result
     * @throws StudyException to refuse and roll back
     */
    T run(TrialEditor editor) throws StudyException;
}
