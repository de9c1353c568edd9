package org.painlab.core.importer;

/**
 * One problem found in an imported file: where (file, record, field) and which rule it broke.
 *
 * @since 0.1
 */
public record ImportProblem(String file, long record, String field, String rule) {
    @Override
    public String toString() {
        return file + ":" + record + ": field '" + field + "': " + rule;
    }
}
