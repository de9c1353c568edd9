package org.painlab.trial.internal.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.painlab.core.StudyException;
import org.painlab.trial.store.Observation;
import org.painlab.trial.store.TrialStore;

/**
 * The repeated and per-visit forms of a study as an export writes them: each form's fields in order
 * of first use, whether any form repeats, and each field's column name (the field name as REDCap
 * spells it).
 */
final class ObservationForms {
    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private final Map<String, String> columns = new LinkedHashMap<>();
    private final Set<String> text = new HashSet<>();
    private final Set<String> repeatingForms = new HashSet<>();
    private final Map<String, Set<String>> visitForms = new LinkedHashMap<>();

    private ObservationForms() {
    }

    static ObservationForms read(TrialStore store) throws StudyException {
        ObservationForms f = new ObservationForms();
        for (List<Observation> list : store.observations().values()) {
            for (Observation o : list) {
                List<String> names = f.fields.computeIfAbsent(o.form(), k -> new ArrayList<>());
                if (!names.contains(o.field())) {
                    names.add(o.field());
                    f.columns.put(o.form() + "." + o.field(), RedcapExporter.redcapName(o.field()));
                }
                if (o.number() == null) {
                    f.text.add(o.form() + "." + o.field());
                }
                if (o.instance() > 0) {
                    f.repeatingForms.add(o.form());
                }
                f.visitForms.computeIfAbsent(o.visit(), k -> new java.util.LinkedHashSet<>()).add(o.form());
            }
        }
        return f;
    }

    /** @return form to its fields, in order of first use */
    Map<String, List<String>> fields() {
        return fields;
    }

    /** @return "form.field" to its REDCap column name */
    Map<String, String> columns() {
        return columns;
    }

    /**
     * @param visit a visit id, or "" for observations without a visit
     * @return the forms observed at the visit
     */
    Set<String> formsAt(String visit) {
        return visitForms.getOrDefault(visit, Set.of());
    }

    /** @return whether any form has repeat instances */
    boolean repeating() {
        return !repeatingForms.isEmpty();
    }

    /**
     * @param form a form
     * @return whether it has repeat instances
     */
    boolean repeating(String form) {
        return repeatingForms.contains(form);
    }

    /**
     * @param form a form
     * @param field one of its fields
     * @return whether every value of the field is a number
     */
    boolean numeric(String form, String field) {
        return !text.contains(form + "." + field);
    }
}
