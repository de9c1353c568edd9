package org.painlab.trial.store;

import java.util.List;

/**
 * What is locked in a study's trial data.
 *
 * @param datasetLocked the whole dataset is locked: every write is refused
 * @param allocationListLocked the allocation list is locked: it cannot be replaced or changed
 * @param lockedVisits the locked subject visits, by subject then visit order
 *
 * @since 0.1
 */
public record Locks(boolean datasetLocked, boolean allocationListLocked, List<SubjectVisit> lockedVisits) {
    /** Copies the list. */
    public Locks {
        lockedVisits = List.copyOf(lockedVisits);
    }
}
