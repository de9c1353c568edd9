package org.painlab.trial.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of the screening log: a screened person, randomized (then {@code subjectId} is set) or
 * excluded with a reason.
 *
 * @param id screening id, e.g. "SCR-001"
 * @param screenedOn screening date, or null
 * @param subjectId the subject id when the person was randomized, else null
 * @param excluded whether the person was excluded (not randomized)
 * @param reason the exclusion reason (a short code such as "bmi_out_of_range"), null when not excluded
 * @param simulated whether the entry is simulated (demo) data
 *
 * @since 0.1
 */
public record ScreeningEntry(String id, LocalDate screenedOn, String subjectId, boolean excluded, String reason,
        boolean simulated) {
    /** Checks that the id is present. */
    public ScreeningEntry {
        Objects.requireNonNull(id, "id");
    }
}
