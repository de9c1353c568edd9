package org.painlab.mechanism.sensitivity;

import java.util.ArrayList;
import java.util.List;

import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Parameter;

/**
 * The interval a parameter is varied over in a sensitivity analysis or scan: uniform on [low, high].
 *
 * @param id parameter id
 * @param low lower end
 * @param high upper end (greater than low)
 * @since 0.1
 */
public record ParameterRange(String id, double low, double high) {
    /** Fraction of the nominal value a default range reaches on either side. */
    public static final double DEFAULT_SPREAD = 0.5;

    /**
     * Checks the range.
     *
     * @throws IllegalArgumentException naming the parameter when the ends are not finite or not increasing
     */
    public ParameterRange {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a parameter range needs a parameter id");
        }
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(high > low)) {
            throw new IllegalArgumentException("parameter '" + id + "': range " + low + ":" + high
                    + " is not an interval (expected finite LOW < HIGH)");
        }
    }

    /** The value at fraction {@code u} of the range (0 gives low, 1 high). */
    public double at(double u) {
        return low + u * (high - low);
    }

    /**
     * Parses {@code p=lo:hi}; {@code p} alone gives the default range around the model's value.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static ParameterRange parse(String spec, Model model) {
        int eq = spec.indexOf('=');
        String id = (eq < 0 ? spec : spec.substring(0, eq)).strip();
        Parameter p = checked(model, id, spec);
        if (eq < 0) {
            return around(p);
        }
        String[] ends = spec.substring(eq + 1).split(":");
        if (ends.length != 2) {
            throw new IllegalArgumentException("parameter range '" + spec + "': expected p=LOW:HIGH");
        }
        return new ParameterRange(id, number(ends[0], spec), number(ends[1], spec));
    }

    /** The default ranges: every constant parameter with a finite non-zero value, ±50% of it. */
    public static List<ParameterRange> defaults(Model model) {
        List<ParameterRange> out = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            if (p.constant() && Double.isFinite(p.value()) && p.value() != 0) {
                out.add(around(p));
            }
        }
        return out;
    }

    private static ParameterRange around(Parameter p) {
        if (!Double.isFinite(p.value()) || p.value() == 0) {
            throw new IllegalArgumentException("parameter '" + p.id() + "' has nominal value " + p.value()
                    + ": give its range as " + p.id() + "=LOW:HIGH");
        }
        double a = p.value() * (1 - DEFAULT_SPREAD), b = p.value() * (1 + DEFAULT_SPREAD);
        return new ParameterRange(p.id(), Math.min(a, b), Math.max(a, b));
    }

    static Parameter checked(Model model, String id, String spec) {
        Parameter p = model.parameter(id).orElseThrow(() -> new IllegalArgumentException("parameter range '" + spec
                + "': model '" + model.id() + "' has no parameter '" + id + "'"));
        if (!p.constant()) {
            throw new IllegalArgumentException("parameter range '" + spec + "': parameter '" + id
                    + "' is changed by rules or events during the run, so its starting value cannot be varied");
        }
        return p;
    }

    private static double number(String text, String spec) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter range '" + spec + "': '" + text + "' is not a number");
        }
    }
}
