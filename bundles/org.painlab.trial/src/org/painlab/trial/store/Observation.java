package org.painlab.trial.store;

import java.util.Objects;

/**
 * One value of a form that a subject fills more than once: a repeating REDCap instrument or event,
 * an ODM repeating item group or study event, or a form that is not an instrument filled at several
 * visits. It is kept with its form, visit and instance number, never folded into the subject's one
 * value per variable.
 *
 * @param form the form (REDCap instrument name, ODM form), e.g. "bp"
 * @param visit the visit (REDCap event without its arm suffix, ODM study event), or "" when the
 *     project has no events
 * @param instance the repeat instance (1, 2, ...), or 0 for a form that is not repeated but filled at
 *     several visits (one value per visit)
 * @param field the field (REDCap field name, ODM item name)
 * @param number the value as a number when it is one, else null
 * @param text the value as text (always set)
 *
 * @since 0.1
 */
public record Observation(String form, String visit, int instance, String field, Double number, String text) {
    /** Checks the parts. */
    public Observation {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(text, "text");
        visit = visit == null ? "" : visit;
        if (instance < 0) {
            throw new IllegalArgumentException("instance must be 0 or more: " + instance);
        }
    }

    /**
     * An observation from its text: a number when the text is one.
     *
     * @param form the form
     * @param visit the visit or ""
     * @param instance the instance (0 = not repeated)
     * @param field the field
     * @param text the value
     * @return the observation
     */
    public static Observation of(String form, String visit, int instance, String field, String text) {
        return new Observation(form, visit, instance, field, Numbers.isNumber(text) ? Numbers.parseNumber(text) : null, text);
    }

    /**
     * The observation's id within its subject, as the core data contract names it.
     *
     * @param subjectId the subject
     * @return e.g. "S001/month3/2" (visit "" is written as "-")
     */
    public String observationId(String subjectId) {
        return subjectId + "/" + (visit.isEmpty() ? "-" : visit) + "/" + instance;
    }
}
