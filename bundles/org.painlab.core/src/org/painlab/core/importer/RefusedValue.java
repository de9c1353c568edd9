package org.painlab.core.importer;

/**
 * One source value an import did not take: which file, record (the record or subject id as the file
 * names it, not a line number), line, field and value, and why. Refused values are listed so a user
 * sees exactly what did not arrive; an import with refused values writes nothing unless the user
 * accepts them.
 *
 * @param file the file's name
 * @param record the record (subject) id, or "" when the value belongs to no record
 * @param line 1-based row or line where the value was read, 0 when unknown
 * @param field the column, field or item the value was read from
 * @param value the value as read
 * @param reason why it was refused
 * @since 0.1
 */
public record RefusedValue(String file, String record, long line, String field, String value, String reason) {

    /** Replaces nulls by empty texts. */
    public RefusedValue {
        file = file == null ? "" : file;
        record = record == null ? "" : record;
        field = field == null ? "" : field;
        value = value == null ? "" : value;
        reason = reason == null ? "" : reason;
    }

    @Override
    public String toString() {
        return file + ":" + line + ": record '" + record + "', field '" + field + "', value '" + value + "': " + reason;
    }
}
