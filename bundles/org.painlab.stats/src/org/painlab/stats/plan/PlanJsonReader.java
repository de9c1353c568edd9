package org.painlab.stats.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.painlab.stats.Alternative;
import org.painlab.core.data.SubjectData;
import org.painlab.core.data.DataVariable;
import org.painlab.core.data.VariableKind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a plan file (format in {@link AnalysisPlan}'s class comment) on top of the default plan of
 * the data. Unknown fields are errors, because a misspelt "alpha" silently ignored would change a
 * paper's conclusions; every message names the field.
 */
final class PlanJsonReader {

    private static final Set<String> TOP = Set.of("title", "population", "alpha", "alternative", "conf_level",
            "normality_alpha", "variance_alpha", "expected_count_rule", "quantile_type", "p_decimals", "arms",
            "control_arm", "variables", "overrides", "table_overrides", "time_point_labels");
    private static final Set<String> VARIABLE = Set.of("name", "label", "kind", "section", "decimals", "time_points",
            "event_levels", "levels");
    private static final Set<String> OVERRIDE = Set.of("test", "comparison", "alternative", "exact", "correct");

    private PlanJsonReader() {
    }

    /**
     * @param json plan text
     * @param data the data
     * @return the plan
     */
    public static AnalysisPlan read(String json, SubjectData data) {
        Object parsed;
        try {
            parsed = JsonMapper.builder().build().readValue(json, Object.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        Map<String, Object> root = object("plan", parsed);
        checkKeys("plan", root, TOP);
        AnalysisPlan.Builder b = DefaultPlan.of(data);
        if (root.containsKey("title")) {
            b.title(string("title", root.get("title")));
        }
        if (root.containsKey("population")) {
            b.population(string("population", root.get("population")));
        }
        if (root.containsKey("alpha")) {
            b.alpha(number("alpha", root.get("alpha")));
        }
        if (root.containsKey("alternative")) {
            b.alternative(Alternative.parse(string("alternative", root.get("alternative"))));
        }
        if (root.containsKey("conf_level")) {
            b.confLevel(number("conf_level", root.get("conf_level")));
        }
        if (root.containsKey("normality_alpha")) {
            b.normalityAlpha(number("normality_alpha", root.get("normality_alpha")));
        }
        if (root.containsKey("variance_alpha")) {
            b.varianceAlpha(number("variance_alpha", root.get("variance_alpha")));
        }
        if (root.containsKey("expected_count_rule")) {
            b.countRule(ExpectedCountRule.parse(string("expected_count_rule", root.get("expected_count_rule"))));
        }
        if (root.containsKey("quantile_type")) {
            b.quantileType((int) integer("quantile_type", root.get("quantile_type")));
        }
        if (root.containsKey("p_decimals")) {
            b.pDecimals((int) integer("p_decimals", root.get("p_decimals")));
        }
        if (root.containsKey("arms")) {
            b.arms(strings("arms", root.get("arms")));
        }
        if (root.containsKey("control_arm")) {
            b.controlArm(string("control_arm", root.get("control_arm")));
        }
        if (root.containsKey("time_point_labels")) {
            Map<String, Object> labels = object("time_point_labels", root.get("time_point_labels"));
            labels.forEach((k, v) -> b.timePointLabel(k, string("time_point_labels." + k, v)));
        }
        if (root.containsKey("variables")) {
            b.variables(variables(list("variables", root.get("variables")), data));
        }
        if (root.containsKey("overrides")) {
            Map<String, Object> o = object("overrides", root.get("overrides"));
            for (Map.Entry<String, Object> e : o.entrySet()) {
                for (TestOverride t : overrides("overrides." + e.getKey(), e.getValue())) {
                    b.override(e.getKey(), t);
                }
            }
        }
        if (root.containsKey("table_overrides")) {
            Map<String, Object> o = object("table_overrides", root.get("table_overrides"));
            for (Map.Entry<String, Object> e : o.entrySet()) {
                TableSection section;
                try {
                    section = TableSection.parse(e.getKey());
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("table_overrides: " + ex.getMessage(), ex);
                }
                for (TestOverride t : overrides("table_overrides." + e.getKey(), e.getValue())) {
                    b.tableOverride(section, t);
                }
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("plan: " + e.getMessage(), e);
        }
    }

    private static List<VariableSpec> variables(List<Object> items, SubjectData data) {
        List<VariableSpec> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = "variables[" + i + "]";
            Map<String, Object> m = object(where, items.get(i));
            checkKeys(where, m, VARIABLE);
            String name = string(where + ".name", m.get("name"));
            DataVariable dv;
            try {
                dv = data.variable(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".name: " + e.getMessage(), e);
            }
            try {
                VariableKind kind = m.containsKey("kind") ? VariableKind.parse(string(where + ".kind", m.get("kind")))
                        : dv.kind();
                if ((kind == VariableKind.CONTINUOUS) != (dv.kind() == VariableKind.CONTINUOUS)) {
                    throw new IllegalArgumentException("kind '" + kind.id() + "' does not fit the data, which hold "
                            + dv.kind().id() + " values");
                }
                if (m.containsKey("levels") && !strings(where + ".levels", m.get("levels")).equals(dv.levels())) {
                    throw new IllegalArgumentException("levels " + m.get("levels") + " differ from the data's "
                            + dv.levels() + " (relabel the data, not the plan)");
                }
                DataVariable asKind = new DataVariable(dv.name(), kind, dv.levels(), dv.timePoints());
                TableSection section = m.containsKey("section")
                        ? TableSection.parse(string(where + ".section", m.get("section")))
                        : DefaultPlan.section(asKind);
                VariableSpec spec = DefaultPlan.spec(asKind).withSection(section)
                        .withEventLevels(DefaultPlan.eventLevels(asKind, section));
                if (m.containsKey("label")) {
                    spec = spec.withLabel(string(where + ".label", m.get("label")));
                }
                if (m.containsKey("decimals")) {
                    spec = spec.withDecimals((int) integer(where + ".decimals", m.get("decimals")));
                }
                if (m.containsKey("time_points")) {
                    List<String> tps = strings(where + ".time_points", m.get("time_points"));
                    for (String tp : tps) {
                        if (!dv.timePoints().contains(tp)) {
                            throw new IllegalArgumentException("time point '" + tp + "' is not in the data; present: "
                                    + dv.timePoints());
                        }
                    }
                    spec = spec.withTimePoints(tps);
                }
                if (m.containsKey("event_levels")) {
                    spec = spec.withEventLevels(strings(where + ".event_levels", m.get("event_levels")));
                }
                out.add(spec);
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(where) ? e : new IllegalArgumentException(where + " ('" + name + "'): "
                        + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<TestOverride> overrides(String where, Object value) {
        List<Object> items = value instanceof List<?> l ? new ArrayList<>(l) : List.of(value);
        List<TestOverride> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String w = value instanceof List<?> ? where + "[" + i + "]" : where;
            Map<String, Object> m = object(w, items.get(i));
            checkKeys(w, m, OVERRIDE);
            try {
                out.add(new TestOverride(string(w + ".test", m.get("test")),
                        m.containsKey("comparison") ? Comparison.parse(string(w + ".comparison", m.get("comparison")))
                                : null,
                        m.containsKey("alternative") ? Alternative.parse(string(w + ".alternative",
                                m.get("alternative"))) : null,
                        m.containsKey("exact") ? bool(w + ".exact", m.get("exact")) : null,
                        m.containsKey("correct") && bool(w + ".correct", m.get("correct"))));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(w) ? e : new IllegalArgumentException(w + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static void checkKeys(String where, Map<String, Object> m, Set<String> known) {
        for (String k : m.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown field '" + k + "'; known fields: "
                        + known.stream().sorted().toList());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String where, Object v) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(where + " must be a JSON object");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(String where, Object v) {
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IllegalArgumentException(where + " must be a JSON array");
    }

    private static String string(String where, Object v) {
        if (v instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalArgumentException(where + " must be a non-empty string, not " + v);
    }

    private static List<String> strings(String where, Object v) {
        List<String> out = new ArrayList<>();
        List<Object> l = list(where, v);
        for (int i = 0; i < l.size(); i++) {
            out.add(string(where + "[" + i + "]", l.get(i)));
        }
        return out;
    }

    private static double number(String where, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(where + " must be a number, not " + v);
    }

    private static long integer(String where, Object v) {
        double d = number(where, v);
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException(where + " must be a whole number, not " + v);
        }
        return (long) d;
    }

    private static boolean bool(String where, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(where + " must be true or false, not " + v);
    }
}
