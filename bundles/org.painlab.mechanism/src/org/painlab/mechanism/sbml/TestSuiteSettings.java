package org.painlab.mechanism.sbml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.painlab.mechanism.model.ModelException;

/**
 * A case's {@code -settings.txt} from the SBML Test Suite: output grid, variables to report, the tolerances
 * a result must meet, and which species are reported as amounts or concentrations.
 *
 * @param start first output time
 * @param duration length of the output interval
 * @param steps number of intervals (steps + 1 rows)
 * @param variables reported ids in column order
 * @param absolute absolute tolerance of the pass rule
 * @param relative relative tolerance of the pass rule
 * @param amount species reported as amounts
 * @param concentration species reported as concentrations
 * @since 0.1
 */
public record TestSuiteSettings(double start, double duration, int steps, List<String> variables, double absolute,
        double relative, Set<String> amount, Set<String> concentration) {
    /** Copies the collections. */
    public TestSuiteSettings {
        variables = List.copyOf(variables);
        amount = Set.copyOf(amount);
        concentration = Set.copyOf(concentration);
    }

    /** @throws ModelException naming the file, line and field of a bad or missing value */
    public static TestSuiteSettings read(Path file) throws ModelException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ModelException(file + ": cannot read: " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int colon = l.indexOf(':');
            if (colon < 0) {
                throw new ModelException(file + ": line " + (i + 1) + ": expected 'key: value', got '" + l + "'");
            }
            String key = l.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            values.put(key, l.substring(colon + 1).strip());
            lineOf.put(key, i + 1);
        }
        double start = number(file, values, lineOf, "start", "0");
        double duration = number(file, values, lineOf, "duration", null);
        double steps = number(file, values, lineOf, "steps", null);
        if (steps < 1 || steps != Math.rint(steps)) {
            throw new ModelException(file + ": line " + lineOf.get("steps") + ": field 'steps': expected a positive whole number");
        }
        return new TestSuiteSettings(start, duration, (int) steps, list(values.get("variables")),
                number(file, values, lineOf, "absolute", "1e-10"), number(file, values, lineOf, "relative", "1e-8"),
                new LinkedHashSet<>(list(values.get("amount"))), new LinkedHashSet<>(list(values.get("concentration"))));
    }

    private static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static double number(Path file, Map<String, String> values, Map<String, Integer> lineOf, String key,
            String fallback) throws ModelException {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            if (fallback == null) {
                throw new ModelException(file + ": field '" + key + "' is missing");
            }
            v = fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ModelException(file + ": line " + lineOf.get(key) + ": field '" + key + "': '" + v + "' is not a number");
        }
    }
}
