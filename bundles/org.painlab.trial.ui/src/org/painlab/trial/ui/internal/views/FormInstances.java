package org.painlab.trial.ui.internal.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.trial.store.Observation;
import org.painlab.trial.store.VisitDefinition;

/**
 * The observations of one form as a table: one {@link FormInstance} per subject, visit and
 * instance (subjects in id order, visits in the study's order, then instances), and one column
 * per field in order of first use. A field is a number column only when every value is a number.
 */
final class FormInstances {
    static final String SUBJECT = "subject";
    static final String VISIT = "visit";
    static final String FORM = "form";
    static final String INSTANCE = "instance";
    /** Leading columns that say which filling a row is; the grid keeps them in place. */
    static final int KEY_COLUMNS = 4;

    private final String form;
    private final List<FormInstance> rows;
    private final List<String> fields;
    private final Set<String> textFields;

    private FormInstances(String form, List<FormInstance> rows, List<String> fields, Set<String> textFields) {
        this.form = form;
        this.rows = rows;
        this.fields = fields;
        this.textFields = textFields;
    }

    /**
     * @param form the form
     * @param bySubject subject to its observations of the form
     * @param visits the study's visit definitions, in time order
     */
    static FormInstances of(String form, Map<String, List<Observation>> bySubject, List<VisitDefinition> visits) {
        Map<String, Integer> order = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (VisitDefinition v : visits) {
            order.put(v.id(), order.size());
            labels.put(v.id(), v.label());
        }
        // no visit first, then the study's visits in time order, then visits it does not define by name
        Comparator<String> visitOrder = Comparator.<String>comparingInt(v -> v.isEmpty() ? -1 : order.getOrDefault(v, order.size()))
                .thenComparing(Comparator.naturalOrder());
        Set<String> fields = new LinkedHashSet<>();
        Set<String> text = new HashSet<>();
        List<FormInstance> rows = new ArrayList<>();
        for (Map.Entry<String, List<Observation>> e : new java.util.TreeMap<>(bySubject).entrySet()) {
            Map<String, Map<String, Observation>> byFilling = new LinkedHashMap<>();
            Map<String, Observation> firsts = new LinkedHashMap<>();
            for (Observation o : e.getValue()) {
                if (!o.form().equals(form)) {
                    continue;
                }
                String key = o.visit() + "\u0000" + o.instance();
                byFilling.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(o.field(), o);
                firsts.putIfAbsent(key, o);
                fields.add(o.field());
                if (o.number() == null) {
                    text.add(o.field());
                }
            }
            List<String> keys = new ArrayList<>(byFilling.keySet());
            keys.sort(Comparator.comparing((String k) -> firsts.get(k).visit(), visitOrder)
                    .thenComparingInt(k -> firsts.get(k).instance()));
            for (String k : keys) {
                Observation first = firsts.get(k);
                String visit = first.visit();
                rows.add(new FormInstance(e.getKey(), form, visit, labels.getOrDefault(visit, visit), first.instance(), byFilling.get(k)));
            }
        }
        return new FormInstances(form, List.copyOf(rows), List.copyOf(fields), Set.copyOf(text));
    }

    String form() {
        return form;
    }

    /** The fillings, in subject, visit and instance order. */
    List<FormInstance> rows() {
        return rows;
    }

    /** The form's fields in order of first use. */
    List<String> fields() {
        return fields;
    }

    /** The subjects that filled the form. */
    long subjects() {
        return rows.stream().map(FormInstance::subjectId).distinct().count();
    }

    /** The grid's columns: subject, visit, form, instance, then one per field. */
    List<ColumnSpec<FormInstance>> columns() {
        List<ColumnSpec<FormInstance>> out = new ArrayList<>();
        out.add(ColumnSpec.text(SUBJECT, "Subject", FormInstance::subjectId));
        out.add(ColumnSpec.text(VISIT, "Visit", FormInstance::visitLabel));
        out.add(ColumnSpec.text(FORM, "Form", FormInstance::form));
        out.add(ColumnSpec.number(INSTANCE, "Instance", FormInstance::shownInstance));
        for (String f : fields) {
            boolean numeric = !textFields.contains(f);
            out.add(new ColumnSpec<>(key(f), f, (FormInstance r) -> r.value(f, numeric), numeric, List.of()));
        }
        return out;
    }

    /** The grid column key of a field (apart from the leading columns' keys). */
    static String key(String field) {
        return "field:" + field;
    }
}
