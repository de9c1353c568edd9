package org.painlab.literature;

/**
 * Why one record of a file could not be read: which record (its number in the file, and its id or
 * key when the file gives one), the line it failed on, the field, and what was expected.
 *
 * @since 0.1
 */
public record RecordProblem(int record, String recordId, int line, String field, String reason) {

    /** "record 3 (key smith2020), line 41, field year: ..." */
    public String describe() {
        StringBuilder b = new StringBuilder("record ").append(record);
        if (recordId != null) {
            b.append(" (").append(recordId).append(')');
        }
        if (line > 0) {
            b.append(", line ").append(line);
        }
        if (field != null) {
            b.append(", field ").append(field);
        }
        return b.append(": ").append(reason).toString();
    }
}
