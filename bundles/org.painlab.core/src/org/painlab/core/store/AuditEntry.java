package org.painlab.core.store;

import java.time.Instant;

/**
 * One row of a study's audit trail: who changed what, when, from which value to
 * which, and why. Rows are only ever appended.
 *
 * @since 0.1
 */
public record AuditEntry(long id, Instant at, String actor, String action, String entity, String entityId,
        String field, String oldValue, String newValue, String reason) {

    /** A new entry (id and time are assigned when it is written). */
    public static AuditEntry of(String actor, String action, String entity, String entityId, String field,
            String oldValue, String newValue, String reason) {
        return new AuditEntry(0, null, actor, action, entity, entityId, field, oldValue, newValue, reason);
    }
}
