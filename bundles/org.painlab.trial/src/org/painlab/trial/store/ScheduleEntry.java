package org.painlab.trial.store;

/**
 * One line of the schedule of assessments: instrument {@code instrumentId} is collected at visit
 * {@code visitId} in arm {@code armCode}.
 *
 * @param armCode the arm
 * @param visitId the visit
 * @param instrumentId the instrument id (see {@link InstrumentCatalog})
 * @param ordinal display order of the instrument within its visit
 *
 * @since 0.1
 */
public record ScheduleEntry(String armCode, String visitId, String instrumentId, int ordinal) {
}
