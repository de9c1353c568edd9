package org.painlab.mechanism.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Parameter;

/**
 * Parameter values given as text {@code p=v} (a run's, a fit's or a steady state's settings): parsed, checked
 * against the model and applied, so every front end reports a bad value the same way.
 *
 * @since 0.1
 */
public final class ParameterValues {
    private ParameterValues() {
    }

    /**
     * Parses {@code p=v} items in order (a later value for the same parameter wins).
     *
     * @throws IllegalArgumentException naming the item, and the model's parameters when it has no such parameter
     */
    public static Map<String, Double> parse(Model model, List<String> items) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String s : items) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + s + "': expected PARAMETER=VALUE");
            }
            String p = s.substring(0, eq).strip();
            double v;
            try {
                v = Double.parseDouble(s.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "': '" + s.substring(eq + 1) + "' is not a number");
            }
            if (model.parameter(p).isEmpty()) {
                throw new IllegalArgumentException("'" + s + "': model '" + model.id() + "' has no parameter '" + p + "'; parameters: "
                        + model.parameters().stream().map(Parameter::id).toList());
            }
            out.put(p, v);
        }
        return out;
    }

    /** The model with the values set. */
    public static Model apply(Model model, Map<String, Double> values) {
        Model m = model;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            m = m.withParameter(e.getKey(), e.getValue());
        }
        return m;
    }

    /** Splits a comma-separated list, dropping blanks. */
    public static List<String> list(String spec) {
        List<String> out = new ArrayList<>();
        if (spec != null) {
            for (String s : spec.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }
}
