package org.painlab.trial.ui.internal.views;

import java.util.Map;

import org.painlab.trial.store.Observation;

/**
 * One filling of a repeated or per-visit form: a subject's form at one visit and instance, with
 * its values by field. A row of the Repeated Forms view.
 *
 * @param subjectId the subject
 * @param form the form
 * @param visitId the visit ("" when the source has no events)
 * @param visitLabel the visit as the study names it (its id when it is not a defined visit)
 * @param instance the repeat instance, or 0 when the form is filled once per visit
 * @param values field to its observation
 */
public record FormInstance(String subjectId, String form, String visitId, String visitLabel, int instance,
        Map<String, Observation> values) {
    public FormInstance {
        values = Map.copyOf(values);
    }

    /** The instance as shown: empty for a form filled once per visit. */
    Integer shownInstance() {
        return instance == 0 ? null : instance;
    }

    /** A field's value as shown: its number when it is one, else its text; null when not filled. */
    Object value(String field, boolean numeric) {
        Observation o = values.get(field);
        if (o == null) {
            return null;
        }
        return numeric ? o.number() : o.text();
    }
}
