package org.painlab.mechanism.steady;

import java.util.List;
import java.util.Map;

/**
 * A steady state of a model's equations (all derivatives zero) and its stability.
 *
 * @param model the model's id
 * @param states ids of the state variables
 * @param values their values at the steady state (species as the model's formulas read them: amount or concentration)
 * @param rates the derivatives there (amounts per time for species): what is left of f(x) = 0
 * @param residual max over states of |rate| / max(1, |amount|)
 * @param method how it was found, e.g. "newton" or "integration to t = 1000, then newton"
 * @param newtonIterations Newton iterations used (all attempts)
 * @param integratedTime how long the equations were integrated before Newton (0 when Newton alone found it)
 * @param held states whose derivative is identically zero (parameters changed only by events): constant here,
 *        left out of the stability analysis
 * @param eigenReal real parts of the Jacobian's eigenvalues (over the states not held), in decreasing order
 * @param eigenImag the imaginary parts, in the same order
 * @param stability from the largest real part
 * @param variables every other variable (assignment rules, e.g. pain) at the steady state
 * @since 0.1
 */
public record SteadyState(String model, List<String> states, double[] values, double[] rates, double residual, String method,
        int newtonIterations, double integratedTime, List<String> held, double[] eigenReal, double[] eigenImag,
        Stability stability, Map<String, Double> variables) {

    /** Stability of a steady state from the eigenvalues of the Jacobian. */
    public enum Stability {
        /** Every eigenvalue has a negative real part: small disturbances die out. */
        STABLE,
        /** Some eigenvalue has a positive real part: small disturbances grow. */
        UNSTABLE,
        /** The largest real part is zero within rounding (e.g. a conserved quantity): linearization cannot tell. */
        MARGINAL;

        /** Lower-case name for reports and JSON. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Copies the lists. */
    public SteadyState {
        states = List.copyOf(states);
        held = List.copyOf(held);
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    }

    /** Value of state {@code id}. */
    public double value(String id) {
        int i = states.indexOf(id);
        if (i < 0) {
            Double v = variables.get(id);
            if (v == null) {
                throw new IllegalArgumentException("no state or variable '" + id + "'; states: " + states);
            }
            return v;
        }
        return values[i];
    }

    /** The largest real part of the eigenvalues (NaN when there are none). */
    public double largestRealPart() {
        return eigenReal.length == 0 ? Double.NaN : eigenReal[0];
    }
}
