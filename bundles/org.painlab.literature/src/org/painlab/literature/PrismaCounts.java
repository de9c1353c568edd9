package org.painlab.literature;

/**
 * The PRISMA flow numbers of a study's imports: records identified (every record read from an
 * imported file), duplicates removed (records kept out because the study already held the work),
 * and records screened (identified minus duplicates removed).
 *
 * @since 0.1
 */
public record PrismaCounts(long identified, long duplicatesRemoved, long screened) {
}
