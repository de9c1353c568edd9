package org.painlab.mechanism.sensitivity;

import org.painlab.mechanism.sim.TimeCourse;

/**
 * The number a sensitivity analysis studies, taken from one simulated variable: its value at the end of the
 * run ({@code VAR}), at a time ({@code VAR@t}), its maximum over the run ({@code VAR:max}) or its area under
 * the curve by the trapezoidal rule over the output times ({@code VAR:auc}).
 *
 * @param variable model symbol
 * @param kind what is taken from its time course
 * @param time the time for {@link Kind#AT}, else NaN
 * @since 0.1
 */
public record OutputMeasure(String variable, Kind kind, double time) {
    /** What is taken from the time course. */
    public enum Kind {
        /** value at the last output time */
        END,
        /** value at a given output time */
        AT,
        /** maximum over the output times */
        MAX,
        /** trapezoidal area over the output times */
        AUC
    }

    /**
     * Parses {@code VAR}, {@code VAR@t}, {@code VAR:max} or {@code VAR:auc}.
     *
     * @throws IllegalArgumentException naming the text
     */
    public static OutputMeasure parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        int at = s.lastIndexOf('@');
        int colon = s.lastIndexOf(':');
        if (at > 0) {
            try {
                return new OutputMeasure(s.substring(0, at), Kind.AT, Double.parseDouble(s.substring(at + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("output '" + spec + "': time '" + s.substring(at + 1) + "' is not a number");
            }
        }
        if (colon > 0) {
            String k = s.substring(colon + 1);
            return switch (k) {
                case "max" -> new OutputMeasure(s.substring(0, colon), Kind.MAX, Double.NaN);
                case "auc" -> new OutputMeasure(s.substring(0, colon), Kind.AUC, Double.NaN);
                default -> throw new IllegalArgumentException("output '" + spec + "': expected VAR, VAR:max, VAR:auc or VAR@TIME");
            };
        }
        if (s.isEmpty() || at == 0 || colon == 0) {
            throw new IllegalArgumentException("output '" + spec + "': expected VAR, VAR:max, VAR:auc or VAR@TIME");
        }
        return new OutputMeasure(s, Kind.END, Double.NaN);
    }

    /** The text {@link #parse} reads. */
    public String text() {
        return switch (kind) {
            case END -> variable;
            case AT -> variable + "@" + time;
            case MAX -> variable + ":max";
            case AUC -> variable + ":auc";
        };
    }

    /**
     * The measure of a time course that has the variable as a column.
     *
     * @throws IllegalArgumentException when {@code t} is not one of the output times
     */
    public double of(TimeCourse tc) {
        int c = tc.column(variable);
        double[] t = tc.times();
        double[][] v = tc.values();
        switch (kind) {
            case END:
                return v[t.length - 1][c];
            case AT:
                for (int i = 0; i < t.length; i++) {
                    if (Math.abs(t[i] - time) <= 1e-9 * Math.max(1, Math.abs(time))) {
                        return v[i][c];
                    }
                }
                throw new IllegalArgumentException("output '" + text() + "': " + time + " is not an output time");
            case MAX:
                double m = Double.NEGATIVE_INFINITY;
                for (double[] row : v) {
                    m = Math.max(m, row[c]);
                }
                return m;
            default:
                double a = 0;
                for (int i = 1; i < t.length; i++) {
                    a += (t[i] - t[i - 1]) * (v[i][c] + v[i - 1][c]) / 2;
                }
                return a;
        }
    }
}
