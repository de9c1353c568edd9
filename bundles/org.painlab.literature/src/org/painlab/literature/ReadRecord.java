package org.painlab.literature;

/**
 * A record read from a file: its number (from 1) and first line in the file, and the reference.
 *
 * @since 0.1
 */
public record ReadRecord(int record, int line, Reference reference) {
}
