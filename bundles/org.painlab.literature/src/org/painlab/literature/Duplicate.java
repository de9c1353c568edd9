package org.painlab.literature;

/**
 * A record that is the same work as a reference already held: the record's number in the file, its
 * title, the key it matches, what matched ({@code doi}, {@code pmid} or {@code title}) and what the
 * import did with it ({@link DuplicatePolicy}).
 *
 * @since 0.1
 */
public record Duplicate(int record, String title, String existingKey, String matchedOn, DuplicatePolicy action) {
}
