package org.painlab.mechanism.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Parameter;

/**
 * A model parameter to estimate: where the search starts and the bounds it stays within. A parameter whose
 * lower bound is >= 0 and whose initial value is > 0 is searched on the log scale (rate constants, gains span
 * orders of magnitude, and the log keeps them positive).
 *
 * @param id the model parameter
 * @param initial starting value
 * @param lower lower bound (may be -infinity)
 * @param upper upper bound (may be +infinity)
 * @param logScale whether the search runs over ln(value)
 * @since 0.1
 */
public record FitParameter(String id, double initial, double lower, double upper, boolean logScale) {
    /** Checks the values. */
    public FitParameter {
        if (!(lower < upper) || Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("parameter '" + id + "': bounds must be LOW < HIGH, got " + lower + ":" + upper);
        }
        if (!Double.isFinite(initial) || initial < lower || initial > upper) {
            throw new IllegalArgumentException("parameter '" + id + "': initial value " + initial + " is not within its bounds " + lower
                    + ":" + upper);
        }
        if (logScale && !(lower >= 0 && initial > 0)) {
            throw new IllegalArgumentException("parameter '" + id + "': the log scale needs a lower bound >= 0 and an initial value > 0");
        }
    }

    /** The search coordinate of a value. */
    public double toSearch(double value) {
        return logScale ? Math.log(value) : value;
    }

    /** The value of a search coordinate. */
    public double fromSearch(double x) {
        return logScale ? Math.exp(x) : x;
    }

    /** Lower bound of the search coordinate. */
    public double searchLower() {
        return logScale ? (lower > 0 ? Math.log(lower) : Double.NEGATIVE_INFINITY) : lower;
    }

    /** Upper bound of the search coordinate. */
    public double searchUpper() {
        return logScale ? Math.log(upper) : upper;
    }

    /**
     * The parameters to estimate from their ids, {@code p=lo:hi} bounds and {@code p=v} initial values. Defaults:
     * the model's value as the initial value; bounds [0, +inf) for a positive value, unbounded otherwise.
     *
     * @throws IllegalArgumentException naming a parameter the model lacks, one that rules or events change, a
     *         bound or initial value for a parameter not fitted, or bad numbers
     */
    public static List<FitParameter> of(Model model, List<String> ids, List<String> bounds, List<String> initials) {
        Map<String, double[]> b = new LinkedHashMap<>();
        for (String s : bounds) {
            int eq = s.indexOf('=');
            String[] lh = eq > 0 ? s.substring(eq + 1).split(":", -1) : new String[0];
            if (lh.length != 2) {
                throw new IllegalArgumentException("bounds '" + s + "': expected PARAMETER=LOW:HIGH, e.g. k_heal=0.01:1");
            }
            b.put(s.substring(0, eq).strip(), new double[] {bound(s, lh[0], Double.NEGATIVE_INFINITY), bound(s, lh[1], Double.POSITIVE_INFINITY)});
        }
        Map<String, Double> init = new LinkedHashMap<>();
        for (String s : initials) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("initial value '" + s + "': expected PARAMETER=VALUE");
            }
            init.put(s.substring(0, eq).strip(), bound(s, s.substring(eq + 1), Double.NaN));
        }
        for (String id : b.keySet()) {
            if (!ids.contains(id)) {
                throw new IllegalArgumentException("bounds '" + id + "': '" + id + "' is not among the fitted parameters " + ids);
            }
        }
        for (String id : init.keySet()) {
            if (!ids.contains(id)) {
                throw new IllegalArgumentException("initial value of '" + id + "': '" + id + "' is not among the fitted parameters " + ids);
            }
        }
        List<FitParameter> out = new ArrayList<>();
        for (String id : ids) {
            Parameter p = model.parameter(id).orElseThrow(() -> new IllegalArgumentException("fit '" + id + "': model '" + model.id()
                    + "' has no parameter '" + id + "'; parameters: " + model.parameters().stream().map(Parameter::id).toList()));
            if (!p.constant()) {
                throw new IllegalArgumentException("fit '" + id + "': rules or events change '" + id + "' during a run; only constant parameters can be fitted");
            }
            if (out.stream().anyMatch(x -> x.id().equals(id))) {
                throw new IllegalArgumentException("fit '" + id + "': given twice");
            }
            double initial = init.getOrDefault(id, p.value());
            if (!Double.isFinite(initial)) {
                throw new IllegalArgumentException("fit '" + id + "': the model gives it no number (initial assignment); give an initial value");
            }
            double[] lh = b.getOrDefault(id, initial > 0 ? new double[] {0, Double.POSITIVE_INFINITY}
                    : new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
            out.add(new FitParameter(id, initial, lh[0], lh[1], lh[0] >= 0 && initial > 0));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no parameter to fit: name at least one (fit p1,p2)");
        }
        return out;
    }

    private static double bound(String spec, String text, double blank) {
        String t = text.strip();
        if (t.isEmpty()) {
            if (Double.isNaN(blank)) {
                throw new IllegalArgumentException("'" + spec + "': no value");
            }
            return blank;
        }
        try {
            return switch (t.toLowerCase(java.util.Locale.ROOT)) {
                case "inf", "+inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(t);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': '" + t + "' is not a number");
        }
    }
}
