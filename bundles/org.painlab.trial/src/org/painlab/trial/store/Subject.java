package org.painlab.trial.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A randomized (or registered) subject, keyed by a pseudonymous study id. Direct identifiers are
 * never part of this record.
 *
 * @param id study id, e.g. "SIM-001"
 * @param armCode allocated arm, null when not (yet) allocated
 * @param status where the subject is in the trial
 * @param allocationSeq sequence number of the allocation-list line revealed at enrolment, or null
 * @param stratum randomization stratum, or null
 * @param enrolledOn enrolment date, or null
 * @param simulated whether the subject is simulated (demo) data
 *
 * @since 0.1
 */
public record Subject(String id, String armCode, SubjectStatus status, Integer allocationSeq, String stratum,
        LocalDate enrolledOn, boolean simulated) {
    /** Checks that id and status are present. */
    public Subject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }
}
